"""Benchmark: `validate` on the repository, and CLI start-up (`lchd-assess --help`).

Prints figures; it is not a test. Run: .venv/bin/python benchmarks/validate.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=False, capture_output=True)
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    py = sys.executable
    bare = timed([py, "-c", "pass"], 5)
    help_ = timed([py, "-m", "lchd_assess", "--help"], 5)
    validate = timed([py, "-m", "lchd_assess", "validate"], 5)
    sys.path.insert(0, str(ROOT))
    from lchd_assess.app.validate import validate_paths

    validate_paths()  # warm: schemas generated once per process
    t0 = time.perf_counter()
    n = 5
    for _ in range(n):
        report = validate_paths().report
    in_process = (time.perf_counter() - t0) / n
    med = statistics.median
    print(f"python start-up (bare)       : {med(bare) * 1000:7.1f} ms")
    print(f"lchd-assess --help           : {med(help_) * 1000:7.1f} ms  ({med(help_) / med(bare):.2f}x bare python)")
    print(f"lchd-assess validate (CLI)   : {med(validate) * 1000:7.1f} ms  for {len(report.checked)} files")
    print(f"validate_paths (in process)  : {in_process * 1000:7.1f} ms  warm, same files")


if __name__ == "__main__":
    main()

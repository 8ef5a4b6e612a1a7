"""Benchmark: the pytest part of the README's test command (`bash scripts/test.sh`).

Run from the repository root: ``.venv/bin/python benchmarks/suite.py`` (after
``bash scripts/setup.sh``).  It runs pytest exactly as scripts/test.sh does (two processes:
``-n 2 --dist loadgroup``) and, with ``--single``, also in one process (``-n 0``), each as a
child process waited for with ``os.wait4``, and prints for each: wall time, CPU time (user +
system of pytest and every process it started: workers, CLI subprocesses, MkDocs, chromium),
the tests passed, and the load average before and after.  On a shared machine the CPU time is
the fair figure for comparing two versions of the suite; the goal is wall time on a quiet
2-core machine: **the pytest part under 120 s**, and the verdict line says whether this run met
it (and what the load was).  ``--runs N`` repeats and reports medians (interleaved with
``--single``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_S = 120.0
#: what scripts/test.sh exports before pytest
ENV = {"LCHD_CHROMIUM": "/usr/bin/chromium", "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def run(args: list[str]) -> dict:
    """One pytest run as a child process; wall, and CPU from its rusage (it and its children)."""
    load_before = os.getloadavg()[0]
    cmd = [str(ROOT / ".venv" / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", *args]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **ENV}, stdout=log, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        out = log.read()
    summary = (out.strip().splitlines() or ["(no output)"])[-1]
    for line in out.splitlines():
        if line.startswith(("FAILED", "ERROR")):
            print("  " + line, flush=True)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "summary": summary,
        "load": f"{load_before:.2f} → {os.getloadavg()[0]:.2f}",
        "rc": proc.returncode,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--single", action="store_true", help="also run in one process (-n 0)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    modes = {"two processes (scripts/test.sh)": ["-n", "2", "--dist", "loadgroup"]}
    if args.single:
        modes["one process"] = ["-n", "0"]
    results: dict[str, list[dict]] = {m: [] for m in modes}
    for _ in range(args.runs):
        for name, extra in modes.items():  # interleaved
            res = run(extra)
            results[name].append(res)
            print(
                f"{name}: wall {res['wall']:.1f} s, CPU {res['cpu']:.1f} s, {res['summary']} (load {res['load']})",
                flush=True,
            )
    ok = True
    for name, rs in results.items():
        wall = statistics.median(r["wall"] for r in rs)
        cpu = statistics.median(r["cpu"] for r in rs)
        green = all(r["rc"] == 0 for r in rs)
        print(f"median of {len(rs)}, {name}: wall {wall:.1f} s, CPU {cpu:.1f} s, all passed: {green}")
        ok = ok and green
    wall = statistics.median(r["wall"] for r in results["two processes (scripts/test.sh)"])
    verdict = "MET" if ok and wall < GOAL_S else "NOT MET"
    print(
        f"goal (pytest part of `bash scripts/test.sh` under {GOAL_S:.0f} s on a quiet 2-core machine): {verdict} "
        f"in this run ({wall:.1f} s; load average now {os.getloadavg()[0]:.2f} — judge only on a quiet machine)"
    )
    return 0 if verdict == "MET" else 1


if __name__ == "__main__":
    sys.exit(main())

"""One very large wave: the whole `lchd-assess score` process on N valid respondents.

Issue 16 measured 100,000 valid respondents in one wave at 3 min 10 s and 372 MB before the
vectorised scorer. This script writes such a wave (random valid answers, every sector, fixed
seed) into a copy of an example partnership and runs the real command as a user would: whole
process, wall time as the median of --runs paired runs, peak memory (max RSS of the child), and
the bare interpreter (`python -c pass`) for comparison.

    .venv/bin/python benchmarks/large_wave.py --respondents 100000 --runs 3
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_wave(folder: Path, n: int, seed: int = 2026) -> Path:
    from lchd_assess.load.instrument import load_assessment

    inst = load_assessment().instrument
    items = inst.item_ids()
    sectors = [s.id for s in inst.sectors]
    roles = [r.id for r in inst.roles]
    rng = random.Random(seed)
    wave = sorted((folder / "responses").glob("*.csv"))[-1]
    with wave.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["respondent_id", "sector", "role", *items])
        for i in range(n):
            answers = [rng.choice("01234") if rng.random() > 0.05 else rng.choice(["DK", "NA", ""]) for _ in items]
            answers[0] = rng.choice("01234")  # everyone answers something
            w.writerow([f"R{i:06d}", rng.choice(sectors), rng.choice(roles), *answers])
    return wave


def run(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--respondents", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    example = sorted(p for p in (ROOT / "assessments" / "examples").iterdir() if p.is_dir())[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "big"
        shutil.copytree(example, folder)
        # only the latest wave: no change computation against the example's earlier wave
        for old in sorted((folder / "responses").glob("*.csv"))[:-1]:
            old.unlink()
        wave = write_wave(folder, args.respondents)
        size = wave.stat().st_size
        bare, score = [], []
        for _ in range(args.runs):  # paired: bare interpreter, then the command
            bare.append(run([sys.executable, "-c", "pass"]))
            score.append(run([sys.executable, "-m", "lchd_assess", "score", str(folder), "--format", "json"]))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"wave: {args.respondents:,} respondents, {size / 1e6:.1f} MB CSV")
    print(f"bare python -c pass: median {statistics.median(bare):.2f} s")
    print(
        f"lchd-assess score:   median {statistics.median(score):.2f} s over {args.runs} runs ({', '.join(f'{t:.1f}' for t in score)})"
    )
    print(f"peak memory (max RSS of any child): {peak:.0f} MB")


if __name__ == "__main__":
    main()

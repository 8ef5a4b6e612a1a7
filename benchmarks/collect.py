"""Benchmark: ``lchd-assess collect`` of 200 browser answer files, and the questionnaire's size.

Run from the repository root: ``.venv/bin/python benchmarks/collect.py [--runs N]``.  It

1. writes 200 answer files as the browser questionnaire saves them (every item answered, some
   DK/NA, a comment on one in five) and a partnership folder copied from the Riverbend example
   without its answers;
2. times the whole ``lchd-assess collect PARTNERSHIP 200 files --wave W`` command in a fresh
   process (start-up, instrument and partnership loading, checking each file, the merge, the
   atomic write), on a fresh copy of the folder each run, and reports the median of the runs;
3. times ``lchd-assess --version`` the same way (the bare start-up the command cannot avoid),
   and the merge alone in this process, so the ratio says what collecting itself costs;
4. prints the size of the standalone questionnaire page (aim: under 300 KB), of its PDF and of
   its workbook.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lchd_assess.app.collect import collect  # noqa: E402
from lchd_assess.load.instrument import load_assessment  # noqa: E402
from lchd_assess.render.questionnaire import render_html  # noqa: E402

EXAMPLE = ROOT / "assessments" / "examples" / "riverbend-neighbourhood-collaborative"
WAVE = "2026-10-31-autumn"
CLI = [sys.executable, "-m", "lchd_assess"]


def answer_files(folder: Path, n: int) -> list[Path]:
    inst = load_assessment().instrument
    sectors = [s.id for s in inst.sectors]
    rng = random.Random(7)
    out = []
    for k in range(n):
        sector = rng.choice(sectors)
        answers = {i: rng.choice([0, 1, 2, 3, 4, 2, 3, "DK", "NA"]) for i in inst.item_ids()}
        doc = {
            "format": "lchd-answers",
            "format_version": 1,
            "instrument": inst.id,
            "instrument_version": inst.version,
            "wave": WAVE,
            "language": "en",
            "respondent_id": f"B{k:03d}-{rng.randrange(10**4):04d}",
            "sector": sector,
            "role": "resident-family-member" if sector == inst.resident_sector else "staff",
            "answers": answers,
            "comments": {"P1.Q1": "A short comment."} if k % 5 == 0 else {},
        }
        p = folder / f"lchd-answers-{k:03d}.json"
        p.write_text(json.dumps(doc, indent=2), encoding="utf-8")
        out.append(p)
    return out


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        files = answer_files(tmp, 200)
        whole, bare, merge = [], [], []
        for run in range(args.runs):
            folder = tmp / f"p{run}"
            shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("responses"))
            whole.append(timed([*CLI, "collect", str(folder), *map(str, files), "--wave", WAVE]))
            bare.append(timed([*CLI, "--version"]))
            again = tmp / f"m{run}"
            shutil.copytree(EXAMPLE, again, ignore=shutil.ignore_patterns("responses"))
            t = time.perf_counter()
            result = collect(again, files, WAVE)
            merge.append(time.perf_counter() - t)
            assert result.added == 200 and not result.refused
        inst = load_assessment().instrument
        html = render_html(inst).encode("utf-8")
        subprocess.run(
            [*CLI, "questionnaire", "--out", str(tmp / "q"), "--format", "pdf"],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        subprocess.run(
            [*CLI, "questionnaire", "--out", str(tmp / "q"), "--format", "xlsx"],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        pdf_kb = (tmp / "q" / "questionnaire.pdf").stat().st_size / 1024
        xlsx_kb = (tmp / "q" / "questionnaire.xlsx").stat().st_size / 1024
    med = statistics.median
    print(
        f"collect of 200 answer files, whole command in a fresh process: median {med(whole):.2f} s over {args.runs} runs (min {min(whole):.2f}, max {max(whole):.2f})"
    )
    print(
        f"bare start-up (lchd-assess --version): median {med(bare):.2f} s; collect ÷ start-up: {med(whole) / med(bare):.1f}×"
    )
    print(
        f"merge alone in one process (read + check 200 files, write the wave): median {med(merge) * 1000:.0f} ms ({med(merge) / 200 * 1000:.2f} ms per file)"
    )
    print(
        f"standalone questionnaire page: {len(html) / 1024:.0f} KB (aim < 300 KB); paper PDF {pdf_kb:.0f} KB; workbook {xlsx_kb:.0f} KB"
    )


if __name__ == "__main__":
    main()

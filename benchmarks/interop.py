"""Benchmark: importing a survey platform's export of N respondents into a wave (whole process).

Run from the repository root: ``.venv/bin/python benchmarks/interop.py [--respondents 200]``.  It

1. exports the instrument for each platform (``lchd-assess export instrument``) and makes each
   platform's export of N made-up respondents with the stand-ins the round-trip tests use
   (tests/interop_platforms.py, written from the platforms' documentation);
2. times ``lchd-assess import FORMAT FILE --partnership P --wave W`` as a whole process (start-up,
   reading, checks, merge, atomic write) into a fresh partnership folder, ``--runs`` times each,
   and prints the median;
3. times ``lchd-assess collect P FILE.csv --wave W`` of the same answers as the toolkit's own CSV
   the same way: the baseline every import goes through, so the ratio is what reading a
   platform's format costs on top.
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
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import interop_platforms as tp  # noqa: E402
from lchd_assess.core.outputs import csv_text  # noqa: E402
from lchd_assess.formats.responses import template_header  # noqa: E402
from lchd_assess.load.instrument import load_assessment  # noqa: E402

CLI = [sys.executable, "-m", "lchd_assess"]
EXAMPLE = ROOT / "assessments" / "examples" / "riverbend-neighbourhood-collaborative"
WAVE = "2026-03-31-bench"


def people(n: int, inst) -> list[dict]:
    rng = random.Random(7)
    sectors = {s.id: s.label for s in inst.sectors}
    roles = {r.id: r.label for r in inst.roles}
    out = []
    for k in range(n):
        s, r = rng.choice(list(sectors)), rng.choice(list(roles))
        answers = {i: rng.choice([0, 1, 2, 3, 4, 2, 3, "DK", "NA", None]) for i in inst.item_ids()}
        out.append(
            {
                "id": f"B{k + 1:04d}",
                "sector": s,
                "role": r,
                "answers": answers,
                "comments": {},
                "_labels": {"sector": sectors[s], "role": roles[r]},
            }
        )
    return out


def timed(cmd: list[str], fresh: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        shutil.rmtree(fresh / "responses", ignore_errors=True)
        t0 = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if r.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{r.stderr}")
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--respondents", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    inst = load_assessment().instrument
    who = people(args.respondents, inst)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        p = d / "partnership"
        p.mkdir()
        shutil.copy(EXAMPLE / "partnership.yaml", p)
        ex = {}
        for fmt, name in (("redcap", "dd.csv"), ("xlsform", "form.xlsx"), ("fhir", "q.json"), ("forms-text", "f.txt")):
            subprocess.run(
                CLI + ["export", "instrument", "--format", fmt, "--out", str(d / name)], check=True, capture_output=True
            )
            ex[fmt] = d / name
        files = {
            "redcap": tp.redcap_export(ex["redcap"].read_text(encoding="utf-8"), who),
            "kobo": tp.kobo_export(ex["xlsform"], who),
            "odk": tp.odk_export(ex["xlsform"], who),
            "fhir": tp.fhir_bundle(json.loads(ex["fhir"].read_text(encoding="utf-8")), who),
            "forms": tp.qualtrics_csv(ex["forms-text"].read_text(encoding="utf-8"), who),
        }
        baseline_csv = d / "answers.csv"
        header = template_header(inst)
        rows = [
            [w["id"], w["sector"], w["role"]]
            + ["" if w["answers"][i] is None else str(w["answers"][i]) for i in inst.item_ids()]
            for w in who
        ]
        baseline_csv.write_text(csv_text([header] + rows), encoding="utf-8")
        base = timed(CLI + ["collect", str(p), str(baseline_csv), "--wave", WAVE], p, args.runs)
        print(
            f"{args.respondents} respondents × {len(inst.item_ids())} items; median of {args.runs} whole-process runs"
        )
        print(f"  collect (toolkit CSV, baseline)  {base:6.3f} s")
        for fmt, text in files.items():
            f = d / f"export-{fmt}.{'json' if fmt == 'fhir' else 'csv'}"
            f.write_text(text, encoding="utf-8")
            t = timed(CLI + ["import", fmt, str(f), "--partnership", str(p), "--wave", WAVE], p, args.runs)
            print(f"  import {fmt:<26} {t:6.3f} s  ({t / base:.2f}× collect)")


if __name__ == "__main__":
    main()

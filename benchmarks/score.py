"""Benchmark: score 1,000 partnerships × 25 respondents × 60 items (1.5 M answers) from CSV.

Run from the repository root: ``.venv/bin/python benchmarks/score.py`` (numpy is a test
dependency, used here only as the reference).  It

1. writes 1,000 partnership folders (partnership.yaml + responses/<wave>.csv) to a temporary
   folder, for a 60-item instrument (the real one plus 13 made-up items spread over the
   elements, so the benchmark has the issue's size);
2. times ``score`` end to end for each folder, in one process (read partnership.yaml, read and
   check the CSV, score with the 2,000-resample bootstrap, groups, gaps, gate, representation,
   serialise the JSON), and one ``lchd-assess score`` command on an example, for start-up cost;
3. times a bare NumPy group-by of the same answers (element means per partnership, the core of
   the score without intervals, privacy rules or checks), with and without parsing the CSVs,
   and NumPy doing the same bootstrap as well;
4. times the scorer with the bootstrap cut to 100 resamples, to show what the interval costs;

and prints each figure and the ratio scorer ÷ NumPy.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from lchd_assess.load.instrument import load_assessment  # noqa: E402
from lchd_assess.formats.score_output import to_json  # noqa: E402
from lchd_assess.app.score import framework_context, score_partnership  # noqa: E402
from lchd_assess.score.scoring import Context  # noqa: E402

SECTORS = ["health-care", "public-health", "social-services", "education", "housing", "community-organisation", "resident-family", "backbone", "funder"]


def bench_assessment(n_items: int):
    """The real assessment, with made-up items added round-robin until it has ``n_items``."""
    a = load_assessment()
    inst = a.instrument
    items = list(inst.items)
    elements = [s.element for s in inst.sections]
    next_q = {e: sum(1 for i in items if i.element == e) for e in elements}
    k = 0
    while len(items) < n_items:
        e = elements[k % len(elements)]
        next_q[e] += 1
        template = next(i for i in items if i.element == e)
        items.append(template.model_copy(update={"id": f"{e}.Q{next_q[e]}", "components": []}))
        k += 1
    order = {e: n for n, e in enumerate(elements)}
    items.sort(key=lambda i: (order[i.element], int(i.id.split(".Q")[1])))
    return dataclasses.replace(a, instrument=inst.model_copy(update={"items": items}))


def generate(out: Path, n_partnerships: int, n_respondents: int, item_ids: list[str], seed: int = 2026) -> None:
    rng = random.Random(seed)
    header = ["respondent_id", "sector", "role", *item_ids]
    answers = ["0", "1", "2", "3", "4"]
    for p in range(n_partnerships):
        d = out / f"p{p:04d}"
        (d / "responses").mkdir(parents=True)
        roster = "\n".join(f"  - {{id: org-{j:02d}, name: Organisation {j}, sector: {s}}}" for j, s in enumerate(SECTORS, 1))
        (d / "partnership.yaml").write_text(f"kind: partnership\nname: Benchmark partnership {p}\nscale: city\npopulation_focus: benchmark\nfictional: true\nroster:\n{roster}\n", encoding="utf-8")
        level = rng.uniform(0.5, 3.5)
        buf = io.StringIO(newline="")
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(header)
        for r in range(n_respondents):
            s = rng.choice(SECTORS)
            row = []
            for _ in item_ids:
                u = rng.random()
                row.append("DK" if u < 0.04 else "NA" if u < 0.06 else "" if u < 0.08 else answers[max(0, min(4, round(level + rng.gauss(0, 0.8))))])
            w.writerow([f"R{r:02d}", s, "resident-family-member" if s == "resident-family" else "staff", *row])
        (d / "responses" / "2026-annual.csv").write_text(buf.getvalue(), encoding="utf-8")


def numpy_groupby(values: np.ndarray, element_of_item: np.ndarray, n_elements: int) -> np.ndarray:
    """Element means per partnership: mean over respondents per item, then over items per element."""
    item_means = np.nanmean(values, axis=1)  # (partnerships, items)
    out = np.empty((values.shape[0], n_elements))
    for e in range(n_elements):
        out[:, e] = np.nanmean(item_means[:, element_of_item == e], axis=1) * 25
    return out


def load_numpy(folders: list[Path], n_items: int) -> np.ndarray:
    arrays = []
    for d in folders:
        raw = np.genfromtxt(d / "responses" / "2026-annual.csv", delimiter=",", skip_header=1, dtype=str, usecols=range(3, 3 + n_items))
        arrays.append(raw)
    a = np.stack(arrays)
    vals = np.full(a.shape, np.nan)
    for v in "01234":
        vals[a == v] = float(v)
    return vals


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--partnerships", type=int, default=1000)
    ap.add_argument("--respondents", type=int, default=25)
    ap.add_argument("--items", type=int, default=60)
    args = ap.parse_args()

    a = bench_assessment(args.items)
    item_ids = a.instrument.item_ids()
    elements = [s.element for s in a.instrument.sections]
    ctx = framework_context(a)
    fast = dataclasses.replace(a, rules=a.rules.model_copy(update={"interval": a.rules.interval.model_copy(update={"resamples": 100})}))
    ctx_fast = Context(fast, ctx.framework_version, ctx.element_names)
    n_answers = args.partnerships * args.respondents * len(item_ids)
    print(f"benchmark: {args.partnerships} partnerships × {args.respondents} respondents × {len(item_ids)} items = {n_answers:,} answers")

    with tempfile.TemporaryDirectory(prefix="lchd-bench-") as tmp:
        out = Path(tmp)
        t0 = time.perf_counter()
        generate(out, args.partnerships, args.respondents, item_ids)
        folders = sorted(p for p in out.iterdir() if p.is_dir())
        print(f"generated the CSVs in {time.perf_counter() - t0:.1f} s")

        t0 = time.perf_counter()
        total_bytes = 0
        for d in folders:
            total_bytes += len(to_json(score_partnership(d, assessment=a, context=ctx)))
        t_score = time.perf_counter() - t0
        print(f"lchd-assess score, end to end from CSV, {a.rules.interval.resamples}-resample bootstrap: {t_score:.2f} s ({t_score / len(folders) * 1000:.1f} ms per partnership; {total_bytes / 1e6:.1f} MB of JSON)")

        sample = folders[: max(1, len(folders) // 10)]
        t0 = time.perf_counter()
        for d in sample:
            to_json(score_partnership(d, assessment=fast, context=ctx_fast))
        t_fast = (time.perf_counter() - t0) / len(sample)
        per = t_score / len(folders)
        print(f"  the same with a 100-resample bootstrap: {t_fast * 1000:.1f} ms per partnership (the 2,000-resample interval is {max(0.0, per - t_fast) / per:.0%} of the time)")

        example = ROOT / "assessments" / "examples" / "harbour-city-family-network"
        t0 = time.perf_counter()
        cli = subprocess.run([sys.executable, "-m", "lchd_assess", "score", str(example), "--format", "json"], capture_output=True, text=True)
        t_cli = time.perf_counter() - t0
        print(f"  one `lchd-assess score` command on an example (start-up, framework and instrument loading, two waves; exit {cli.returncode}): {t_cli:.2f} s")

        t0 = time.perf_counter()
        values = load_numpy(folders, len(item_ids))
        t_load = time.perf_counter() - t0
        element_of_item = np.array([elements.index(i.split(".")[0]) for i in item_ids])
        reps = 20
        t0 = time.perf_counter()
        for _ in range(reps):
            means = numpy_groupby(values, element_of_item, len(elements))
        t_np = (time.perf_counter() - t0) / reps
        print(f"bare NumPy group-by of the same answers (element means per partnership): {t_np * 1000:.1f} ms; reading the CSVs into NumPy first: {t_load:.2f} s")
        print(f"ratio: scorer ÷ bare NumPy group-by = {t_score / t_np:,.0f}×; scorer ÷ (NumPy CSV reading + group-by) = {t_score / (t_load + t_np):.1f}×")

        # NumPy doing the bootstrap too (element scores per resample, vectorised over the
        # resamples of one partnership), on a tenth of the partnerships, scaled up.
        rs = np.random.default_rng(1)
        groups = [np.flatnonzero(element_of_item == e) for e in range(len(elements))]
        t0 = time.perf_counter()
        for p in range(len(sample)):
            X = values[p]
            pick = rs.integers(0, X.shape[0], size=(a.rules.interval.resamples, X.shape[0]))
            item_means = np.nanmean(X[pick], axis=1)  # (resamples, items)
            boot = np.stack([np.nanmean(item_means[:, g], axis=1) for g in groups], axis=1) * 25
            np.percentile(boot, [2.5, 97.5], axis=0)
        t_np_boot = (time.perf_counter() - t0) / len(sample) * len(folders)
        print(f"NumPy group-by plus the same {a.rules.interval.resamples}-resample bootstrap (no checks, groups, gaps or JSON): {t_np_boot:.1f} s for all (measured on {len(sample)}); scorer ÷ that = {t_score / t_np_boot:.1f}×")

        # The two agree on the element means (the scorer rounds to one decimal).
        check = score_partnership(folders[0], assessment=a, context=ctx)
        ours = [e.score for e in check.elements[:-1]]
        assert all(abs(x - y) <= 0.051 for x, y in zip(ours, means[0])), (ours, means[0])
        print("check: the scorer's element scores equal NumPy's for the first partnership (to the rounding)")


if __name__ == "__main__":
    main()

"""Benchmark: report rendering against WeasyPrint alone, and a 100-partnership portfolio.

    .venv/bin/python benchmarks/report.py [--runs 5] [--portfolio 100] [--goal-only]

0. The goal, whole process: ``lchd-assess report scores.json`` (start-up, reading the saved
   score, framework and instrument inputs, context, HTML, PDF, writing the three files) against a
   Python process that only imports WeasyPrint and writes the same HTML as PDF/UA-1 with the same
   embedded fonts (the @font-face rules of render/fonts.py). Paired runs
   (the two alternate), medians of wall time and of CPU time (user + system of the child, from
   wait4); the verdict uses CPU time, since on a shared machine wall time also counts other
   people's work. Goal: ratio ≤ 1.10.
1. In one process, the largest example's report (ScoreResult → context → HTML → PDF/UA-1 through our restricted
   fetcher) against WeasyPrint alone writing the same HTML with the same PDF variant (and, for
   reference, without tagging). Goal: ratio ≤ 1.10.
2. A portfolio of N synthetic partnerships (seeded, lchd_assess.score.synthetic): context, HTML,
   CSV and PDF, with the page count.
3. ``lchd-assess portfolio`` end to end on N partnership folders made by a seeded generator
   from the largest example (its roster, its respondents' rows with answers moved at random),
   so every folder is scored (bootstrap included) before the portfolio is rendered.
Medians of --runs runs, the two contenders interleaved; figures printed, nothing written.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--portfolio", type=int, default=100)
    ap.add_argument("--goal-only", action="store_true", help="only section 0 (the whole-process goal)")
    args = ap.parse_args()
    whole_process(ROOT / "assessments" / "examples" / "harbour-city-family-network", max(args.runs, 8))
    if args.goal_only:
        return

    import pypdf
    from weasyprint import HTML

    from lchd_assess.load.framework import load_framework
    from lchd_assess.render.pdf import PDF_VARIANT
    from lchd_assess.app.report import (
        REPORT_TEMPLATE,
        default_guidance,
        load_partnership_scores,
        render_report,
        render_template,
        report_context,
    )
    from lchd_assess.app.portfolio import render_portfolio
    from lchd_assess.context.report_context import framework_info
    from lchd_assess.score.synthetic import synthetic_score

    fw = framework_info(load_framework())
    guidance = default_guidance()
    examples = sorted(p for p in (ROOT / "assessments" / "examples").iterdir() if (p / "partnership.yaml").is_file())
    loaded = [load_partnership_scores(p, comments=True) for p in examples]
    # The largest example: the one whose report has the most pages.
    pages = {}
    for score, roster in loaded:
        pdf = render_report(score, fw, guidance, roster).pdf
        pages[score.partnership.id] = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    score, roster = max(loaded, key=lambda sr: (pages[sr[0].partnership.id], sr[0].partnership.id))
    html = render_template(REPORT_TEMPLATE, report_context(score, fw, guidance, roster))

    # CPU time of this process (time.process_time) as well as wall time: on a shared 2-core
    # machine other processes make wall times noisy, while CPU time counts only our work.
    def timed(fn):
        w, c = time.perf_counter(), time.process_time()
        fn()
        return time.perf_counter() - w, time.process_time() - c

    contenders = {
        "ours": lambda: render_report(score, fw, guidance, roster),
        "alone": lambda: HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT),
        "plain": lambda: HTML(string=html).write_pdf(),
    }
    for fn in contenders.values():  # warm caches (fonts, CSS) once each
        fn()
    wall: dict[str, list[float]] = {k: [] for k in contenders}
    cpu: dict[str, list[float]] = {k: [] for k in contenders}
    for i in range(args.runs):
        order = list(contenders) if i % 2 == 0 else list(reversed(contenders))
        for name in order:
            w, c = timed(contenders[name])
            wall[name].append(w)
            cpu[name].append(c)
    mo, ma, mp = (statistics.median(wall[k]) for k in ("ours", "alone", "plain"))
    co, ca, cp = (statistics.median(cpu[k]) for k in ("ours", "alone", "plain"))
    print(f"pages per example report: {', '.join(f'{k} {v}' for k, v in sorted(pages.items()))}")
    print(
        f"largest example: {score.partnership.id} ({pages[score.partnership.id]} pages, with comments), {args.runs} runs, medians:"
    )
    print(f"  lchd-assess report (context + HTML + PDF/UA-1, restricted fetcher): wall {mo:.3f} s, CPU {co:.3f} s")
    print(f"  WeasyPrint alone, same HTML, PDF/UA-1:                             wall {ma:.3f} s, CPU {ca:.3f} s")
    print(f"  WeasyPrint alone, same HTML, untagged:                             wall {mp:.3f} s, CPU {cp:.3f} s")
    print(f"  ratio report / WeasyPrint alone (same variant): CPU {co / ca:.3f}, wall {mo / ma:.3f} (goal ≤ 1.10)")

    names = {e.id: e.name for e in load_framework().core_elements}
    scores = [synthetic_score(i, names) for i in range(args.portfolio)]
    times = []
    out = None
    for _ in range(max(1, args.runs // 2)):
        t = time.perf_counter()
        out = render_portfolio(scores, fw)
        times.append(time.perf_counter() - t)
    assert out is not None
    n_pages = len(pypdf.PdfReader(io.BytesIO(out.pdf)).pages)
    print(
        f"portfolio of {args.portfolio} synthetic partnerships: {statistics.median(times):.2f} s median "
        f"(context + HTML + CSV + PDF; {n_pages} pages, {len(out.pdf) // 1024} KiB PDF, {len(out.html) // 1024} KiB HTML)"
    )

    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folders = Path(tmp) / "partnerships"
        make_folders(ROOT / "assessments" / "examples" / score.partnership.id, folders, args.portfolio)
        t = time.perf_counter()
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "lchd_assess",
                "portfolio",
                str(folders),
                "--out",
                str(Path(tmp) / "out"),
                "--quiet",
            ],
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - t
        if r.returncode:
            raise SystemExit(r.stderr)
        print(
            f"lchd-assess portfolio on {args.portfolio} partnership folders (score each, then render): {elapsed:.1f} s"
        )


def whole_process(example: Path, runs: int) -> None:
    import os
    import subprocess
    import sys
    import tempfile

    def run(cmd: list[str]) -> tuple[float, float]:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
        return wall, usage.ru_utime + usage.ru_stime

    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        first = subprocess.run(
            [sys.executable, "-m", "lchd_assess", "report", str(example), "--out", str(t / "first"), "--quiet"],
            capture_output=True,
            text=True,
        )
        if first.returncode:
            raise SystemExit(first.stderr)
        # The same document for WeasyPrint alone: the report's HTML and the @font-face rules of the
        # fonts every toolkit PDF embeds (render/fonts.py), so both embed the same font files.
        from lchd_assess.render.fonts import font_face_css
        from lchd_assess.render.pdf import ASSETS

        (t / "fonts.css").write_text(font_face_css(ASSETS), encoding="utf-8")
        alone = (
            "import sys\nfrom weasyprint import CSS, HTML\nfrom weasyprint.text.fonts import FontConfiguration\n"
            "fc = FontConfiguration()\n"
            "HTML(filename=sys.argv[1]).write_pdf(sys.argv[2], pdf_variant='pdf/ua-1', stylesheets=[CSS(filename=sys.argv[3], font_config=fc)], font_config=fc)"
        )
        contenders = {
            "lchd-assess report scores.json": [
                sys.executable,
                "-m",
                "lchd_assess",
                "report",
                str(t / "first" / "scores.json"),
                "--out",
                str(t / "again"),
                "--quiet",
            ],
            "WeasyPrint alone, same HTML": [
                sys.executable,
                "-c",
                alone,
                str(t / "first" / "report.html"),
                str(t / "alone.pdf"),
                str(t / "fonts.css"),
            ],
        }
        for cmd in contenders.values():  # warm the OS file cache and our report-inputs cache
            run(cmd)
        wall: dict[str, list[float]] = {k: [] for k in contenders}
        cpu: dict[str, list[float]] = {k: [] for k in contenders}
        for i in range(runs):
            for name in list(contenders) if i % 2 == 0 else list(reversed(contenders)):
                w, c = run(contenders[name])
                wall[name].append(w)
                cpu[name].append(c)
    ours, bare = contenders
    print(f"whole process, {example.name}, {runs} paired runs, medians:")
    for name in contenders:
        print(f"  {name:32} wall {statistics.median(wall[name]):.3f} s, CPU {statistics.median(cpu[name]):.3f} s")
    rc = statistics.median(cpu[ours]) / statistics.median(cpu[bare])
    rw = statistics.median(wall[ours]) / statistics.median(wall[bare])
    print(
        f"  ratio report / WeasyPrint alone: CPU {rc:.3f}, wall {rw:.3f} (goal ≤ 1.10 -> {'met' if rc <= 1.10 else 'NOT met'} on CPU)"
    )


def make_folders(example: Path, out: Path, n: int, seed: int = 2026) -> None:
    """``n`` partnership folders from ``example``: same roster, rows resampled, answers moved."""
    import csv
    import random

    rnd = random.Random(seed)
    yaml_text = (example / "partnership.yaml").read_text(encoding="utf-8")
    wave = sorted((example / "responses").glob("*.csv"))[-1]
    rows = list(csv.reader(wave.open(encoding="utf-8")))
    header, body = rows[0], rows[1:]
    first_item = next(i for i, h in enumerate(header) if "." in h)
    for i in range(n):
        d = out / f"synthetic-{i:04d}"
        (d / "responses").mkdir(parents=True)
        name_line = next(line for line in yaml_text.splitlines() if line.startswith("name:"))
        (d / "partnership.yaml").write_text(
            yaml_text.replace(name_line, f"name: Synthetic Partnership {i:04d} (fictional)"), encoding="utf-8"
        )
        shift = rnd.choice([-1, 0, 0, 1])
        new_rows = [header]
        for j, row in enumerate(rnd.choices(body, k=len(body))):
            row = list(row)
            row[0] = f"R{j:03d}"
            for c in range(first_item, len(header)):
                if row[c] in ("0", "1", "2", "3", "4"):
                    row[c] = str(min(4, max(0, int(row[c]) + shift + rnd.choice([-1, 0, 0, 1]))))
            new_rows.append(row)
        with (d / "responses" / wave.name).open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(new_rows)


if __name__ == "__main__":
    main()

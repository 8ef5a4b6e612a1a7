"""``lchd-assess report``: a partnership's report as HTML, accessible PDF and scores JSON."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("partnership", metavar="PARTNERSHIP_DIR", help="partnership folder (partnership.yaml + responses/), or a scores JSON file written by `lchd-assess score --format json`")
    p.add_argument("--wave", metavar="W", help="wave to report (default: the latest)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write report.html, report.pdf and scores.json into")
    p.add_argument("--comments", action="store_true", help="include free-text comments (escaped; a sector group only when it meets the cell size)")
    p.add_argument("--quiet", action="store_true", help="print nothing on success")


def run(args: argparse.Namespace) -> int:
    from . import run_listing_answer_findings

    return run_listing_answer_findings(_run, args)


def _run(args: argparse.Namespace) -> int:
    from pathlib import Path

    # imported when the command runs, not at start-up: `lchd-assess --help` stays fast
    from ...app.report import default_guidance, framework_for_reports, load_partnership_scores, render_report, write_report

    score, roster = load_partnership_scores(Path(args.partnership), args.wave, args.comments)
    rendered = render_report(score, framework_for_reports(), default_guidance(), roster)
    paths = write_report(Path(args.out), rendered)
    if not args.quiet:
        print(f"wrote {', '.join(str(p) for p in paths)} ({score.partnership.name}, wave {score.wave})")
    return 0

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
    import sys
    from pathlib import Path

    from ..scoring import ResponsesError

    try:
        return _run(args)
    except ResponsesError as exc:  # the answers have findings: list them, write nothing
        for f in exc.findings:
            print(f.format_text(), file=sys.stderr)
        print(f"{len(exc.findings)} finding(s): nothing written; fix the answers and run again.", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..framework import load_framework
    from ..report import default_guidance, load_partnership_scores, render_report, write_report
    from ..report_context import framework_info

    score, roster = load_partnership_scores(Path(args.partnership), args.wave, args.comments)
    rendered = render_report(score, framework_info(load_framework()), default_guidance(), roster)
    paths = write_report(Path(args.out), rendered)
    if not args.quiet:
        print(f"wrote {', '.join(str(p) for p in paths)} ({score.partnership.name}, wave {score.wave})")
    return 0

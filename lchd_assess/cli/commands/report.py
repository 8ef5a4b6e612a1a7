"""``lchd-assess report``: a partnership's report as HTML, accessible PDF and scores JSON."""

from __future__ import annotations

import argparse

from . import add_force


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "partnership",
        metavar="PARTNERSHIP_DIR",
        help="partnership folder (partnership.yaml + responses/), or a scores JSON file written by `lchd-assess score --format json`",
    )
    p.add_argument("--wave", metavar="W", help="wave to report (default: the latest)")
    p.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="folder to write report.html, report.pdf and scores.json into (a new folder, or one an earlier report was written into)",
    )
    p.add_argument(
        "--comments",
        action="store_true",
        help="include free-text comments (escaped; a sector group only when it meets the cell size)",
    )
    p.add_argument("--quiet", action="store_true", help="print nothing on success")
    add_force(p, "files in DIR")


def run(args: argparse.Namespace) -> int:
    from . import run_listing_answer_findings

    return run_listing_answer_findings(_run, args)


def _run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..process import importing

    with importing():  # everything the report needs but WeasyPrint (cli/process.py)
        from ...app.report import REPORT_FILES, load_partnership_scores, partnership_inputs, render_report, write_report
        from ...app.report_inputs import report_inputs
        from ...core.safe_output import OutputGuard, shown

    # checked before scoring and rendering, so a refusal costs nothing
    target = OutputGuard(force=args.force, inputs=partnership_inputs(Path(args.partnership))).folder(
        args.out, REPORT_FILES
    )
    score, roster = load_partnership_scores(Path(args.partnership), args.wave, args.comments)
    fw, guidance = report_inputs()
    rendered = render_report(score, fw, guidance, roster)
    paths = write_report(target, rendered)
    if not args.quiet:
        print(f"wrote {', '.join(shown(p) for p in paths)} ({shown(score.partnership.name)}, wave {shown(score.wave)})")
    return 0

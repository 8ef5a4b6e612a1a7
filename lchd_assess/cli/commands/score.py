"""``lchd-assess score PARTNERSHIP_DIR``: score one wave of a partnership's answers."""

from __future__ import annotations

import argparse

from . import add_force, add_format


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "partnership", metavar="PARTNERSHIP_DIR", help="folder with partnership.yaml and responses/<wave>.csv"
    )
    p.add_argument("--wave", metavar="W", help="wave to score (the CSV file name without .csv; default: the latest)")
    add_format(p, ("text", "json", "csv"))
    p.add_argument("--comments", action="store_true", help="include respondents' free-text comments (only in json)")
    p.add_argument(
        "--out",
        metavar="FILE",
        help="write to FILE (whole or not at all) instead of printing; never over the answers it reads",
    )
    add_force(p, "a FILE")


def run(args: argparse.Namespace) -> int:
    from . import run_listing_answer_findings

    return run_listing_answer_findings(_run, args, "nothing scored; fix the file and run again")


def _run(args: argparse.Namespace) -> int:
    import sys

    from pathlib import Path

    # imported when the command runs, not at start-up: `lchd-assess --help` stays fast
    from ...app.report import partnership_inputs
    from ...app.score import score_output, score_partnership, wave_notes
    from ...core.findings import summarise
    from ...core.safe_output import OutputGuard, shown

    target = (
        OutputGuard(force=args.force, inputs=partnership_inputs(Path(args.partnership))).file(args.out)
        if args.out
        else None
    )
    result = score_partnership(args.partnership, wave=args.wave, comments=args.comments)
    # Columns ignored, blank rows and respondents who answered nothing: said, not hidden.
    for line in summarise(wave_notes(args.partnership, result.wave)):
        print(f"note: {line}", file=sys.stderr)
    text = score_output(result, args.format)
    if target:
        target.write(text)
        print(f"wrote {shown(args.out)}")
    else:
        sys.stdout.write(text)
    return 0

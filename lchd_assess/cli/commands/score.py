"""``lchd-assess score PARTNERSHIP_DIR``: score one wave of a partnership's answers."""

from __future__ import annotations

import argparse

from . import add_format


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("partnership", metavar="PARTNERSHIP_DIR", help="folder with partnership.yaml and responses/<wave>.csv")
    p.add_argument("--wave", metavar="W", help="wave to score (the CSV file name without .csv; default: the latest)")
    add_format(p, ("text", "json", "csv"))
    p.add_argument("--comments", action="store_true", help="include respondents' free-text comments (only in json)")
    p.add_argument("--out", metavar="FILE", help="write to FILE (whole or not at all) instead of printing")


def run(args: argparse.Namespace) -> int:
    from . import run_listing_answer_findings

    return run_listing_answer_findings(_run, args, "nothing scored; fix the file and run again")


def _run(args: argparse.Namespace) -> int:
    import sys

    # imported when the command runs, not at start-up: `lchd-assess --help` stays fast
    from ...app.score import score_text
    from ...core.outputs import write_atomic

    text = score_text(args.partnership, wave=args.wave, comments=args.comments, fmt=args.format)
    if args.out:
        write_atomic(args.out, text)
        print(f"wrote {args.out}")
    else:
        sys.stdout.write(text)
    return 0

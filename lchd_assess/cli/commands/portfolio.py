"""``lchd-assess portfolio``: many partnerships side by side (HTML, PDF, CSV)."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="DIR", help="partnership folders, folders of partnership folders, or scores JSON files")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write portfolio.html, portfolio.pdf and portfolio.csv into")
    p.add_argument("--anonymize", action="store_true", help="replace names with stable codes (P- + 6 hex digits of a hash of the folder name)")
    p.add_argument("--quiet", action="store_true", help="no progress bar and nothing printed on success")


def run(args: argparse.Namespace) -> int:
    from . import run_listing_answer_findings

    return run_listing_answer_findings(_run, args)


def _run(args: argparse.Namespace) -> int:
    from pathlib import Path

    # imported when the command runs, not at start-up: `lchd-assess --help` stays fast
    from ...app.report import expand_portfolio_inputs, framework_for_reports, iter_with_progress, load_partnership_scores, render_portfolio, write_portfolio

    inputs = expand_portfolio_inputs([Path(p) for p in args.paths])
    fw = framework_for_reports()
    scores = list(iter_with_progress(inputs, "scoring", False if args.quiet else None, lambda p: load_partnership_scores(p)[0]))
    rendered = render_portfolio(scores, fw, anonymize=args.anonymize)
    paths = write_portfolio(Path(args.out), rendered)
    if not args.quiet:
        print(f"wrote {', '.join(str(p) for p in paths)} ({len(scores)} partnership{'' if len(scores) == 1 else 's'})")
    return 0

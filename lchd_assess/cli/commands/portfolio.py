"""``lchd-assess portfolio``: many partnerships side by side (HTML, PDF, CSV)."""

from __future__ import annotations

import argparse

from . import add_force


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="DIR", help="partnership folders, folders of partnership folders, or scores JSON files")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write portfolio.html, portfolio.pdf and portfolio.csv into")
    p.add_argument("--anonymize", action="store_true", help="replace names with stable codes (P- + 6 hex digits of a hash of the folder name)")
    p.add_argument("--quiet", action="store_true", help="no progress bar and nothing printed on success")
    add_force(p, "files in DIR")


def run(args: argparse.Namespace) -> int:
    from . import run_listing_answer_findings

    return run_listing_answer_findings(_run, args)


def _run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ...app.report import PORTFOLIO_FILES, expand_portfolio_inputs, iter_with_progress, load_partnership_scores, partnership_inputs, render_portfolio, report_framework_info, write_portfolio
    from ...core.safe_output import OutputGuard, shown

    inputs = expand_portfolio_inputs([Path(p) for p in args.paths])
    # checked before scoring and rendering, so a refusal costs nothing
    target = OutputGuard(force=args.force, inputs=[q for p in inputs for q in partnership_inputs(p)]).folder(args.out, PORTFOLIO_FILES)
    fw = report_framework_info()
    scores = list(iter_with_progress(inputs, "scoring", False if args.quiet else None, lambda p: load_partnership_scores(p)[0]))
    rendered = render_portfolio(scores, fw, anonymize=args.anonymize)
    paths = write_portfolio(target, rendered)
    if not args.quiet:
        print(f"wrote {', '.join(shown(p) for p in paths)} ({len(scores)} partnership{'' if len(scores) == 1 else 's'})")
    return 0

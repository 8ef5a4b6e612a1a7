"""``lchd-assess portfolio``: many partnerships side by side (HTML, PDF, CSV)."""

from __future__ import annotations

import argparse

from . import add_force


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="+",
        metavar="DIR",
        help="partnership folders, folders of partnership folders, or scores JSON files",
    )
    p.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="folder to write portfolio.html, portfolio.pdf and portfolio.csv into",
    )
    p.add_argument(
        "--anonymize",
        action="store_true",
        help="replace names with codes made with your secret key (HMAC of the folder name): the same key gives the same codes every year; without it nobody can match codes to partnerships",
    )
    p.add_argument(
        "--key-file",
        metavar="FILE",
        help="the anonymisation key (default: portfolio-anonymize.key in your user data folder); created on first use; keep it private and backed up, never inside --out",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar and nothing printed on success")
    add_force(p, "files in DIR")


def run(args: argparse.Namespace) -> int:
    from . import run_listing_answer_findings

    return run_listing_answer_findings(_run, args)


def _run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ...app.report import (
        PORTFOLIO_FILES,
        iter_with_progress,
        load_partnership_scores,
        partnership_inputs,
        render_portfolio,
        write_portfolio,
    )
    from ...app.report_inputs import report_inputs
    import sys

    from ...app.portfolio_inputs import expand, gather
    from ...core.safe_output import OutputGuard, shown

    problems: list[str] = []
    inputs = expand([Path(p) for p in args.paths], problems)
    if not inputs:
        from ...core.errors import InputError

        raise InputError(
            problems[0].replace("; left out", "") + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else "")
            if problems
            else "no partnership to put in the portfolio"
        )
    # checked before scoring and rendering, so a refusal costs nothing
    target = OutputGuard(force=args.force, inputs=[q for p in inputs for q in partnership_inputs(p)]).folder(
        args.out, PORTFOLIO_FILES
    )
    key = None
    if args.key_file and not args.anonymize:
        from ...core.errors import UsageError

        raise UsageError("--key-file is only used with --anonymize")
    if args.anonymize:
        from ...app.portfolio_key import load_or_create_key

        key, key_path, created = load_or_create_key(Path(args.key_file) if args.key_file else None, Path(args.out))
        if created:
            # Said even with --quiet: losing this file changes every code next year.
            print(
                f"created the anonymisation key {key_path}: keep it private and back it up; the same key gives the same codes next year",
                file=sys.stderr,
            )
    fw, guidance = report_inputs()
    progress = lambda items, fn: iter_with_progress(items, "scoring", False if args.quiet else None, fn)  # noqa: E731
    scores, more = gather(inputs, guidance, lambda p: load_partnership_scores(p)[0], progress)
    problems += more
    rendered = render_portfolio(scores, fw, key=key, guidance=guidance, problems=problems)
    paths = write_portfolio(target, rendered)
    # One line per input left out; the portfolio of the rest is written and its brief says so.
    for line in problems:
        print(line, file=sys.stderr)
    if not args.quiet:
        print(
            f"wrote {', '.join(shown(p) for p in paths)} ({len(scores)} partnership{'' if len(scores) == 1 else 's'})"
        )
    if problems:
        print(f"{len(problems)} input(s) left out; the portfolio shows the other {len(scores)}.", file=sys.stderr)
        return 1
    return 0

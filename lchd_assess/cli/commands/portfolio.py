"""``lchd-assess portfolio``: many partnerships side by side (HTML, PDF, CSV), and optionally
each partnership's own report beside them."""

from __future__ import annotations

import argparse

from . import add_force
from ...core.formatting import plural


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
        help="folder to write portfolio.html, portfolio.pdf, portfolio.csv and portfolio.xlsx into",
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
    p.add_argument(
        "--with-reports",
        action="store_true",
        help="also write each partnership's report as reports/NAME.html in DIR (NAME is the code with --anonymize), linked from the portfolio's table",
    )
    p.add_argument(
        "--report-pdfs",
        action="store_true",
        help="with --with-reports, a PDF of each report too (about a second per partnership)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress and nothing printed on success")
    add_force(p, "files in DIR")


def run(args: argparse.Namespace) -> int:
    from . import run_listing_answer_findings

    return run_listing_answer_findings(_run, args)


def _run(args: argparse.Namespace) -> int:
    # imported here, not at the top: `lchd-assess --help` imports every command module
    import sys
    from pathlib import Path

    from ...app.portfolio import build_portfolio
    from ...core.safe_output import shown
    from ..progress import Progress

    progress = Progress(quiet=args.quiet)

    def key_created(path: Path) -> None:
        # Said even with --quiet, and as soon as it happens: losing this file changes every code.
        progress.close()
        print(
            f"created the anonymisation key {path}: keep it private and back it up; the same key gives the same codes next year",
            file=sys.stderr,
        )

    try:
        run = build_portfolio(
            [Path(p) for p in args.paths],
            Path(args.out),
            force=args.force,
            anonymize=args.anonymize,
            key_file=Path(args.key_file) if args.key_file else None,
            with_reports=args.with_reports,
            report_pdfs=args.report_pdfs,
            progress=progress,
            on_key_created=key_created,
        )
    finally:
        progress.close()
    # One line per input left out; the portfolio of the rest is written and its brief says so.
    for line in run.problems:
        print(line, file=sys.stderr)
    if not args.quiet:
        shown_paths = [p for p in run.written if p.parent == Path(args.out)]
        n_reports = len(run.written) - len(shown_paths)
        reports = (
            f" and {n_reports} report file{'' if n_reports == 1 else 's'} in {shown(Path(args.out) / 'reports')}"
            if n_reports
            else ""
        )
        print(
            f"wrote {', '.join(shown(p) for p in shown_paths)}{reports} ({run.n_partnerships} partnership{'' if run.n_partnerships == 1 else 's'})"
        )
    if run.problems:
        print(
            f"{plural(len(run.problems), 'input')} left out; the portfolio shows the other {run.n_partnerships}.",
            file=sys.stderr,
        )
        return 1
    return 0

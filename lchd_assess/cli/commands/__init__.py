"""One module per command: ``add_arguments(parser)`` and ``run(args) -> int``.

Keep the top of each module free of heavy imports: ``lchd-assess --help`` imports them all.
"""

from __future__ import annotations

import argparse
from typing import Callable
from ...core.formatting import plural


def add_format(parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("text", "json")) -> None:
    parser.add_argument("--format", choices=choices, default=choices[0], help=f"output format (default: {choices[0]})")


def add_force(parser: argparse.ArgumentParser, what: str = "files") -> None:
    parser.add_argument(
        "--force",
        action="store_true",
        help=f"replace {what} that lchd-assess did not write (or that were changed since); never the command's own inputs or the toolkit's data",
    )


def run_listing_answer_findings(
    run: Callable[[argparse.Namespace], int],
    args: argparse.Namespace,
    outcome: str = "nothing written; fix the answers and run again",
) -> int:
    """``run(args)``; when the answers have findings, list them on stderr, say ``outcome``, exit 1.

    The one place the score, report and portfolio commands turn a :class:`ResponsesError`
    (answers that cannot be scored) into messages: nothing is written in that case.
    """
    import sys

    from ...core.errors import ResponsesError

    try:
        return run(args)
    except ResponsesError as exc:
        # One line per kind of problem (with a count and the first places): 1,285 bad cells
        # must not bury the one line that says what to fix. `validate --format json` lists all.
        from ...core.findings import summarise

        for line in summarise(exc.findings):
            print(line, file=sys.stderr)
        print(f"{plural(len(exc.findings), 'finding')}: {outcome}.", file=sys.stderr)
        return 1

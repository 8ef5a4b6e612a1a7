"""One module per command: ``add_arguments(parser)`` and ``run(args) -> int``.

Keep the top of each module free of heavy imports: ``lchd-assess --help`` imports them all.
"""

from __future__ import annotations

import argparse


def add_format(parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("text", "json")) -> None:
    parser.add_argument("--format", choices=choices, default=choices[0], help=f"output format (default: {choices[0]})")

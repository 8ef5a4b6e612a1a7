"""The command line: argparse, progress and printing; commands call app/ only."""

from __future__ import annotations

from .main import COMMANDS, EXIT_CODES, build_parser, main, run

__all__ = ["COMMANDS", "EXIT_CODES", "build_parser", "main", "run"]

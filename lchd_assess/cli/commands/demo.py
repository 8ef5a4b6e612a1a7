"""The main job: everything the toolkit does, on the bundled framework and examples."""

from __future__ import annotations

import argparse

from . import add_force


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--out",
        default="build/demo",
        metavar="DIR",
        help="where to write the outputs (default: build/demo; a new folder or one an earlier demo wrote)",
    )
    add_force(p, "files in DIR")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ...app.demo import run_demo

    return run_demo(Path(args.out), force=args.force)

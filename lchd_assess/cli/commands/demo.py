"""The main job: everything the toolkit does, on the bundled framework and examples."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default="build/demo", metavar="DIR", help="where to write the outputs (default: build/demo)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ...app.demo import run_demo

    return run_demo(Path(args.out))

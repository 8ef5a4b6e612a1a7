"""``lchd-assess init DIR``: a new partnership folder for the coordinator to fill."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    from ...core.paths import example_names  # light: lists one folder, loads no use case

    p.add_argument("folder", metavar="DIR", help="the partnership folder to create (must not exist, or be empty)")
    p.add_argument(
        "--name", default="", help="the partnership's name (otherwise left for you to fill in partnership.yaml)"
    )
    p.add_argument(
        "--scale",
        default="",
        choices=["", "neighbourhood", "city", "county", "region"],
        metavar="SCALE",
        help="neighbourhood, city, county or region",
    )
    p.add_argument("--population-focus", default="", metavar="TEXT", help="who the partnership serves, in one line")
    p.add_argument(
        "--example",
        metavar="NAME",
        help="copy a shipped fictional example partnership instead (with its answers), to try score and report: "
        + ", ".join(example_names()),
    )


def run(args: argparse.Namespace) -> int:
    from ...app.init import init_partnership

    result = init_partnership(
        args.folder, name=args.name, scale=args.scale, population_focus=args.population_focus, example=args.example
    )
    if args.example:
        print(
            f"made {result.folder}/: a copy of the fictional example {args.example} (partnership.yaml, responses/ with its waves, README.txt); try: lchd-assess report {result.folder} --out {result.folder}/report"
        )
        return 0
    print(
        f"made {result.folder}/: partnership.yaml (fill in the name, scale, population focus and roster), responses/ (empty) and README.txt (what to do next)"
    )
    return 0

from __future__ import annotations

import argparse

from . import add_force


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", metavar="DIR", help="folder to write into (default: the repository's schemas/)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if the folder differs from the models")
    add_force(p, "files in DIR")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ...formats.schemas import check_schemas, write_schemas
    from ...check.validate import repo_root

    out = Path(args.out) if args.out else repo_root() / "schemas"
    if args.check:
        stale = check_schemas(out)
        for name in stale:
            print(f"{out / name}: schema-stale: differs from the models; run `lchd-assess schemas`")
        return 1 if stale else 0
    from ...core.safe_output import shown

    for path in write_schemas(out, force=args.force):
        print(f"wrote {shown(path)}")
    return 0

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", choices=["bundle"], help="what to export: bundle (the whole framework as one JSON document)")
    p.add_argument("--out", required=True, metavar="FILE", help="file to write (written whole or not at all)")
    p.add_argument("--framework", metavar="DIR", help="framework folder (default: the repository's framework/)")


def run(args: argparse.Namespace) -> int:
    # imported when the command runs, not at start-up: `lchd-assess --help` stays fast
    from ...app.export import export_bundle

    version = export_bundle(args.out, args.framework)
    print(f"wrote {args.out} (framework {version})")
    return 0

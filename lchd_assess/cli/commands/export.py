from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", choices=["bundle"], help="what to export: bundle (the whole framework as one JSON document)")
    p.add_argument("--out", required=True, metavar="FILE", help="file to write (written whole or not at all)")
    p.add_argument("--framework", metavar="DIR", help="framework folder (default: the repository's framework/)")


def run(args: argparse.Namespace) -> int:
    from ...formats.bundle import bundle_json
    from ...load.framework import load_framework
    from ...core.outputs import write_atomic

    fw = load_framework(args.framework)
    write_atomic(args.out, bundle_json(fw))
    print(f"wrote {args.out} (framework {fw.version})")
    return 0

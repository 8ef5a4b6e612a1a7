from __future__ import annotations

import argparse

from . import add_force


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", choices=["bundle"], help="what to export: bundle (the whole framework as one JSON document)")
    p.add_argument("--out", required=True, metavar="FILE", help="file to write (written whole or not at all)")
    p.add_argument("--framework", metavar="DIR", help="framework folder (default: the repository's framework/)")
    add_force(p, "a FILE")


def run(args: argparse.Namespace) -> int:
    from ...formats.bundle import bundle_json
    from ...load.framework import load_framework
    from ...core.safe_output import OutputGuard, shown
    from ...load.framework import framework_dir

    target = OutputGuard(force=args.force, inputs=[framework_dir(args.framework)]).file(args.out)
    fw = load_framework(args.framework)
    target.write(bundle_json(fw))
    print(f"wrote {shown(args.out)} (framework {fw.version})")
    return 0

from __future__ import annotations

import argparse

from . import add_format


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders (default: the repository's framework/ and assessments/)",
    )
    add_format(p)
    p.add_argument(
        "--all",
        action="store_true",
        help="list every finding on its own line (by default one line per file and kind of problem, with a count and the first places; --format json always lists all)",
    )


def run(args: argparse.Namespace) -> int:
    import sys

    from ...core.outputs import dumps_json
    from ...app.validate import validate_paths

    report = validate_paths(args.paths or None).report
    if args.format == "json":
        sys.stdout.write(dumps_json(report.to_dict()))
    else:
        out = sys.stdout if report.ok else sys.stderr
        print(report.format_text(full=args.all), file=out)
    return int(report.exit_code)

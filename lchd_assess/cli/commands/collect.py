"""``lchd-assess collect PARTNERSHIP_DIR FILE… --wave W``: merge members' answers into a wave."""

from __future__ import annotations

import argparse

from . import add_format
from ...core.formatting import plural


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "partnership",
        metavar="PARTNERSHIP_DIR",
        help="folder with partnership.yaml; answers go to its responses/<wave>.csv",
    )
    p.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="answer files from the browser questionnaire (.json), filled workbooks (.xlsx) or CSV files; a folder stands for the .json, .xlsx and .csv files in it",
    )
    p.add_argument(
        "--wave",
        required=True,
        metavar="W",
        help="the wave to add the answers to (its file name without .csv, listed under waves in partnership.yaml or starting with its closing date)",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="check everything and say what would be added, but write nothing"
    )
    add_format(p)


def run(args: argparse.Namespace) -> int:
    import sys

    from ...app.collect import collect
    from ...core.findings import ExitCode, summarise
    from ...core.outputs import dumps_json

    result = collect(args.partnership, args.files, args.wave, dry_run=args.dry_run)
    code = ExitCode.FINDINGS if result.refused else ExitCode.OK
    if args.format == "json":
        sys.stdout.write(dumps_json(result.to_dict()))
        return int(code)
    out = sys.stdout
    for s in result.sources:
        for line in summarise(s.notes):
            print(f"note: {line}", file=out)
        for line in summarise(s.findings):
            print(line, file=sys.stderr)
    verb = "would add" if result.dry_run else "added"
    per_file = [f"{s.file} ({len(s.added)})" for s in result.sources if s.added]
    after = result.before + result.added
    # Name the files while a reader can take them in; beyond that, count them (json lists all).
    source_list = ", ".join(per_file) if len(per_file) <= 5 else f"{len(per_file)} files"
    if result.added:
        print(
            f"{verb} {plural(result.added, 'respondent')} to {result.target} ({result.before} before, {after} after) from {source_list}",
            file=out,
        )
    else:
        print(f"nothing added to {result.target} ({plural(result.before, 'respondent')} in it)", file=out)
    already = [f"{s.file} ({len(s.already)})" for s in result.sources if s.already]
    if already:
        shown = (
            ", ".join(already)
            if len(already) <= 5
            else f"{plural(sum(len(s.already) for s in result.sources), 'respondent')} in {len(already)} files"
        )
        print(f"already collected with the same answers, skipped: {shown}", file=out)
    if result.refused:
        print(
            f"{len(result.refused)} of {plural(len(result.sources), 'file')} refused, nothing taken from them: {', '.join(s.file for s in result.refused)}; fix them and run collect again (files already collected are skipped)",
            file=sys.stderr,
        )
    if result.dry_run:
        print("dry run: nothing written", file=out)
    return int(code)

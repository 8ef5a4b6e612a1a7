"""``lchd-assess template --out FILE.csv``: the blank answer spreadsheet and its codebook."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="FILE.csv", help="the CSV to write; the codebook is written beside it as FILE.codebook.md")
    p.add_argument("--comments", action="store_true", help="add an <item>_comment column after each item")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    # imported when the command runs, not at start-up: `lchd-assess --help` stays fast
    from ...app.export import write_answer_template
    from ...core.errors import UsageError

    out = Path(args.out)
    if out.suffix.lower() != ".csv":
        raise UsageError(f"{args.out}: the template must be a .csv file (for example --out answers.csv)")
    inst, book = write_answer_template(out, comments=args.comments)
    print(f"wrote {out} ({len(inst.item_ids())} items, instrument {inst.version}) and {book}")
    return 0

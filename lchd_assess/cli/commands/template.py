"""``lchd-assess template --out FILE.csv``: the blank answer spreadsheet and its codebook."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="FILE.csv", help="the CSV to write; the codebook is written beside it as FILE.codebook.md")
    p.add_argument("--comments", action="store_true", help="add an <item>_comment column after each item")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ...core.errors import UsageError
    from ...load.instrument import load_assessment
    from ...core.outputs import write_atomic
    from ...formats.responses import codebook_markdown, template_csv

    out = Path(args.out)
    if out.suffix.lower() != ".csv":
        raise UsageError(f"{args.out}: the template must be a .csv file (for example --out answers.csv)")
    inst = load_assessment().instrument
    book = out.with_name(out.stem + ".codebook.md")
    csv_text = template_csv(inst, comments=args.comments)
    md = codebook_markdown(inst, out.name)
    write_atomic(out, csv_text)
    write_atomic(book, md)
    print(f"wrote {out} ({len(inst.item_ids())} items, instrument {inst.version}) and {book}")
    return 0

"""``lchd-assess template --out FILE.csv``: the blank answer spreadsheet and its codebook."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="FILE.csv", help="the CSV to write; the codebook is written beside it as FILE.codebook.md")
    p.add_argument("--comments", action="store_true", help="add an <item>_comment column after each item")
    p.add_argument("--lang", default="en", metavar="LANG", help="language of the codebook (en, or a translation in assessments/translations/, e.g. es); the CSV's columns are the same in every language")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ...core.errors import UsageError
    from ...load.instrument import load_assessment
    from ...core.outputs import write_atomic
    from ...formats.responses import codebook_markdown, template_csv

    out = Path(args.out)
    if out.suffix.lower() != ".csv":
        raise UsageError(f"{args.out}: the template must be a .csv file (for example --out answers.csv)")
    assessment = load_assessment()
    inst = assessment.instrument
    translation = None
    if args.lang != "en":
        from ...load.translation import load_translation

        translation = load_translation(assessment.folder, args.lang, inst)
    book = out.with_name(out.stem + ".codebook.md")
    csv_text = template_csv(inst, comments=args.comments)
    md = codebook_markdown(inst, out.name, translation)
    write_atomic(out, csv_text)
    write_atomic(book, md)
    note = f"; codebook in {translation.model.language_name} ({translation.model.status.replace('-', ' ')})" if translation else ""
    print(f"wrote {out} ({len(inst.item_ids())} items, instrument {inst.version}) and {book}{note}")
    return 0

"""``lchd-assess template --out FILE.csv``: the blank answer spreadsheet and its codebook."""

from __future__ import annotations

import argparse

from . import add_force


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE.csv",
        help="the CSV to write; the codebook is written beside it as FILE.codebook.md",
    )
    p.add_argument("--comments", action="store_true", help="add an <item>_comment column after each item")
    p.add_argument(
        "--lang",
        default="en",
        metavar="LANG",
        help="language of the codebook (en, or a translation in assessments/translations/, e.g. es); the CSV's columns are the same in every language",
    )
    add_force(p, "FILE.csv or its codebook")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    # imported when the command runs, not at start-up: `lchd-assess --help` stays fast
    from ...core.errors import UsageError
    from ...load.instrument import load_assessment
    from ...core.safe_output import OutputGuard, shown
    from ...formats.responses import codebook_markdown, template_csv

    out = Path(args.out)
    if out.suffix.lower() != ".csv":
        raise UsageError(f"{shown(args.out)}: the template must be a .csv file (for example --out answers.csv)")
    book = out.with_name(out.stem + ".codebook.md")
    # both checked before either is written: a filled answer sheet is never replaced
    guard = OutputGuard(force=args.force)
    targets = guard.file(out), guard.file(book)
    assessment = load_assessment()
    inst = assessment.instrument
    translation = None
    if args.lang != "en":
        from ...load.translation import load_translation

        translation = load_translation(assessment.folder, args.lang, inst)
    csv_text = template_csv(inst, comments=args.comments)
    md = codebook_markdown(inst, out.name, translation)
    targets[0].write(csv_text)
    targets[1].write(md)
    note = (
        f"; codebook in {translation.model.language_name} ({translation.model.status.replace('-', ' ')})"
        if translation
        else ""
    )
    print(f"wrote {shown(out)} ({len(inst.item_ids())} items, instrument {inst.version}) and {shown(book)}{note}")
    return 0

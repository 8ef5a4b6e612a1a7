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
    # imported when the command runs, not at start-up: `lchd-assess --help` stays fast
    from ...app.export import write_answer_template
    from ...core.safe_output import shown

    done = write_answer_template(args.out, comments=args.comments, lang=args.lang, force=args.force)
    t = done.translation
    note = f"; codebook in {t.model.language_name} ({t.model.status.replace('-', ' ')})" if t else ""
    print(
        f"wrote {shown(done.csv)} ({len(done.instrument.item_ids())} items, instrument {done.instrument.version}) and {shown(done.codebook)}{note}"
    )
    return 0

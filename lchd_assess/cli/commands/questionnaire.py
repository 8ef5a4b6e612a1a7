"""``lchd-assess questionnaire --out DIR``: the questionnaire as a browser page, PDF or workbook."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--out", required=True, metavar="DIR", help="folder to write questionnaire[-WAVE].html (or .pdf, .xlsx) into"
    )
    p.add_argument(
        "--format",
        choices=("html", "pdf", "xlsx"),
        default="html",
        help="html: one page for any browser, nothing leaves it (default); pdf: a paper form to print; xlsx: a workbook with drop-down answers",
    )
    p.add_argument(
        "--partnership",
        metavar="DIR",
        help="partnership folder: its name, and its roster's sectors as the sector choices",
    )
    p.add_argument(
        "--lang",
        default="en",
        metavar="LANG",
        help="language of the page or paper form (en, or a translation in assessments/translations/, e.g. es); answer files are the same in every language",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="replace a questionnaire file of the same name that lchd-assess did not write (or that was changed since, e.g. filled in)",
    )
    p.add_argument(
        "--wave",
        metavar="W",
        help="the wave the answers are for (written into each answer file and checked by collect)",
    )


def run(args: argparse.Namespace) -> int:
    from ...app.questionnaire import write_questionnaire

    from ...core.safe_output import shown

    path = write_questionnaire(args.out, args.format, args.partnership, args.wave, lang=args.lang, force=args.force)
    size = path.stat().st_size
    print(f"wrote {shown(path)} ({size / 1024:.0f} KB)")
    return 0

from __future__ import annotations

import argparse

from . import add_force

INSTRUMENT_FORMATS = {
    "redcap": "REDCap data dictionary (.csv) to upload in Project Setup",
    "xlsform": "XLSForm workbook (.xlsx) for KoboToolbox or ODK Central",
    "fhir": "FHIR R4 Questionnaire (.json), its CodeSystems written beside it",
    "forms-text": "questions as text (.txt) to paste into Google Forms or Microsoft Forms",
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "what",
        choices=["bundle", "instrument"],
        help="what to export: bundle (the whole framework as one JSON document) or instrument (the self-assessment in a survey platform's format: --format)",
    )
    p.add_argument("--out", required=True, metavar="FILE", help="file to write (written whole or not at all)")
    p.add_argument(
        "--format",
        choices=list(INSTRUMENT_FORMATS),
        help="for instrument: " + "; ".join(f"{k}: {v}" for k, v in INSTRUMENT_FORMATS.items()),
    )
    p.add_argument(
        "--language",
        metavar="LANG",
        help="for instrument: the language of the questions, a translation's code such as es (default: English); IDs and codes stay the same",
    )
    p.add_argument("--framework", metavar="DIR", help="framework folder (default: the repository's framework/)")
    add_force(p, "a FILE")


def run(args: argparse.Namespace) -> int:
    # use cases are imported when the command runs, not at start-up: `lchd-assess --help` stays fast
    from ...core.errors import UsageError

    if args.what == "instrument":
        if not args.format:
            raise UsageError("export instrument needs --format: " + ", ".join(INSTRUMENT_FORMATS))
        from ...app.interop import check_with_platform_tools, export_instrument

        files = export_instrument(args.format, args.out, force=args.force, language=args.language)
        print(f"wrote {', '.join(map(str, files))} ({INSTRUMENT_FORMATS[args.format]})")
        checked = check_with_platform_tools(args.format, files)
        if checked:
            print(checked)
        return 0
    if args.format or args.language:
        raise UsageError("--format and --language are for `export instrument`")
    from ...app.export import export_bundle
    from ...core.safe_output import shown

    version = export_bundle(args.out, args.framework, force=args.force)
    print(f"wrote {shown(args.out)} (framework {version})")
    return 0

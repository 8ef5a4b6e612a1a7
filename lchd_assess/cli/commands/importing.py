"""``lchd-assess import FORMAT FILE --partnership DIR --wave W``: a survey platform's export into a wave."""

from __future__ import annotations

import argparse

from . import add_format
from ...core.formatting import plural

FORMATS = {
    "redcap": "REDCap's CSV export (raw codes or labels; --event picks one event of a longitudinal project)",
    "kobo": "KoboToolbox's CSV or XLSX export",
    "odk": "ODK Central's CSV export",
    "fhir": "FHIR QuestionnaireResponse JSON (one, an array, or a Bundle)",
    "forms": "Google Forms CSV, Microsoft Forms XLSX or Qualtrics CSV (its three header rows)",
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "platform", metavar="FORMAT", choices=sorted(FORMATS), help="; ".join(f"{k}: {v}" for k, v in FORMATS.items())
    )
    p.add_argument("file", metavar="FILE", help="the export downloaded from the platform")
    p.add_argument(
        "--partnership",
        required=True,
        metavar="DIR",
        help="the partnership folder (holds partnership.yaml and responses/)",
    )
    p.add_argument(
        "--wave", required=True, metavar="W", help="the wave the answers belong to: written to responses/W.csv"
    )
    p.add_argument(
        "--event", metavar="NAME", help="REDCap only: the unique event name to import (one event is one wave)"
    )
    p.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    add_format(p)


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from ...app.interop import import_answers

    out = import_answers(args.platform, args.file, args.partnership, args.wave, event=args.event, dry_run=args.dry_run)
    if args.format == "json":
        print(json.dumps(out.to_dict(), indent=2, sort_keys=True, ensure_ascii=False))
        return out.exit_code
    from ...core.findings import summarise

    # one line per kind of problem with a count and the first places; --format json has them all
    for line in summarise(out.notes):
        print("note: " + line, file=sys.stderr)
    for line in summarise(out.findings):
        print(line, file=sys.stderr)
    if out.findings:
        print(
            f"{plural(len(out.findings), 'finding')}: nothing written; fix the export (or the survey) and import again.",
            file=sys.stderr,
        )
        return out.exit_code
    same = f"; {len(out.unchanged)} already there, unchanged" if out.unchanged else ""
    if args.dry_run:
        print(f"dry run: would add {plural(len(out.added), 'respondent')} to {out.target}{same}")
    elif out.written:
        print(f"added {plural(len(out.added), 'respondent')} from {out.platform_name} to {out.target}{same}")
    else:
        print(f"nothing to add to {out.target}{same}")
    return 0

"""The ``lchd-assess`` command line: a thin layer over the library.

Start-up stays light: this module and the command modules import only argparse at the top;
each command imports the library (pydantic, jsonschema, WeasyPrint …) inside ``run``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Sequence

from ..core.findings import ExitCode  # light: core imports nothing but the standard library

#: command name → (module in lchd_assess.cli.commands, one-line help). Order is the help order.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("demo", "run the main job on the bundled examples (validate, export, score, report, site)"),
    "validate": ("validate", "check framework and assessment files and list what is wrong"),
    "export": ("export", "export the framework (bundle: one JSON document) or the instrument for a survey platform (REDCap, XLSForm, FHIR, forms text)"),
    "import": ("importing", "bring a survey platform's answers (REDCap, Kobo, ODK, FHIR, Google/Microsoft Forms, Qualtrics) into a wave"),
    "schemas": ("schemas", "write (or --check) the JSON Schemas generated from the models"),
    "checklist": ("checklist", "reporting checklist: new (blank), check, render (HTML/PDF/Markdown), template (write-up)"),
    "questionnaire": ("questionnaire", "write the questionnaire members fill in: a page for any browser, a printable PDF or a workbook"),
    "collect": ("collect", "merge members' answer files, workbooks and CSVs into a wave (responses/<wave>.csv)"),
    "score": ("score", "score a partnership's self-assessment answers (one wave)"),
    "template": ("template", "write the blank answer spreadsheet (CSV) and its codebook for the current instrument"),
    "site": ("site", "build, check or serve the documentation site generated from the framework"),
    "report": ("report", "write a partnership's report: report.html, report.pdf (tagged) and scores.json"),
    "portfolio": ("portfolio", "write a funder's portfolio of partnerships: portfolio.html, portfolio.pdf and portfolio.csv"),
}

#: What each exit code means, in the words --help prints (every ExitCode has a line; a test
#: checks that none is left out).
EXIT_CODE_WORDS: dict[ExitCode, str] = {
    ExitCode.OK: "OK: done, or no findings",
    ExitCode.FINDINGS: "findings: the input was read but something in it needs fixing",
    ExitCode.BAD_INPUT: "bad input or usage: a file could not be read, or the command was called wrongly",
    ExitCode.INTERNAL_ERROR: "internal error: a bug in lchd-assess, not in your files (set LCHD_DEBUG=1 and report it)",
    ExitCode.INTERRUPTED: "interrupted with Ctrl-C",
}
EXIT_CODES = "exit codes:\n" + "\n".join(f"  {int(code)}  {EXIT_CODE_WORDS[code]}" for code in ExitCode)


class _Parser(argparse.ArgumentParser):
    """argparse, with the nearest command named when a choice is mistyped.

    argparse's own "invalid choice: 'scroe' (choose from 'demo', 'validate', …)" makes a
    coordinator read the whole list to spot the typo; naming the nearest one is the fix.
    """

    def _check_value(self, action: argparse.Action, value: object) -> None:
        choices = action.choices
        if choices is not None and value not in choices:
            import difflib

            names = [str(c) for c in choices]
            close = difflib.get_close_matches(str(value), names, n=1, cutoff=0.5)
            hint = f"did you mean '{close[0]}'?" if close else f"choose from: {', '.join(names)}"
            what = "command" if action.dest in ("command", "action") else "choice"
            raise argparse.ArgumentError(action, f"'{value}' is not a {what}; {hint}")
        super()._check_value(action, value)


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    parser = _Parser(
        prog="lchd-assess",
        description="The LCHD cross-sector partnership toolkit (Liu et al., Pediatrics 2022): "
        "framework data, readiness self-assessment, reports, reporting standard and site.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name, (module, help_) in COMMANDS.items():
        mod = importlib.import_module(f"lchd_assess.cli.commands.{module}")
        p = sub.add_parser(name, help=help_, description=help_[0].upper() + help_[1:] + ".", epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
        mod.add_arguments(p)
        p.set_defaults(_module=mod)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    from ..core.text import VisibleStream

    # Names, cells and paths come from files anyone can write: every message goes through a
    # stream that shows control and bidi characters as escapes, so nothing printed can drive
    # the terminal.  Standard output stays as it is when it carries JSON or CSV data.
    saved = sys.stdout, sys.stderr
    sys.stderr = VisibleStream(sys.stderr)
    try:
        parser = build_parser()
        argv = sys.argv[1:] if argv is None else list(argv)
        if not argv:
            # A first-time user types the bare command: show what it can do, not a usage error.
            parser.print_help()
            return 0
        args = parser.parse_args(argv)
        if getattr(args, "format", "text") not in ("json", "csv"):
            sys.stdout = VisibleStream(sys.stdout)
        return _run(args)
    finally:
        sys.stdout, sys.stderr = saved


def _run(args: argparse.Namespace) -> int:
    from ..core.errors import LchdError

    try:
        return int(args._module.run(args))
    except LchdError as exc:
        print(f"lchd-assess: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("lchd-assess: interrupted", file=sys.stderr)
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        return 0
    except OSError as exc:
        # the system refused a read or write no layer expected: still one line, exit 2
        from ..core.safe_output import shown

        where = f"{shown(exc.filename)}: " if exc.filename else ""
        print(f"lchd-assess: error: {where}{(exc.strerror or str(exc)).lower()}", file=sys.stderr)
        return int(ExitCode.BAD_INPUT)
    except Exception as exc:  # a bug, not bad input: one line unless asked for more
        if os.environ.get("LCHD_DEBUG"):
            raise
        print(f"lchd-assess: internal error: {type(exc).__name__}: {exc} (set LCHD_DEBUG=1 for details and report it)", file=sys.stderr)
        return int(ExitCode.INTERNAL_ERROR)


def main() -> None:
    sys.exit(run())

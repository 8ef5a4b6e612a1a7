"""The ``lchd-assess`` command line: a thin layer over the library.

Start-up stays light: this module and the command modules import only argparse at the top;
each command imports the library (pydantic, jsonschema, WeasyPrint …) inside ``run``.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from typing import Sequence

from ..core.findings import ExitCode  # light: core imports nothing but the standard library
from .process import mark_one_shot  # light: the standard library's gc only

#: command name → (module in lchd_assess.cli.commands, one-line help). Order is the help order.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": (
        "init",
        "make a new partnership folder (partnership.yaml to fill, responses/, README.txt with next steps)",
    ),
    "demo": ("demo", "run the main job on the bundled examples (validate, export, score, report, site)"),
    "validate": ("validate", "check framework and assessment files and list what is wrong"),
    "export": (
        "export",
        "export the framework (bundle: one JSON document) or the instrument for a survey platform (REDCap, XLSForm, FHIR, forms text)",
    ),
    "import": (
        "importing",
        "bring a survey platform's answers (REDCap, Kobo, ODK, FHIR, Google/Microsoft Forms, Qualtrics) into a wave",
    ),
    "schemas": ("schemas", "write (or --check) the JSON Schemas generated from the models"),
    "checklist": (
        "checklist",
        "reporting checklist: new (blank), check, render (HTML/PDF/Markdown), template (write-up)",
    ),
    "questionnaire": (
        "questionnaire",
        "write the questionnaire members fill in: a page for any browser, a printable PDF or a workbook",
    ),
    "collect": ("collect", "merge members' answer files, workbooks and CSVs into a wave (responses/<wave>.csv)"),
    "score": ("score", "score a partnership's self-assessment answers (one wave)"),
    "template": ("template", "write the blank answer spreadsheet (CSV) and its codebook for the current instrument"),
    "site": ("site", "build, check or serve the documentation site generated from the framework"),
    "report": ("report", "write a partnership's report: report.html, report.pdf (tagged) and scores.json"),
    "release": (
        "release",
        "check a release (versions raised where content changed, changelogs, CITATION.cff, .zenodo.json) or freeze its snapshot",
    ),
    "portfolio": (
        "portfolio",
        "write a funder's portfolio of partnerships: portfolio.html, portfolio.pdf, portfolio.csv and portfolio.xlsx",
    ),
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


class _VersionAction(argparse.Action):
    """``--version``: the toolkit's, the framework's, the instrument's and the reporting
    standard's versions, and where the data is read from (after any --framework/--assessment
    given before it)."""

    def __init__(self, option_strings, dest, **kwargs):  # noqa: ANN001
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):  # noqa: ANN001
        from ..app.about import version_text
        from ..core import paths
        from ..core.errors import LchdError

        try:
            _use_data_folders(namespace)
            text = version_text()
        except LchdError as exc:
            parser.exit(exc.exit_code, f"lchd-assess: error: {exc}\n")
        finally:
            paths.reset()
        print(text)  # stdout, like argparse's own --version
        parser.exit(0)


DATA_OPTIONS_HELP = """data folders:
  The shipped framework, instrument and examples are used unless a folder is named:
  --framework DIR and --assessment DIR (before the command), or the environment variables
  LCHD_FRAMEWORK and LCHD_ASSESSMENTS. Inside a clone of the repository its own folders are
  used. `lchd-assess --version` shows which."""


def _use_data_folders(args: argparse.Namespace) -> None:
    """Check the folders named by --framework/--assessment (or the environment) and read the
    data from them for the rest of the run; one line and exit 2 when one is not usable."""
    from ..app.about import use_data_folders

    use_data_folders(getattr(args, "data_framework", None), getattr(args, "data_assessment", None))


def _check_out(args: argparse.Namespace) -> None:
    """An --out that cannot be written is one line before any work (and nothing is written)."""
    from pathlib import Path

    from ..core.errors import UsageError

    out = getattr(args, "out", None)
    if not isinstance(out, str) or not out:
        return
    target = Path(out)
    probe = target
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if probe != target and not probe.is_dir():
        raise UsageError(f"--out {out}: {probe} is a file, not a folder; choose another place to write")
    folder = probe if probe.is_dir() else probe.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(
            f"--out {out}: cannot write in {folder} (no permission, or a read-only disk); choose a folder you can write to"
        )


def _command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names (after the global options), or None when it names none or
    asks for the whole program's help (``lchd-assess --help report`` lists every command)."""
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if not word.startswith("-"):
            return word if word in COMMANDS else None
        if "=" in word:  # --framework=DIR
            continue
        # argparse also takes any unambiguous start of an option: --frame DIR, --he
        if _abbreviates(word, "--framework") or _abbreviates(word, "--assessment"):
            rest = rest[1:]
        elif word == "-h" or _abbreviates(word, "--help"):
            return None
    return None


def _abbreviates(word: str, option: str) -> bool:
    return len(word) > 2 and option.startswith(word)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``only``, the arguments of that one command alone.

    With ``only``, the other commands are left out: their modules are not imported and their
    parsers not made, which was a sizeable part of a report's start-up (the report from a saved
    scores file has a speed goal; each parser costs argparse's message look-ups, ~0.1 ms).
    Nothing is lost: ``only`` is set when ``argv`` names that command and does not ask for the
    program's help (:func:`_command_in`), so no message lists the commands."""
    parser = _Parser(
        prog="lchd-assess",
        description="The LCHD cross-sector partnership toolkit (Liu et al., Pediatrics 2022): "
        "framework data, readiness self-assessment, reports, reporting standard and site.",
        epilog=EXIT_CODES + "\n\n" + DATA_OPTIONS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--framework",
        dest="data_framework",
        metavar="DIR",
        help="read the framework from DIR (a fork's own framework/) instead of the shipped one",
    )
    parser.add_argument(
        "--assessment",
        dest="data_assessment",
        metavar="DIR",
        help="read the instrument, scoring rules and actions from DIR instead of the shipped assessments/",
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help="show the toolkit's, framework's, instrument's and reporting standard's versions and where the data is read from",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name, (module, help_) in COMMANDS.items():
        if only is not None and name != only:
            continue
        p = sub.add_parser(
            name,
            help=help_,
            description=help_[0].upper() + help_[1:] + ".",
            epilog=EXIT_CODES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        mod = importlib.import_module(f"lchd_assess.cli.commands.{module}")
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
        argv = sys.argv[1:] if argv is None else list(argv)
        parser = build_parser(only=_command_in(argv))
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
    from ..core import paths
    from ..core.errors import LchdError

    try:
        _use_data_folders(args)
        _check_out(args)
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
        print(
            f"lchd-assess: internal error: {type(exc).__name__}: {exc} (set LCHD_DEBUG=1 for details and report it)",
            file=sys.stderr,
        )
        return int(ExitCode.INTERNAL_ERROR)
    finally:
        paths.reset()  # folders chosen for this run only (run() is also called in-process)


def main() -> None:
    mark_one_shot()  # this process runs one command and exits (cli/process.py)
    # The toolkit uses no pydantic plugins.  Without this, pydantic looks for them when the first
    # model class is made: it reads the entry points of every installed distribution
    # (importlib.metadata), ~6 ms of CPU per command, more in a large environment.  Only the
    # program turns the search off, before anything imports pydantic (setdefault: a user who
    # sets the variable keeps their value); the library, imported by someone's own code, still
    # honours their plugins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    code = run()
    # The process ends here.  Python's shutdown would first run a full garbage collection that
    # walks every object still alive (after a site build some 90,000: the models, the page
    # generators, MkDocs) to free memory the system takes back anyway; frozen objects are left
    # out of it.  Every file is closed and every output written before run() returns (written
    # atomically, core/outputs.py), so no finaliser is needed: about 0.05 s of a site build.
    gc.freeze()
    sys.exit(code)

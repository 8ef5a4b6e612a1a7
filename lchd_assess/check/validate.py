"""Validate framework and assessment files: schema findings plus semantic ones.

:func:`check_paths` takes files and folders anywhere on disk and always returns a
:class:`~lchd_assess.core.findings.Report`.  The rules every element file obeys (IDs, links,
sources, changelogs) are :mod:`lchd_assess.load.links`; the rules of particular kinds are listed
in :data:`SEMANTIC_CHECKS`.  Files that are not YAML are checked by the ``file_checkers`` the
caller passes (the answer-file reader lives in ``formats/``, a later stage, so the use case
:func:`lchd_assess.app.validate.validate_paths` passes it in).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping

from ..core.findings import Finding, Report
from ..core import paths as data_paths
from ..core.paths import display_path, files_under, no_files_message
from ..load.documents import YAML_SUFFIXES, Document, load_document
from ..load.instrument import check_assessment_files
from ..load.kinds import KINDS
from ..load.links import Index, check_links
from ..load.standard import semantic_check as standard_checks
from ..load.translation import check_translations
from .checklist import check_checklists
from .markup import check_markup
from .rosters import check_rosters
from .waves import check_waves

#: Checks across the loaded documents, each ``check(documents, index) -> findings``.
SEMANTIC_CHECKS: tuple[Callable[[list[Document], Index], Iterable[Finding]], ...] = (
    check_assessment_files,
    check_translations,
    standard_checks,
    check_checklists,
    check_rosters,
    check_waves,
    check_markup,
)

#: A checker for a file that is not YAML: ``check(path, display, index) -> findings``.
FileChecker = Callable[[Path, str, Index], list[Finding]]


def discover(
    paths: Iterable[str | Path], suffixes: tuple[str, ...] = YAML_SUFFIXES
) -> tuple[list[tuple[Path, bool]], list[Finding]]:
    """Files to load: (path, reported). Files named directly bring their folder as context."""
    out: dict[Path, bool] = {}
    problems: list[Finding] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = files_under(p, suffixes)
            if not found:
                problems.append(Finding("no-files", no_files_message(suffixes), file=display_path(p)))
            for q in found:
                out[q] = True
        elif p.is_symlink() and not p.exists():
            # a link to nowhere, or to itself: say so rather than fail on it later
            problems.append(
                Finding(
                    "file-unreadable",
                    "a symbolic link that leads nowhere (or back to itself); point it at a file or remove it",
                    file=display_path(p),
                )
            )
        elif p.exists() and p.suffix.lower() not in suffixes:
            problems.append(
                Finding(
                    "file-unreadable",
                    "not a file the toolkit checks: give .yaml or .yml files, .csv answer files, or a folder",
                    file=display_path(p),
                )
            )
        elif p.exists():
            out[p] = True
            for q in sorted(p.parent.glob("*")):
                if q.suffix.lower() in YAML_SUFFIXES and q not in out:
                    out[q] = False
        else:
            problems.append(Finding("file-not-found", "no such file or folder", file=display_path(p)))
    return sorted(out.items()), problems


def default_paths() -> list[Path]:
    # An empty folder named on the command line is an error; the default folders are
    # simply skipped while they hold nothing yet.
    return [p for p in (data_paths.framework_dir(), data_paths.assessments_dir()) if p.is_dir() and any(p.iterdir())]


@dataclass
class Validation:
    report: Report
    documents: list[Document]
    index: Index


def check_paths(
    paths: Iterable[str | Path] | None = None, file_checkers: Mapping[str, FileChecker] | None = None
) -> Validation:
    """Check files and folders; the report lists findings for the files asked about only.

    ``file_checkers`` maps a file suffix (``.csv``) to the checker of files that are not YAML;
    without one, such files are not looked for.
    """
    checkers = dict(file_checkers or {})
    named = list(paths) if paths else []
    paths = named or default_paths()
    files, problems = discover(paths, YAML_SUFFIXES + tuple(checkers))
    if not named and not files:
        # a check that passes on nothing would read as "all is well"
        looked = " and ".join(display_path(p) for p in (data_paths.framework_dir(), data_paths.assessments_dir()))
        problems.append(
            Finding(
                "no-files",
                f"nothing to check: no file or folder was named, and {looked} hold no .yaml, .yml or .csv files; name what to check: lchd-assess validate PATH ...",
                file=display_path(data_paths.framework_dir()),
            )
        )
    report = Report(findings=list(problems))
    docs: list[Document] = []
    reported: dict[str, bool] = {}
    others: list[tuple[Path, str]] = []
    for path, is_reported in files:
        disp = display_path(path)
        if path.suffix.lower() not in YAML_SUFFIXES:
            if is_reported:
                others.append((path, disp))
            continue
        doc = load_document(path, KINDS, display=disp)
        docs.append(doc)
        reported[disp] = is_reported
        if is_reported:
            report.checked.append(disp)
    # The framework is always the context for references (instrument items point at P1…).
    if not any(d.kind == "framework" for d in docs):
        fw_dir = data_paths.framework_dir()
        for path in sorted(fw_dir.glob("**/*.y*ml")) if fw_dir.is_dir() else []:
            disp = display_path(path)
            if disp not in reported:
                docs.append(load_document(path, KINDS, display=disp))
                reported[disp] = False
    # Context files first, so a clash is blamed on the file being checked, not on the framework.
    index, semantic = check_links(sorted(docs, key=lambda d: reported.get(d.file, False)))
    for check in SEMANTIC_CHECKS:
        semantic.extend(check(docs, index))
    for doc in docs:
        if reported.get(doc.file):
            report.extend(doc.findings)
    report.extend(f for f in semantic if reported.get(f.file or "", False))
    for path, disp in others:
        report.checked.append(disp)
        report.extend(checkers[path.suffix.lower()](path, disp, index))
    return Validation(report, docs, index)

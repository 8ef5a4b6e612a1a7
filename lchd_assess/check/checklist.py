"""Checking a reporting checklist against the standard: what is missing or wrong (never a score).

A checklist says where things are, not how good the report is; :func:`check_file` always
returns a :class:`~lchd_assess.core.findings.Report`.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Callable, Iterable

from ..core.findings import Finding, Report
from ..core.paths import display_path
from ..load.checklist import (
    PLACEHOLDERS,
    ChecklistEntry,
    ChecklistFile,
    is_not_applicable,
    na_reason,
    required_ids,
    text_of,
)
from .checklist_pass import check_file_one_pass
from ..load.documents import Document
from ..load.standard import Standard, version_key

# The rules' data and how answers read live beside the checklist's model (load/checklist.py), so
# the rendered checklist and the offline checklist page read answers the same way.
_PLACEHOLDERS = PLACEHOLDERS


def checklist_findings(doc: Document, std: Standard, unreadable: Iterable[str] = ()) -> list[Finding]:
    """Findings for one loaded checklist against the standard.

    ``unreadable``: item IDs present in the file but left out of the model because their answer
    has the wrong shape (already reported); they are not called missing.
    """
    m: ChecklistFile = doc.model  # type: ignore[assignment]
    loc = doc.loaded.locate
    sm = std.model
    if m.standard != sm.id:
        return [
            loc(
                Finding(
                    "checklist-wrong-standard",
                    f"this checklist is for standard '{m.standard}', but the toolkit's standard is '{sm.id}'; set `standard: {sm.id}`",
                    path=("standard",),
                )
            )
        ]
    out = _header_findings(m, std, loc)
    active = {i.id: i for i in std.items()}
    required = required_ids(std, m.scope)
    for key, entry in m.items.items():
        out += _entry_findings(key, entry, std, active, required, loc)
    skip = set(unreadable)
    for item_id, item in active.items():
        if item_id in required and item_id not in m.items and item_id not in skip:
            out.append(
                loc(
                    Finding(
                        "checklist-item-missing",
                        f"item {item.number} ({item_id}, {item.title}) is missing; add `{item_id}:` under `items` with `reported_at` or `not_done`",
                        path=("items",),
                    ),
                    key=True,
                )
            )
    return out


def _header_findings(m: ChecklistFile, std: Standard, loc: Callable) -> list[Finding]:
    """The checklist's version of the standard and the report's title."""
    out = []
    if m.standard_version != std.model.version:
        out.append(
            loc(
                Finding(
                    "checklist-version-mismatch", _version_message(std, m.standard_version), path=("standard_version",)
                )
            )
        )
    if not m.report.title.strip():
        out.append(
            loc(
                Finding(
                    "checklist-title-missing",
                    "the report's title is empty; fill `report: title:` with the title of the manuscript this checklist belongs to (editors match the checklist to the manuscript by it)",
                    path=("report", "title"),
                )
            )
        )
    return out


def _entry_findings(
    key: str, entry: ChecklistEntry | None, std: Standard, active: dict, required: set[str], loc: Callable
) -> list[Finding]:
    """One entry under ``items``: a known, current item, answered once, with a real answer."""
    path = ("items", key)
    sm = std.model
    item = std.item(key)
    if item is None:
        close = difflib.get_close_matches(key, sorted(active), n=1, cutoff=0.6)
        hint = (
            f"; did you mean '{close[0]}'?"
            if close
            else "; item IDs look like RS-partner-roster (see the blank checklist from `lchd-assess checklist new`)"
        )
        unknown = Finding(
            "checklist-unknown-item", f"'{key}' is not an item of the {sm.short_title} {sm.version}{hint}", path=path
        )
        return [loc(unknown, key=True)]
    if item.status == "retired":
        repl = f"; move the answer to {item.replaced_by}" if item.replaced_by else ""
        retired = Finding("checklist-retired-item", f"item {key} was retired from the standard{repl}", path=path)
        return [loc(retired, key=True)]
    where, why = text_of(entry and entry.reported_at), text_of(entry and entry.not_done)
    label = f"item {item.number} ({item.id}, {item.title})"
    if not where and not why:
        if key not in required:
            return []  # an extended item left blank in a core-scope checklist is fine
        unanswered = Finding(
            "checklist-item-unanswered",
            f"{label} is neither reported nor explained; fill `reported_at` with where it is addressed, or `not_done` with why not",
            path=path,
        )
        return [loc(unanswered, key=True)]
    return _answer_findings(label, item, where, why, path, loc)


def _answer_findings(label: str, item: Any, where: str, why: str, path: tuple, loc: Callable) -> list[Finding]:
    """An answered item: one answer, a real place or reason, 'not applicable' only where allowed."""
    out = []
    if where and why:
        out.append(
            loc(
                Finding(
                    "checklist-both-filled",
                    f"{label} has both `reported_at` and `not_done`; keep one (if it is reported only in part, give the place in `reported_at` and say what is missing there)",
                    path=path + ("not_done",),
                )
            )
        )
    for name, value in (("reported_at", where), ("not_done", why)):
        if value and value.lower().rstrip(".") in _PLACEHOLDERS:
            out.append(
                loc(
                    Finding(
                        "checklist-placeholder",
                        f"{label}: '{value}' in `{name}` does not say where or why; write e.g. 'Methods, para 3; Table 2'",
                        path=path + (name,),
                    )
                )
            )
    if why and is_not_applicable(why):
        if not item.na_allowed:
            out.append(
                loc(
                    Finding(
                        "checklist-na-not-allowed",
                        f"{label} applies to every partnership report and cannot be marked not applicable; report it, or say in `not_done` why it was not done",
                        path=path + ("not_done",),
                    )
                )
            )
        elif not na_reason(why):
            out.append(
                loc(
                    Finding(
                        "checklist-na-without-reason",
                        f"{label} is marked not applicable without a reason; add one after 'N/A:' ({item.na_guidance})",
                        path=path + ("not_done",),
                    )
                )
            )
    return out


def _version_message(std: Standard, have: str) -> str:
    cur = std.version
    if have not in {c.version for c in std.model.changelog} and version_key(have) > version_key(cur):
        return f"this checklist is for version {have}, newer than the toolkit's standard ({cur}); update the toolkit or start from `lchd-assess checklist new`"
    newer = version_key(have) < version_key(cur)
    changes = std.changes_between(have, cur) if newer else std.changes_between(cur, have)
    parts = []
    for c in changes:
        bits = [
            f"added {', '.join(c.added)}" if c.added else "",
            f"retired {', '.join(c.retired)}" if c.retired else "",
            f"renumbered {', '.join(c.renumbered)}" if c.renumbered else "",
            f"reworded {', '.join(c.reworded)}" if c.reworded else "",
        ]
        detail = "; ".join(b for b in bits if b) or " ".join(c.changes)
        parts.append(f"{c.version}: {detail}")
    what = (" Changes: " + " | ".join(parts) + ".") if parts else ""
    direction = "the standard is now" if newer else "the toolkit's standard is older:"
    return f"this checklist is for version {have} of the standard; {direction} {cur}.{what} Start from `lchd-assess checklist new` and copy your answers across"


def check_document(doc: Document, std: Standard) -> Report:
    report = Report(checked=[doc.file])
    report.extend(doc.findings)
    if doc.model is not None:
        report.extend(checklist_findings(doc, std))
    return report


def check_file(path: str | Path, std: Standard, display: str | None = None) -> Report:
    """Load and check one checklist file, every finding in one pass; always returns a report."""
    p = Path(path)
    return check_file_one_pass(p, std, display or display_path(p), checklist_findings)


def check_checklists(docs: list[Document], index: object) -> Iterable[Finding]:
    """`lchd-assess validate` checks checklists against the standard among the loaded files."""
    standards = [d.model for d in docs if d.kind == "reporting-standard" and d.model is not None]
    if not standards:
        return []
    std = Standard(standards[0], ())  # type: ignore[arg-type]
    out: list[Finding] = []
    for d in docs:
        if d.kind == "checklist" and d.model is not None:
            out.extend(checklist_findings(d, std))
    return out

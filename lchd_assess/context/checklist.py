"""What the rendered checklist shows: one context for HTML, Markdown, PDF and Word.

:func:`build_context` turns a filled checklist (or none, for the blank one) into rows with a
status and an answer per item; the SQUIRE 2.0 view (:mod:`.checklist_squire`) fills the same
shape from the standard's crosswalk, so every renderer takes either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..load.checklist import (
    NOT_DONE_PREFIX,
    ChecklistEntry,
    ChecklistFile,
    ReportInfo,
    is_not_applicable,
    na_reason,
    required_ids,
    text_of,
)
from ..load.standard import Standard, item_url, standard_url


@dataclass(frozen=True)
class Row:
    """One checklist row as the templates see it."""

    id: str
    number: str
    title: str
    what_to_report: str
    tier: str
    domain: str
    na_allowed: bool
    #: "reported", "not-done", "not-applicable" or "missing"
    status: str
    answer: str
    url: str


@dataclass(frozen=True)
class SectionRows:
    title: str
    rows: list[Row]


@dataclass(frozen=True)
class ChecklistContext:
    """Everything the checklist templates use (documented, nothing else is passed)."""

    #: "final" (complete, no findings), "draft" (rendered with findings, marked) or "blank".
    mode: str
    standard_title: str
    standard_version: str
    citation: str
    standard_url: str
    report_title: str
    partnership: str
    manuscript_version: str
    #: "full" or "core"
    scope: str
    sections: list[SectionRows]
    counts: dict[str, int]
    problems: list[str] = field(default_factory=list)
    squire_note: str = ""


def _status(entry: ChecklistEntry | None) -> tuple[str, str]:
    """(status, answer as shown) of one item's entry in the author's checklist."""
    where, why = text_of(entry and entry.reported_at), text_of(entry and entry.not_done)
    if where:
        return "reported", where
    if why and is_not_applicable(why):
        return "not-applicable", "Not applicable: " + na_reason(why)
    if why:
        return "not-done", NOT_DONE_PREFIX.sub("", why, count=1) or why
    return "missing", ""


def build_context(
    std: Standard, model: ChecklistFile | None, mode: str, problems: Iterable[str] = ()
) -> ChecklistContext:
    """The standard's own checklist: its sections and items, each with the author's answer."""
    sm = std.model
    entries = model.items if model else {}
    scope = model.scope if model else "full"
    required = required_ids(std, scope)
    sections: list[SectionRows] = []
    counts = {"reported": 0, "not-done": 0, "not-applicable": 0, "missing": 0}
    for s in sm.sections:
        rows = []
        for item in s.items:
            e = entries.get(item.id)
            if item.status != "active" or (
                item.id not in required and not (e and (text_of(e.reported_at) or text_of(e.not_done)))
            ):
                continue
            status, answer = _status(e)
            if mode != "blank":
                counts[status] += 1
            rows.append(
                Row(
                    item.id,
                    item.number,
                    item.title,
                    item.what_to_report,
                    item.tier,
                    item.domain,
                    item.na_allowed,
                    status,
                    answer,
                    item_url(std, item.id),
                )
            )
        if rows:
            sections.append(SectionRows(s.title, rows))
    squire = next((c for c in std.crosswalks if c.id == "GX-squire-2"), None)
    note = ""
    if squire is not None:
        note = f"Every element of {squire.guideline} ({squire.citation}; doi:{squire.doi}) maps to an item of this checklist; see the standard's crosswalk."
    r = model.report if model else ReportInfo()
    return ChecklistContext(
        mode,
        sm.title,
        sm.version,
        sm.citation.text,
        standard_url(std),
        r.title,
        r.partnership,
        r.manuscript_version,
        scope,
        sections,
        counts,
        sorted(problems),
        note,
    )

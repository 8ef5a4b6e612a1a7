"""What the rendered checklist shows: one context for HTML, Markdown, PDF and Word.

:func:`build_context` turns a filled checklist (or none, for the blank one) into rows with a
status and an answer per item; the SQUIRE 2.0 view (:mod:`.checklist_squire`) fills the same
shape from the standard's crosswalk, so every renderer takes either.
"""

from __future__ import annotations

from typing import Iterable

from pydantic import Field

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
from .base import _Trusted


class Row(_Trusted):
    """One checklist row as the templates see it."""

    id: str = Field(description="Item ID (squire-N for a SQUIRE element).")
    number: str = Field(description="Item number as printed.")
    title: str = Field(description="Item title.")
    what_to_report: str = Field(description="What the item asks authors to report.")
    tier: str = Field(description="core or extended ('SQUIRE 2.0' in the SQUIRE view).")
    domain: str = Field(description="Reporting domain (the SQUIRE section in the SQUIRE view).")
    na_allowed: bool = Field(description="The item may be answered 'not applicable'.")
    status: str = Field(description="reported, not-done, not-applicable or missing (flagged in the SQUIRE view).")
    answer: str = Field(description="The author's answer as shown ('' when missing).")
    url: str = Field(description="The item's permanent page.")


class SectionRows(_Trusted):
    """One section of the checklist and its rows."""

    title: str = Field(description="Section title.")
    rows: list[Row] = Field(description="Its rows, in the standard's order.")


class ChecklistContext(_Trusted):
    """Everything the checklist renderers use (HTML, Markdown, PDF, Word; documented, nothing else is passed)."""

    mode: str = Field(
        description='"final" (complete, no findings), "draft" (rendered with findings, marked) or "blank".'
    )
    standard_title: str = Field(description="The standard's title.")
    standard_version: str = Field(description="The standard's version.")
    citation: str = Field(description="How to cite the standard.")
    standard_url: str = Field(description="The standard's permanent page.")
    report_title: str = Field(description="The manuscript's title ('' for a blank checklist).")
    partnership: str = Field(description="The partnership the manuscript reports on.")
    manuscript_version: str = Field(description="The manuscript's version or date.")
    scope: str = Field(description='"full" or "core".')
    sections: list[SectionRows] = Field(description="The sections with at least one row.")
    counts: dict[str, int] = Field(description="Rows by status (all zero for a blank checklist).")
    problems: list[str] = Field(default_factory=list, description="Findings, sorted (a draft shows them).")
    squire_note: str = Field(default="", description="How the checklist relates to SQUIRE 2.0.")


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
                    id=item.id,
                    number=item.number,
                    title=item.title,
                    what_to_report=item.what_to_report,
                    tier=item.tier,
                    domain=item.domain,
                    na_allowed=item.na_allowed,
                    status=status,
                    answer=answer,
                    url=item_url(std, item.id),
                )
            )
        if rows:
            sections.append(SectionRows(title=s.title, rows=rows))
    squire = next((c for c in std.crosswalks if c.id == "GX-squire-2"), None)
    note = ""
    if squire is not None:
        note = f"Every element of {squire.guideline} ({squire.citation}; doi:{squire.doi}) maps to an item of this checklist; see the standard's crosswalk."
    r = model.report if model else ReportInfo()
    return ChecklistContext(
        mode=mode,
        standard_title=sm.title,
        standard_version=sm.version,
        citation=sm.citation.text,
        standard_url=standard_url(std),
        report_title=r.title,
        partnership=r.partnership,
        manuscript_version=r.manuscript_version,
        scope=scope,
        sections=sections,
        counts=counts,
        problems=sorted(problems),
        squire_note=note,
    )

"""The same answers as a SQUIRE 2.0 checklist (``checklist render --as squire``).

Journals that ask for SQUIRE 2.0 get SQUIRE's 40 elements in SQUIRE's order, each answered from
the LCHD items the standard's crosswalk (framework/crosswalks/squire-2.yaml) maps onto it:

* an element mapped as *equivalent* or *narrower* (our item asks for at least as much) takes the
  answers of those items: where they are reported, or why not;
* an element mapped only as *broader* or *overlaps*, or not mapped at all, is **flagged**: the
  author must check it, and the row shows what the related items say so the check is quick.

Nothing is invented: every place shown is one the author wrote in the LCHD checklist.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..core.addresses import permanent_url
from ..core.errors import InputError
from ..load.checklist import is_not_applicable, na_reason, text_of
from ..load.standard import Standard
from .checklist import ChecklistContext, Row, SectionRows

SQUIRE_ID = "GX-squire-2"
#: Read from the SQUIRE element to our item: these mean our item covers the whole element.
COVERS = ("equivalent", "narrower")


def squire_crosswalk(std: Standard) -> Any:
    cw = next((c for c in std.crosswalks if c.id == SQUIRE_ID), None)
    if cw is None:
        raise InputError(
            f"the framework has no SQUIRE 2.0 crosswalk ({SQUIRE_ID}); --as squire needs framework/crosswalks/squire-2.yaml"
        )
    return cw


def _answer(std: Standard, entries: dict, item_id: str) -> tuple[str, str]:
    """(status, text with the item number) of one LCHD item in the author's checklist."""
    item = std.item(item_id)
    number = item.number if item else item_id
    e = entries.get(item_id)
    where, why = text_of(e and e.reported_at), text_of(e and e.not_done)
    if where:
        return "reported", f"{where} (LCHD item {number})"
    if why and is_not_applicable(why):
        return "not-applicable", f"Not applicable: {na_reason(why)} (LCHD item {number})"
    if why:
        return "not-done", f"{why} (LCHD item {number})"
    return "missing", f"LCHD item {number} not yet answered"


def _element_answer(std: Standard, entries: dict, el: Any) -> tuple[str, str]:
    """(status, text) of one SQUIRE element: the answers of the LCHD items that cover it in full,
    or 'flagged' with what the related items say."""
    full = [m for m in el.mappings if m.relationship in COVERS]
    partial = [m for m in el.mappings if m.relationship not in COVERS]
    if full:
        answers = [_answer(std, entries, m.item) for m in full]
        statuses = [s for s, _ in answers]
        if "reported" in statuses:
            return "reported", "; ".join(t for s, t in answers if s == "reported")
        if "missing" in statuses:
            return "missing", "; ".join(t for s, t in answers if s == "missing")
        status = "not-applicable" if all(s == "not-applicable" for s in statuses) else "not-done"
        return status, "; ".join(t for _, t in answers)
    if partial:
        related = "; ".join(f"{m.relationship}: {_answer(std, entries, m.item)[1]}" for m in partial)
        return "flagged", f"No LCHD item covers this element in full; check it. Related items ({related})"
    return (
        "flagged",
        f"Not covered by the LCHD standard ({el.not_applicable}); report it yourself if the journal asks for it",
    )


def squire_context(std: Standard, model: Any, mode: str, problems: Iterable[str] = ()) -> ChecklistContext:
    """The SQUIRE 2.0 view of a filled LCHD checklist, in the same shape the renderers take."""
    cw = squire_crosswalk(std)
    entries = model.items if model else {}
    counts = {"reported": 0, "not-done": 0, "not-applicable": 0, "missing": 0, "flagged": 0}
    sections: dict[str, list[Row]] = {}
    anchor_base = (
        permanent_url(std.base_url, std.release_version, "guideline-crosswalk", cw.id) if std.base_url else cw.url
    )
    for el in cw.elements:
        status, text = _element_answer(std, entries, el)
        if mode != "blank":
            counts[status] += 1
        row = Row(
            id=f"squire-{el.number}",
            number=el.number,
            title=el.item_name,
            what_to_report=el.summary,
            tier="SQUIRE 2.0",
            domain=el.section,
            na_allowed=False,
            status=status,
            answer=text,
            url=f"{anchor_base}#item-{el.number}",
        )
        sections.setdefault(el.section, []).append(row)
    base = ChecklistContext(
        mode=mode,
        standard_title=f"{cw.guideline}, answered from the {std.model.short_title}",
        standard_version=std.version,
        citation=cw.citation,
        standard_url=f"https://doi.org/{cw.doi}",
        report_title=model.report.title if model else "",
        partnership=model.report.partnership if model else "",
        manuscript_version=model.report.manuscript_version if model else "",
        scope="full",
        sections=[SectionRows(title=title, rows=rows) for title, rows in sections.items()],
        counts=counts,
        problems=sorted(problems),
        squire_note=f"Answers come from the LCHD checklist through the standard's crosswalk to {cw.guideline}: elements our items cover in full (equivalent or narrower) take their answers; the others are marked 'check'. {cw.licence_note}",
    )
    return base

"""The reporting standard's and crosswalks' own rules, beyond their schemas: unique display
numbers, 'not applicable' guidance, changelog entries that name real items, declared domains,
crosswalk elements listed once.  Run by the framework's loader and by ``lchd-assess validate``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..core.findings import Finding
from .documents import Document

if TYPE_CHECKING:
    from .guideline_crosswalk import GuidelineCrosswalkFile
    from .standard import ReportingStandardFile


def _standard_checks(doc: Document) -> Iterator[Finding]:
    m: ReportingStandardFile = doc.model  # type: ignore[assignment]
    loc = doc.loaded.locate
    seen: dict[str, tuple] = {}
    all_ids = {i.id for i in m.items(include_retired=True)}
    for si, section in enumerate(m.sections):
        for ii, item in enumerate(section.items):
            path = ("sections", si, "items", ii)
            if item.status == "active":
                if item.number in seen:
                    yield loc(
                        Finding(
                            "standard-duplicate-number",
                            f"item {item.id} has number {item.number}, already used by {seen[item.number][0]}; give it its own number",
                            path=path + ("number",),
                        )
                    )
                else:
                    seen[item.number] = (item.id,)
            if item.na_allowed != bool(item.na_guidance):
                what = (
                    "allows 'not applicable' but does not say when (add na_guidance)"
                    if item.na_allowed
                    else "does not allow 'not applicable' but has na_guidance (remove it)"
                )
                yield loc(
                    Finding(
                        "standard-na-guidance",
                        f"item {item.id} {what}",
                        path=path + ("na_guidance" if item.na_guidance else "na_allowed",),
                    )
                )
            entry = next((c for c in m.changelog if c.version == item.version_added), None)
            if entry is None or item.id not in entry.added:
                yield loc(
                    Finding(
                        "standard-item-not-in-changelog",
                        f"item {item.id} says version_added {item.version_added}, but that changelog entry does not list it under `added`",
                        path=path + ("version_added",),
                    )
                )
    yield from _changelog_and_domain_checks(m, all_ids, loc)


def _changelog_and_domain_checks(m: ReportingStandardFile, all_ids: set[str], loc: Callable) -> Iterator[Finding]:
    """Changelog entries name real items; every declared domain is used and every used one declared."""
    for ci, c in enumerate(m.changelog):
        for field in ("added", "retired", "renumbered", "reworded"):
            for k, id_ in enumerate(getattr(c, field)):
                if id_ not in all_ids:
                    yield loc(
                        Finding(
                            "standard-changelog-unknown-item",
                            f"changelog {c.version} lists '{id_}' under {field}, but no item has that ID",
                            path=("changelog", ci, field, k),
                        )
                    )
    declared = {d.id for d in m.domains}
    used = {i.domain for i in m.items()}
    for di, d in enumerate(m.domains):
        if d.id not in used:
            yield loc(
                Finding("standard-domain-unused", f"domain '{d.id}' has no active item", path=("domains", di, "id"))
            )
    for missing in sorted(used - declared):
        yield loc(
            Finding(
                "standard-domain-unused",
                f"items use domain '{missing}', which the standard does not declare under `domains`",
                path=("domains",),
            )
        )


def _crosswalk_checks(doc: Document) -> Iterator[Finding]:
    m: GuidelineCrosswalkFile = doc.model  # type: ignore[assignment]
    seen: set[str] = set()
    for ei, el in enumerate(m.elements):
        if el.number in seen:
            yield doc.loaded.locate(
                Finding(
                    "crosswalk-duplicate-element",
                    f"element {el.number} is listed twice in {m.id}",
                    path=("elements", ei, "number"),
                )
            )
        seen.add(el.number)


def semantic_check(docs: list[Document], index: object) -> Iterable[Finding]:
    out: list[Finding] = []
    for doc in docs:
        if doc.model is None:
            continue
        if doc.kind == "reporting-standard":
            out.extend(_standard_checks(doc))
        elif doc.kind == "guideline-crosswalk":
            out.extend(_crosswalk_checks(doc))
    return out

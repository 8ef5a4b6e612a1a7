"""The reporting standard: a SQUIRE-like checklist for writing up a cross-sector partnership.

The standard is data (``framework/reporting-standard.yaml``, kind ``reporting-standard``) with
its own semantic version and changelog; crosswalks to published reporting guidelines are data
too (``framework/crosswalks/*.yaml``, kind ``guideline-crosswalk``).  This module holds their
models and kinds (crosswalks: :mod:`.guideline_crosswalk`; the rules the schema cannot express:
:mod:`.standard_checks`) and offers read-only views for the checklist tools and the
documentation site.

Item IDs (``RS-partner-roster``) are permanent addresses: they never change when items are
renumbered; the display ``number`` ("8b") may.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field

from .documents import Kind
from .models import DATE, SEMVER, FileBase, Id, Ref, Strict, Text

# Crosswalk models and the standard's own rules live beside this module; their names stay
# importable from here.
from .guideline_crosswalk import (  # noqa: F401  (re-exported)
    GUIDELINE_CROSSWALK,
    GuidelineCrosswalkFile,
    GuidelineElement,
    GuidelineMapping,
)
from .standard_checks import semantic_check  # noqa: F401  (re-exported)
from ..core.addresses import page_path, versioned_url

SectionId = Literal["title-abstract", "introduction", "methods", "results", "discussion", "other"]
DomainId = Literal["aims", "composition", "implementation", "outcomes", "equity-metrics", "cross-cutting"]
ITEM_NUMBER = r"^[1-9][0-9]*[a-z]?$"

#: What an item may say it serves: the framework's principles and structures (or their parts).
SERVES_KINDS = ("principle", "structure", "principle-component", "structure-component")


class Why(Strict):
    text: Text = Field(description="Why the item matters, in the toolkit's own words.")
    serves: list[str] = Ref(
        *SERVES_KINDS,
        min_length=1,
        description="Principles and structures (or their components) that reporting this item lets readers judge.",
    )


class ReportingItem(Strict):
    """One item of the standard."""

    id: str = Id("reporting-item")
    number: str = Field(
        pattern=ITEM_NUMBER, description="Display number, e.g. '8b'. May change between versions; the ID never does."
    )
    title: Text = Field(description="Short title, as it appears in the checklist.")
    domain: DomainId = Field(
        description="Which of the paper's five reporting domains the item belongs to, or cross-cutting."
    )
    tier: Literal["core", "extended"] = Field(
        description="Core items are the minimum for any partnership report; extended items add depth."
    )
    na_allowed: bool = Field(description="Whether an author may answer 'not applicable' (with a reason).")
    what_to_report: Text = Field(
        description="What the report should say, in the toolkit's own words (printed in the checklist)."
    )
    prompts: list[Text] = Field(min_length=1, description="Questions for the write-up template.")
    why: Why
    example: Text = Field(
        description="An illustrative example of good reporting (invented, marked as such on the site)."
    )
    na_guidance: str | None = Field(
        default=None, description="When 'not applicable' is allowed: when it is fair to say so."
    )
    version_added: str = Field(pattern=SEMVER, description="Version of the standard that introduced the item.")
    status: Literal["active", "retired"] = "active"
    replaced_by: str | None = Ref(
        "reporting-item", default=None, description="For a retired item: the item that replaces it."
    )


class Section(Strict):
    id: SectionId
    title: Text
    question: Text = Field(description="The question the section answers for the reader.")
    items: list[ReportingItem] = Field(min_length=1)


class Domain(Strict):
    id: DomainId
    name: Text
    description: Text
    reporting_domain: str | None = Ref(
        "reporting-domain",
        default=None,
        description="The paper's reporting domain (RD1–RD5) this domain is; none for cross-cutting items.",
    )


class Stratifier(Strict):
    """One equity stratifier (PROGRESS-Plus and the additions child-health partnerships need)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    name: Text
    group: Literal["PROGRESS", "Plus", "child-health addition"]
    description: Text


class StandardChange(Strict):
    version: str = Field(pattern=SEMVER)
    date: str = Field(pattern=DATE)
    changes: list[Text] = Field(min_length=1, description="What changed, in words.")
    added: list[str] = Field(default_factory=list, description="Item IDs added in this version.")
    retired: list[str] = Field(default_factory=list, description="Item IDs retired in this version.")
    renumbered: list[str] = Field(default_factory=list, description="Item IDs whose display number changed.")
    reworded: list[str] = Field(default_factory=list, description="Item IDs whose text changed in substance.")


class Citation(Strict):
    text: Text = Field(description="How to cite the standard (Vancouver style).")
    reference: str = Ref("reference", description="The framework paper the standard builds on.")
    url: str = Field(pattern=r"^https://\S+$", description="Permanent address of the standard's pages.")


class ReportingStandardFile(FileBase):
    """`framework/reporting-standard.yaml`: the partnership reporting standard and its items."""

    kind: Literal["reporting-standard"]
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: Text
    short_title: Text
    version: str = Field(pattern=SEMVER)
    release_date: str = Field(pattern=DATE)
    licence: Text
    summary: Text
    citation: Citation
    based_on: list[str] = Ref(
        "reference", min_length=1, description="Guidelines and papers the standard builds on (SQUIRE 2.0 first)."
    )
    notes_to_authors: list[Text] = Field(min_length=1)
    domains: list[Domain] = Field(min_length=6)
    stratifiers: list[Stratifier] = Field(
        min_length=1, description="Equity stratifiers offered to authors (PROGRESS-Plus and additions)."
    )
    stratifier_source: Text = Field(description="Where the stratifiers come from (citation).")
    sections: list[Section] = Field(min_length=6)
    changelog: list[StandardChange] = Field(min_length=1)

    def items(self, include_retired: bool = False) -> list[ReportingItem]:
        return [i for s in self.sections for i in s.items if include_retired or i.status == "active"]

    def section_of(self, item_id: str) -> Section:
        return next(s for s in self.sections if any(i.id == item_id for i in s.items))


#: The standard's two kinds of file (listed in :data:`lchd_assess.load.kinds.KINDS`).
REPORTING_STANDARD = Kind(
    "reporting-standard",
    ReportingStandardFile,
    "The partnership reporting standard: sections, items, domains, stratifiers and changelog.",
    "reporting-standard",
)


# -- Read-only views --------------------------------------------------------------------------


@dataclass(frozen=True)
class Standard:
    """The standard and its crosswalks, as the checklist tools and the site use them."""

    model: ReportingStandardFile
    crosswalks: tuple[GuidelineCrosswalkFile, ...]
    #: The framework release the standard is published in (its pages live under /1.0/…);
    #: empty when the standard was loaded on its own.
    release_version: str = ""
    base_url: str = ""

    @property
    def version(self) -> str:
        return self.model.version

    def items(self) -> list[ReportingItem]:
        return self.model.items()

    def item(self, item_id: str) -> ReportingItem | None:
        return next((i for i in self.model.items(include_retired=True) if i.id == item_id), None)

    def domain(self, domain_id: str) -> Domain:
        return next(d for d in self.model.domains if d.id == domain_id)

    def crosswalk_for(self, item_id: str) -> list[tuple[GuidelineCrosswalkFile, GuidelineElement, GuidelineMapping]]:
        """Every guideline element that maps onto ``item_id``, crosswalks sorted by ID."""
        out = []
        for cw in self.crosswalks:
            for el in cw.elements:
                for mp in el.mappings:
                    if mp.item == item_id:
                        out.append((cw, el, mp))
        return out

    def changes_between(self, old: str, new: str) -> list[StandardChange]:
        """Changelog entries after ``old`` up to and including ``new`` (oldest first)."""
        lo, hi = version_key(old), version_key(new)
        return sorted(
            (c for c in self.model.changelog if lo < version_key(c.version) <= hi), key=lambda c: version_key(c.version)
        )


def version_key(v: str) -> tuple[int, int, int]:
    core = v.split("-", 1)[0].split("+", 1)[0]
    parts = [int(p) if p.isascii() and p.isdigit() else 0 for p in core.split(".")]
    return tuple((parts + [0, 0, 0])[:3])  # type: ignore[return-value]


def standard_from(fw: Any) -> Standard | None:
    """The standard held by a loaded framework, with its guideline crosswalks (None if absent)."""
    files = fw.files("reporting-standard")
    if not files:
        return None
    crosswalks = tuple(sorted(fw.files("guideline-crosswalk"), key=lambda c: c.id))
    meta = getattr(fw, "meta", None)
    return Standard(files[0], crosswalks, meta.version if meta else "", meta.base_url if meta else "")


# -- For the documentation site ---------------------------------------------------------------
# Plain, JSON-ready data (sorted, deterministic) so the site generator needs no model imports.


def item_path(item_id: str) -> str:
    """The item's permanent page, relative to the site root (the one scheme: core.addresses)."""
    return page_path("reporting-item", item_id)


def standard_url(std: Standard) -> str:
    """The standard's overview page in its release (``…/1.0/reporting-standard/``)."""
    if std.release_version and std.base_url:
        return versioned_url(std.base_url, std.release_version, "reporting-standard/")
    return std.model.citation.url


def item_url(std: Standard, item_id: str) -> str:
    """The item's permanent page in the release the standard belongs to (``…/1.0/reporting-standard/items/…``)."""
    if std.release_version and std.base_url:
        return versioned_url(std.base_url, std.release_version, item_path(item_id))
    return std.model.citation.url + item_path(item_id).removeprefix("reporting-standard/")


def site_item(std: Standard, item: ReportingItem) -> dict:
    """One item page: explanation, example and crosswalk."""
    sec = std.model.section_of(item.id)
    dom = std.domain(item.domain)
    return {
        "id": item.id,
        "path": item_path(item.id),
        "number": item.number,
        "title": item.title,
        "section": {"id": sec.id, "title": sec.title},
        "domain": {"id": dom.id, "name": dom.name, "reporting_domain": dom.reporting_domain},
        "tier": item.tier,
        "na_allowed": item.na_allowed,
        "na_guidance": item.na_guidance,
        "what_to_report": item.what_to_report,
        "prompts": list(item.prompts),
        "why": item.why.text,
        "serves": list(item.why.serves),
        "example": item.example,
        "example_is_invented": True,
        "version_added": item.version_added,
        "status": item.status,
        "replaced_by": item.replaced_by,
        "crosswalk": [
            {
                "crosswalk": cw.id,
                "guideline": cw.guideline,
                "number": el.number,
                "item_name": el.item_name,
                "summary": el.summary,
                "relationship": mp.relationship,
                "note": mp.note,
                "url": cw.url,
            }
            for cw, el, mp in std.crosswalk_for(item.id)
        ],
    }


def site_overview(std: Standard) -> dict:
    """The standard's overview page: identity, version, citation, sections with their items,
    domains with counts, stratifiers, crosswalk coverage, changelog.

    Long because it is one literal: the page's data in the order the page shows it.  (It is a
    site page's data kept in load/; a typed context in context/ is where it belongs.)"""
    m = std.model
    items = std.items()
    return {
        "id": m.id,
        "title": m.title,
        "short_title": m.short_title,
        "version": m.version,
        "release_date": m.release_date,
        "licence": m.licence,
        "summary": m.summary,
        "citation": m.citation.text,
        "url": standard_url(std),
        "based_on": list(m.based_on),
        "notes_to_authors": list(m.notes_to_authors),
        "counts": {
            "items": len(items),
            "core": sum(i.tier == "core" for i in items),
            "extended": sum(i.tier == "extended" for i in items),
        },
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "question": s.question,
                "items": [
                    {
                        "id": i.id,
                        "number": i.number,
                        "title": i.title,
                        "tier": i.tier,
                        "domain": i.domain,
                        "path": item_path(i.id),
                    }
                    for i in s.items
                    if i.status == "active"
                ],
            }
            for s in m.sections
        ],
        "domains": [
            {
                "id": d.id,
                "name": d.name,
                "description": d.description,
                "reporting_domain": d.reporting_domain,
                "items": [i.id for i in items if i.domain == d.id],
            }
            for d in m.domains
        ],
        "stratifiers": [s.model_dump(mode="json") for s in m.stratifiers],
        "stratifier_source": m.stratifier_source,
        "crosswalks": [
            {
                "id": cw.id,
                "guideline": cw.guideline,
                "citation": cw.citation,
                "doi": cw.doi,
                "url": cw.url,
                "coverage": cw.coverage,
                "elements": len(cw.elements),
                "mapped": sum(bool(e.mappings) for e in cw.elements),
                "not_applicable": sum(bool(e.not_applicable) for e in cw.elements),
                "licence_note": cw.licence_note,
                "numbering": cw.numbering,
            }
            for cw in std.crosswalks
        ],
        "changelog": [c.model_dump(mode="json") for c in m.changelog],
        "downloads": {
            "checklist_yaml": "reporting-standard/checklist.yaml",
            "checklist_pdf": "reporting-standard/checklist.pdf",
        },
    }

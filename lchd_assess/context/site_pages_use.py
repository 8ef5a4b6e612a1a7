"""Typed contexts of the site's pages about using the framework: the three guides, the
self-assessment, the survey platforms, the research agenda and the reporting standard.
(The framework's own pages: :mod:`~lchd_assess.context.site_pages`, which says how these are
made and checked.)
"""

from typing import Any, ClassVar, Optional

from pydantic import Field
from typing_extensions import TypedDict

from .site_pages import CiteBox, Link, Row, SitePage


class InstrumentElement(Link):
    """An element on the self-assessment's overview."""

    section_title: str
    #: its active items
    item_count: int
    #: link to its items on the items page
    items_href: str


class ReportingDomain(TypedDict):
    """A reporting domain of the paper's call (RD1–RD5)."""

    id: str
    name: str
    #: Markdown, glossary terms linked
    description: str
    prompts: list[str]
    principles: list[Link]
    place: str
    #: the reporting standard's items in the domain ("8b Title")
    items: list[Link]


class ResearchPriority(TypedDict):
    id: str
    name: str
    description: str
    related: list[Link]
    place: str


class ItemMapping(Link):
    """A guideline element's mapping onto one of the standard's items."""

    relationship: str
    note: Optional[str]


class GuidelineElementRow(TypedDict):
    number: str
    anchor: str
    section: str
    item_name: str
    summary: str
    mappings: list[ItemMapping]
    #: why the element does not apply to a partnership report, when it does not
    not_applicable: Optional[str]


class GuidePage(SitePage):
    """One of the three 'Start here' guides (guide-coordinate.md, guide-fund.md, guide-write.md:
    one context for the three, each template uses what it needs)."""

    TEMPLATES: ClassVar[tuple[str, ...]] = ("guide-coordinate.md", "guide-fund.md", "guide-write.md")
    who: str = Field(description="Who the guide is for, in one sentence.")
    href: dict[str, str] = Field(description="Link from the guide to each docs page it names, by docs path.")
    sample_report: Optional[str] = Field(description="Link to the sample report (None when the site has none).")
    sample_portfolio: Optional[str] = Field(description="Link to the sample portfolio (None when the site has none).")
    release: str = Field(description="The framework's version.")
    portfolio_columns: list[tuple[str, str]] = Field(description="portfolio.csv's columns: (name, meaning).")


class InstrumentPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("instrument.md",)
    instrument: Row = Field(
        description="The instrument: id, title, version, release_date, framework_version, instructions, changelog."
    )
    answers: Row = Field(description="The answers: levels (value, label) and special (code, label, …).")
    sectors: list[Row] = Field(description="The sectors (instrument fields) plus group_label.")
    sector_groups: list[Row] = Field(description="The sector groups (instrument fields).")
    roles: list[Row] = Field(description="The respondent roles (instrument fields).")
    elements: list[InstrumentElement] = Field(description="The elements it assesses, in order.")
    item_count: int = Field(description="The number of active items.")
    min_cell_size: int = Field(description="The scoring rules' minimum cell size.")
    csv_href: str = Field(description="Link to the blank answer sheet.")
    csv_name: str = Field(description="The answer sheet's file name.")
    items_href: str = Field(description="Link to the items page.")
    scoring_href: str = Field(description="Link to the scoring page.")
    codebook_href: str = Field(description="Link to the codebook.")
    coordinate_href: str = Field(description="Link to the coordinator's guide.")
    downloads: list[dict[str, str]] = Field(description="The instrument's source files: name, href.")


class InstrumentItemsPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("instrument-items.md",)
    version: str = Field(description="The instrument's version.")
    elements: list[Row] = Field(
        description="Per element: a Link's keys plus anchor, section_title, intro, items (stem, levels, components as links, …)."
    )


class PlatformsPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("platforms.md",)
    guides: list[Any] = Field(description="The survey platforms' guides (site/platforms.PlatformGuide), in order.")
    codes: list[dict[str, str]] = Field(description="Each answer's code: answer, code, redcap.")
    version: str = Field(description="The instrument's version.")


class PlatformPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("platform.md",)
    guide: Any = Field(description="The platform's guide (site/platforms.PlatformGuide).")
    codes: list[dict[str, str]] = Field(description="Each answer's code: answer, code, redcap.")
    version: str = Field(description="The instrument's version.")
    languages: list[str] = Field(description="The instrument's translations, by language code.")


class ResearchAgendaPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("research-agenda.md",)
    summary: str = Field(description="The paper's call, glossary terms linked (Markdown).")
    place: str = Field(description="Where the paper says it.")
    domains: list[ReportingDomain] = Field(description="The reporting domains, in order.")
    priorities: list[ResearchPriority] = Field(description="The research priorities, in order.")
    standard_href: Optional[str] = Field(description="Link to the reporting standard (None when there is none).")


class StandardPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("standard.md",)
    std: Row = Field(description="The standard's overview (load.standard.site_overview).")
    sections: list[Row] = Field(description="Its sections, each item with a Link's keys.")
    domains: list[Row] = Field(description="The reporting domains: rd (Link or None) and links to their items.")
    crosswalks: list[Row] = Field(description="The guidelines it is crosswalked to, with href.")
    based_on: list[Link] = Field(description="The guidelines it builds on.")
    downloads: dict[str, str] = Field(description="Links to the checklist's downloads, by name.")
    agenda_href: Optional[str] = Field(description="Link to the research agenda (None when there is none).")


class StandardItemPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("standard-item.md",)
    item: Row = Field(description="The item (load.standard.site_item).")
    serves: list[Link] = Field(description="The elements it lets a reader judge.")
    crosswalk: list[Row] = Field(description="Guideline elements mapped onto it, with href.")
    rd: Optional[Link] = Field(description="Its reporting domain.")
    overview_href: str = Field(description="Link to its section on the overview.")
    replaced_by: Optional[Link] = Field(description="A retired item's successor.")
    standard: dict[str, str] = Field(description="The standard: title, short_title, version, citation.")
    cite: CiteBox = Field(description="The 'Cite this' box.")


class GuidelineCrosswalkPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("guideline-crosswalk.md",)
    gx: Any = Field(description="The guideline crosswalk (load model).")
    elements: list[GuidelineElementRow] = Field(description="The guideline's elements, in order.")
    overview_href: str = Field(description="Link to the standard's overview.")

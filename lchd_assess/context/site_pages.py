"""Typed contexts of the documentation site's page templates (``site_templates/pages/``): the
framework's own pages (home, element pages and their indexes, crosswalks, glossary, references,
messages, changelog, what changed, how to cite, downloads).  The pages about using the framework
(guides, self-assessment, survey platforms, reporting standard) are in
:mod:`~lchd_assess.context.site_pages_use`.

Each page template gets exactly one of these models, whose fields are the template's variables
(tests/test_template_contexts.py checks both ways); nothing else — no live ``Framework``, no
link-making object, no function.  Links are made by the page builders (site/) with the one
address scheme and arrive here as data: a :class:`Link`, or ``href`` strings.

Values are the toolkit's own, made from validated data, so the builders use
:meth:`~lchd_assess.context.base._Ctx.trusted` (no second validation on every site build); the
tests validate every page's context of the real site against these types.
"""

from typing import Any, ClassVar, Optional

from pydantic import Field
from typing_extensions import TypedDict

from .base import _Trusted

#: A row of a table or list on a page, as the builder made it (its keys are in the field's description).
Row = dict[str, Any]


class Link(TypedDict):
    """A link to an ID as page data (context/site_links.SiteContext.link)."""

    id: str
    name: str
    #: how the link reads: "P1 Proactive, …", a glossary term by its name alone
    display: str
    #: relative Markdown link target; None when the ID has no page
    href: Optional[str]
    #: the ID's kind as readers see it ("principle"), "" when unknown
    kind: str


class Route(TypedDict):
    """A 'Start here' route on the home page."""

    title: str
    href: str
    who: str


class SummaryLink(Link):
    """An element in its section's index, with its summary (Markdown)."""

    summary: str


class CrosswalkRow(Link):
    """A crosswalk in the crosswalks' index."""

    #: the companion source's reference
    source: Link
    #: how many mappings it has
    count: int


class GlossaryTerm(TypedDict):
    id: str
    term: str
    abbreviation: Optional[str]
    definition: str
    #: the toolkit's reading of the term, when it adds one
    our_reading: Optional[str]
    #: where the paper uses it
    place: str
    see_also: list[Link]
    #: the elements that name the term
    named_by: list[Link]


class Styled(TypedDict):
    #: the style's name (APA, AMA, Vancouver)
    name: str
    text: str


class CiteFormat(TypedDict):
    """A work on the How-to-cite page (formats/citation.py's entry)."""

    title: str
    styles: list[Styled]
    apa: str
    bibtex: str
    ris: str
    doi_note: str


class ChangeRow(TypedDict):
    #: added, reworded, retired or removed
    change: str
    link: Link
    #: the fields that changed, comma-separated
    fields: str


class ChangedUnit(TypedDict):
    """One part of the release (framework, instrument, …) and its changes."""

    label: str
    before: str
    after: str
    rows: list[ChangeRow]


class OtherChangelog(TypedDict):
    """The changelog of the self-assessment's files or the reporting standard."""

    title: str
    #: the repository file it is kept in
    file: str
    version: str
    entries: list[Any]


class MappingLink(Link):
    """A crosswalk mapping: where a source element maps onto."""

    relationship: str
    rationale: str


class SourceElement(TypedDict):
    """An element of a companion source and its mappings."""

    id: str
    name: str
    description: Optional[str]
    place: str
    mappings: list[MappingLink]


class DownloadFile(TypedDict):
    path: str
    name: str
    description: str


class DownloadList(TypedDict):
    """Another part's downloads (self-assessment, checklist)."""

    title: str
    intro: str
    files: list[DownloadFile]


class SitePage(_Trusted):
    """The base of every site page's context (TEMPLATES: its templates in site_templates/pages/)."""


class GeneratedMarkdownPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("generated-markdown.md",)
    body: str = Field(description="The page's Markdown, made from the data (the scoring method, a codebook, a guide).")
    source: str = Field(description="The repository file the page is generated from.")


class HomePage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("home.md",)
    title: str = Field(description="The framework's title.")
    version: str = Field(description="The framework's version.")
    release_date: str = Field(description="The framework version's release date (YYYY-MM-DD).")
    summary: str = Field(description="The framework's summary (Markdown).")
    pub: Any = Field(description="The framework paper (load.references.Publication).")
    figure: str = Field(description="The framework figure as inline SVG, its boxes linking the element pages.")
    figure_svg: str = Field(description="Link to the figure's SVG download.")
    figure_png: str = Field(description="Link to the figure's PNG download.")
    columns: list[tuple[str, list[Link]]] = Field(description="The figure in words: (column heading, links).")
    principles: list[Any] = Field(description="The guiding principles (load models), in order.")
    structures: list[Any] = Field(description="The foundational structures (load models), in order.")
    hrefs: dict[str, str] = Field(description="Link from this page to each principle and structure, by ID.")
    routes: list[Route] = Field(description="The 'Start here' routes.")


class ElementIndexPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("element-index.md",)
    title: str = Field(description="The section's title ('Guiding principles').")
    intro: str = Field(description="One sentence on what the section lists.")
    kind: str = Field(description="The element kind of the section ('principle').")
    rows: list[SummaryLink] = Field(description="One per element, in order.")
    figure1: Optional[Row] = Field(
        default=None,
        description="Prevailing models only: Figure 1 as data (models: links; rows: characteristic link and cells of innovations and limitations).",
    )
    limitations: Optional[list[Row]] = Field(
        default=None,
        description="Limitations only: a Link's keys plus short, group, characteristic (link) and addressed_by (links).",
    )


class CiteBox(TypedDict):
    """The "Cite this" box of an element or reporting-item page (context/site_cite.py)."""

    url: str
    latest_url: str
    version: str
    release: str
    cite_href: str
    styles: list[dict[str, str]]
    files: list[dict[str, str]]
    paper: str
    doi_note: str


class Place(TypedDict):
    """Where the paper says it."""

    section: Optional[str]
    figure: Optional[str]
    note: Optional[str]
    #: the source document's reference
    document: Link
    citation: str


class LinkGroup(TypedDict):
    """One of an element's reference fields and its links."""

    field: str
    label: str
    links: list[Link]
    #: the toolkit's reading of this link, shown with an "Our reading" label
    our_reading: Optional[str]


class IncomingLink(Link):
    """A link from another element, with the field it links by (as readers see it)."""

    field: str


class Component(TypedDict):
    id: str
    name: str
    #: the component's type as readers see it ("Operational decision")
    type: str
    #: Markdown, glossary terms linked
    description: str
    terms: list[Link]


class Attribute(TypedDict):
    id: str
    name: str
    description: str


class Innovation(TypedDict):
    id: str
    text: str
    characteristics: list[Link]


class ModelLimitation(Innovation):
    limitations: list[Link]


class Example(TypedDict):
    name: str
    description: str
    reference: Optional[Link]


class ElementPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("element.md",)
    element: Any = Field(description="The element (a load model: Principle, Structure, Concept, …).")
    kind: str = Field(description="Its kind ('principle').")
    kind_label: str = Field(description="Its kind as readers see it.")
    heading: str = Field(description="The page heading after the ID (the element's title, else its name).")
    description: str = Field(description="The element's description, glossary terms linked (Markdown).")
    replaced_by: Optional[Link] = Field(description="A retired element's successor (None when not retired).")
    place: Place = Field(description="Where the paper says it.")
    links_to: list[LinkGroup] = Field(description="Its reference fields, in field order.")
    components_reading: Optional[str] = Field(description="The toolkit's reading of its components, if any.")
    readings_elsewhere: list[Row] = Field(description="Other readings: field (label) and note.")
    linked_from: list[IncomingLink] = Field(description="Elements linking to it, by ID.")
    crosswalked: list[Row] = Field(
        description="Companion sources' items crosswalked onto it: crosswalk, source_document, source_id, source_name, source_anchor, relationship, rationale, target, target_href."
    )
    components: list[Component] = Field(description="Its components.")
    attributes: list[Attribute] = Field(description="Its attributes (Markdown descriptions).")
    innovations: list[Innovation] = Field(description="A prevailing model's innovations.")
    model_limitations: list[ModelLimitation] = Field(description="A prevailing model's limitations.")
    examples: list[Example] = Field(description="Examples of the element.")
    asks: list[str] = Field(description="What it asks of a partnership (Markdown).")
    extras: list[dict[str, str]] = Field(
        description="Sections other parts add (self-assessment items, reporting items): heading, markdown."
    )
    cite: CiteBox = Field(description="The 'Cite this' box.")


class CrosswalkIndexPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("crosswalk-index.md",)
    rows: list[CrosswalkRow] = Field(description="One per crosswalk.")


class CrosswalkPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("crosswalk.md",)
    crosswalk: Any = Field(description="The crosswalk (load model).")
    source: Link = Field(description="The companion source's reference.")
    source_citation: str = Field(description="The companion source's citation.")
    sources: list[SourceElement] = Field(description="The companion source's elements and their mappings.")


class GlossaryPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("glossary.md",)
    terms: list[GlossaryTerm] = Field(description="The glossary's terms, by name.")


class ReferencesPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("references.md",)
    references: list[Any] = Field(description="The references (load models), the framework paper first.")


class MessagesPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("messages.md",)
    groups: list[Row] = Field(description="Finding codes by group: name, title, types (catalogue entries).")


class ChangelogPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("changelog.md",)
    version: str = Field(description="The framework's version.")
    entries: list[Any] = Field(description="The framework's changelog entries, newest first.")
    others: list[OtherChangelog] = Field(description="The self-assessment's and the reporting standard's changelogs.")


class ChangesPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("changes.md",)
    version: str = Field(description="This release's framework version.")
    previous: Optional[str] = Field(description="The release compared with (None for the first).")
    units: list[ChangedUnit] = Field(description="Per part, the elements that changed.")


class CitePage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("cite.md",)
    formats: list[CiteFormat] = Field(description="The how-to-cite entries (formats.citation), one per work.")
    message: str = Field(description="CITATION.cff's message.")
    example: str = Field(description="An element's permanent address in this release (P1's).")
    latest: str = Field(description="The same page's address in the latest release.")
    release: str = Field(description="This release ('1.0').")


class DownloadsPage(SitePage):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("downloads.md",)
    version: str = Field(description="The framework's version.")
    files: list[dict[str, str]] = Field(description="The framework's files: path, name, folder.")
    extra: list[DownloadList] = Field(description="Other parts' downloads.")


class MkDocsConfig(_Trusted):
    """The site's MkDocs configuration (site_templates/mkdocs.yml.jinja)."""

    TEMPLATES: ClassVar[tuple[str, ...]] = ("mkdocs.yml.jinja",)
    site_name: str = Field(description="The framework's short title.")
    site_url: str = Field(description="The site's base address.")
    site_description: str = Field(description="The framework's summary on one line.")
    copyright: str = Field(description="The footer line (HTML, escaped by the builder).")
    directory_urls: bool = Field(description="Pages at folder/ (True) or folder.html (False, for file://).")
    nav_yaml: str = Field(description="The navigation as YAML.")
    extra_yaml: str = Field(description="The theme's extra settings as YAML.")

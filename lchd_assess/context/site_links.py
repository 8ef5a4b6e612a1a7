"""The site's link resolver: where each kind of ID lives, labels, and the context every page's
model is built from (:class:`SiteContext`: the framework, the citation file, what the use case
hands in ready-made, and how to link IDs from one page to another).

Moved here from site/pages.py (issue 14's layout: context/ builds typed contexts from loaded
data; site/ renders them).  It needs only load, core and context; site/pages.py re-exports the
names the page builders used from there.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from typing import Any, Mapping

from .. import __version__
from ..core.addresses import FOLDERS, PAGES, site_path, versioned_url
from ..core.addresses import latest_url as _latest_url
from ..load.framework import Framework
from ..load.instrument import Assessment, load_assessment
from ..load.links import references
from ..load.models import KIND_LABELS
from ..load.translation import Translation, load_translation
from .citations import SiteCitations
from .release_changes import ReleaseChanges
from .site_pages import Link


def model_references(obj: Any) -> Any:
    return references(obj)


def labels_of_kinds() -> dict[str, str]:
    return KIND_LABELS


# -- Where each kind of ID lives -------------------------------------------------------------

#: kind → function(ID) → (docs-relative Markdown path, anchor or None): the one address scheme,
#: core.addresses.PAGES (the checklist, the reports and citations use the same table).
ADDRESSES = PAGES

#: Kinds that get a page of their own (one page per ID), in the order of the framework figure.
ELEMENT_KINDS: dict[str, tuple[str, str]] = {  # kind → (folder, section title)
    "concept": (FOLDERS["concept"], "Concepts"),
    "characteristic": (FOLDERS["characteristic"], "Characteristics"),
    "principle": (FOLDERS["principle"], "Guiding principles"),
    "structure": (FOLDERS["structure"], "Foundational structures"),
    "limitation": (FOLDERS["limitation"], "Limitations of prevailing approaches"),
    "partnership-model": (FOLDERS["partnership-model"], "Prevailing partnership models"),
}

#: Field names as readers see them, for "links to" and "linked from" lists.
FIELD_LABELS: dict[str, str] = {
    "concepts": "concepts it follows from",
    "characteristics": "characteristics",
    "characteristic": "characteristic it falls short on",
    "addresses_limitations": "limitations it addresses",
    "supports_principles": "principles it supports",
    "builds_on": "builds on",
    "limitations": "limitations",
    "see_also": "see also",
    "replaced_by": "replaced by",
    "terms": "glossary terms",
    "principles": "principles",
    "related": "related",
    "reference": "reference",
}

#: The same fields read from the other end ("FS1 … supports it").
INCOMING_LABELS: dict[str, str] = {
    "concepts": "follows from it",
    "characteristics": "answers it",
    "characteristic": "falls short on it",
    "addresses_limitations": "addresses it",
    "supports_principles": "supports it",
    "builds_on": "builds on it",
    "limitations": "is an instance of it",
    "see_also": "see also",
    "replaced_by": "replaces it",
    "terms": "names it",
    "principles": "covers it",
    "related": "related",
    "serves": "serves it",
    "target": "maps onto it",
    "reporting_domain": "belongs to it",
    "item": "maps onto it",
    "element": "assesses it",
    "components": "reaches it",
    "elements": "gates on it",
    "reference": "cites it",
    "document": "cites it",
    "source_document": "comes from it",
    "based_on": "builds on it",
    "profile": "lists it in its profile",
}

COMPONENT_TYPE_LABELS = {
    "operational-decision": "Operational decision",
    "theory-of-change-domain": "Theory-of-change domain",
    "relational-outcome": "Relational outcome",
    "data-requirement": "Data requirement",
    "funding-mechanism": "Funding mechanism",
    "funding-problem": "Funding problem",
}


@functools.lru_cache(maxsize=4096)
def _relative(path: str, start: str) -> str:
    """``posixpath.relpath`` of two docs-relative paths, remembered: it makes both absolute
    against the working folder on every call, and the pages ask for the same pairs thousands
    of times (a tenth of the generation time before)."""
    return posixpath.relpath(path, start)


@dataclass
class Prepared:
    """What the pages need that other stages make: the use case makes it and hands it in
    (app/site_prepare.py, kept once per content by app/site_inputs.py), so the page generators
    read no file format and score nothing themselves (issue 14's stage rules).  The first three
    a page can still load itself when left None (the framework's own data); the others it
    cannot, and asking for one that is missing is a programming error (:meth:`SiteContext.need`)."""

    #: The "What changed" page's comparison (context/release_changes.py).
    release_changes: ReleaseChanges | None = None
    #: The validated self-assessment, and its translations by language.
    assessment: Assessment | None = None
    translations: dict[str, Translation] | None = None
    #: The JSON Schemas offered for download: file name → text (formats/schemas.py).
    schemas: dict[str, str] | None = None
    #: The framework figure as a PNG for slides (render/figure_png.py; a quarter-second to paint).
    figure_png: bytes | None = None
    #: The framework as one JSON file (formats/bundle.py).
    bundle_json: str | None = None
    #: The blank answer sheet, as `lchd-assess template` writes it (formats/responses.py).
    answer_template_csv: str | None = None
    #: The answer sheet's codebook (Markdown) by language, "" for the instrument's own.
    codebooks: dict[str, str] | None = None
    #: The blank reporting checklist (YAML), as `lchd-assess checklist new` writes it.
    blank_checklist_yaml: str | None = None
    #: The blank reporting checklist as a printable PDF (render/checklist.py, WeasyPrint).
    blank_checklist_pdf: bytes | None = None
    #: Each special answer's code in a REDCap export (formats/redcap.py).
    raw_codes: dict[str, str] | None = None
    #: portfolio.csv's columns and what each means (score/portfolio.py).
    portfolio_columns: list[tuple[str, str]] | None = None
    #: Every citable page's citation and the How-to-cite page's entries (formats/citation.py).
    citations: SiteCitations | None = None


class SiteContext:
    """What page builders need: the framework, the citation file, and how to link IDs."""

    def __init__(self, fw: Framework, cff: Mapping[str, Any], directory_urls: bool = True) -> None:
        self.fw = fw
        self.cff = cff
        self.directory_urls = directory_urls
        self.base_url = fw.meta.base_url
        self.toolkit_version = __version__
        self._downloads: dict[str, str] | None = None
        #: Element pages made so far, by ID (site/framework_pages.py: each is made once per build).
        self._element_pages: dict[str, Any] = {}
        #: Files made by other stages and handed in by the use case (app/site.py): the sample
        #: report and portfolio.  Pages link them only when they are here.
        self.extra_files: dict[str, str | bytes] = {}
        #: What the use case hands in ready-made (None fields: the pages make them).
        self.prepared = Prepared()

    def need(self, name: str) -> Any:
        """A prepared value the pages cannot make themselves (see :class:`Prepared`)."""
        value = getattr(self.prepared, name)
        if value is None:
            raise ValueError(
                f"site generation needs {name!r} made by the use case: generate the site through app/site.py"
            )
        return value

    def load_assessment(self) -> Assessment:
        """The self-assessment the pages show: the one handed in, else ``assessments/``'s."""
        return self.prepared.assessment if self.prepared.assessment is not None else load_assessment()

    def load_translation(self, language: str) -> Translation:
        """The self-assessment's checked translation into ``language``."""
        if self.prepared.translations is not None and language in self.prepared.translations:
            return self.prepared.translations[language]
        a = self.load_assessment()
        return load_translation(a.folder, language, a.instrument)

    def linked_from(self, id_: str) -> list[tuple[str, str]]:
        """(owner ID, field) of every reference to ``id_`` (see :meth:`Framework.linked_from`)."""
        return self.fw.linked_from(id_)

    # addresses
    def address(self, id_: str) -> tuple[str, str | None] | None:
        if id_ not in self.fw:
            return None
        kind = self.fw.kind_of(id_)
        fn = ADDRESSES.get(kind)
        return fn(id_) if fn else None

    def name_of(self, id_: str) -> str:
        if id_ not in self.fw:
            return ""
        obj = self.fw.get(id_)
        if self.fw.kind_of(id_) == "reporting-item":  # cited by number and title, like the checklist
            return f"Item {obj.number}: {obj.title}"
        if self.fw.kind_of(id_) == "reference":  # a name for a reference: first author and title
            parts = str(obj.citation).split(". ")
            first = parts[0].split(",")[0]
            return f"{first} et al., {parts[1]}" if len(parts) > 1 and "," in parts[0] else ". ".join(parts[:2])
        for attr in ("name", "term", "title", "text"):
            value = getattr(obj, attr, None)
            if isinstance(value, str):
                return value
        return ""

    def href(self, id_: str, from_path: str) -> str | None:
        """Relative Markdown link target from page ``from_path`` to ``id_`` (MkDocs resolves it)."""
        where = self.address(id_)
        if where is None:
            return None
        return self.path_href(where[0], where[1], from_path)

    def path_href(self, path: str, anchor: str | None, from_path: str) -> str:
        """Relative Markdown link from page ``from_path`` to docs page ``path`` (and anchor)."""
        rel = _relative(path, posixpath.dirname(from_path) or ".")
        if path == from_path:
            rel = ""
        return rel + (f"#{anchor}" if anchor else "")

    def kind_href(self, kind: str, id_: str, from_path: str) -> str:
        """Link to an ID that is not in the framework (instrument items) by its kind's address."""
        path, anchor = ADDRESSES[kind](id_)
        return self.path_href(path, anchor, from_path)

    def link(self, id_: str, from_path: str, label: str | None = None) -> Link:
        """A link as data for templates: ``{id, name, href, kind}`` (href None: no page yet)."""
        kind = self.fw.kind_of(id_) if id_ in self.fw else ""
        name = self.name_of(id_) if label is None else label
        return {
            "id": id_,
            "name": name,
            # how the link reads: "P1 Proactive, …", but a glossary term by its name alone
            "display": name if kind in ("term", "reporting-item") else f"{id_} {name}".strip(),
            "href": self.href(id_, from_path),
            "kind": labels_of_kinds().get(kind, ""),
        }

    def url_path(self, path: str) -> str:
        """Site-relative URL of a docs page (``principles/P1.md`` → ``principles/P1/``)."""
        stem = path[:-3] if path.endswith(".md") else path
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    @staticmethod
    def _site_path(path: str) -> str:
        return site_path(path)

    def permanent_url(self, path: str) -> str:
        """The page's address in this release (``…/1.0/principles/P1/``): what citations print."""
        return versioned_url(self.base_url, self.fw.meta.version, self._site_path(path))

    def latest_url(self, path: str) -> str:
        """The same page in the newest release (``…/latest/principles/P1/``)."""
        return _latest_url(self.base_url, self._site_path(path))

    def site_href(self, id_: str, from_path: str) -> str:
        """A plain relative URL from page ``from_path`` to ``id_``, for raw HTML such as SVG.

        MkDocs rewrites Markdown links only, so links inside raw HTML are made here, in the
        form the build uses (``principles/P1/`` or ``principles/P1.html``).
        """
        where = self.address(id_)
        if where is None:
            raise KeyError(id_)
        here = self.url_path(from_path)
        base = here if here.endswith("/") or here == "" else posixpath.dirname(here)
        target = self.url_path(where[0])
        rel = posixpath.relpath(target.rstrip("/") or ".", base.rstrip("/") or ".")
        if target.endswith("/") or target == "":
            rel = rel + "/" if rel != "." else "./"
        return rel + (f"#{where[1]}" if where[1] else "")


def elements_of_kind(ctx: SiteContext, kind: str) -> list[Any]:
    """The framework's elements of one kind that get pages of their own."""
    return {
        "concept": ctx.fw.concepts,
        "characteristic": ctx.fw.characteristics,
        "principle": ctx.fw.principles,
        "structure": ctx.fw.structures,
        "limitation": ctx.fw.limitations,
        "partnership-model": ctx.fw.models,
    }[kind]

"""Page builders for the framework itself: element pages, home, crosswalks, glossary,
references, messages, changelog, how to cite and downloads; and the citation metadata
(JSON-LD, Highwire tags) the pages carry."""

from __future__ import annotations

import json
import posixpath
import re
from typing import Any, Callable, Mapping

from ..core.addresses import FOLDERS, PAGES, release_of
from ..core.catalogue import CATALOGUE
from ..load import models
from ..load.framework import Framework
from ..render.figure_svg import figure_from_framework
from . import cite as site_cite
from . import guides as site_guides
from . import instrument as site_instrument
from . import standard as site_standard
from .standard import standard_of
from .pages import (
    COMPONENT_TYPE_LABELS,
    ELEMENT_KINDS,
    FIELD_LABELS,
    INCOMING_LABELS,
    Page,
    SiteContext,
    TermLinker,
    elements_of_kind,
    labels_of_kinds,
    model_references,
)


# -- Citation and structured data ------------------------------------------------------------


def article_jsonld(fw: Framework) -> dict[str, Any]:
    pub = fw.meta.source_publication
    return {
        "@type": "ScholarlyArticle",
        "@id": f"https://doi.org/{pub.doi}",
        "name": pub.title,
        "author": [{"@type": "Person", "givenName": a.given, "familyName": a.family} for a in pub.authors],
        "datePublished": pub.date,
        "isPartOf": {"@type": "Periodical", "name": pub.journal},
        "volumeNumber": pub.volume,
        "issueNumber": pub.issue,
        "pagination": pub.article_number,
        "identifier": f"doi:{pub.doi}",
        "url": pub.url,
    }


def term_set_ref(fw: Framework) -> dict[str, Any]:
    return {"@type": "DefinedTermSet", "@id": fw.meta.base_url, "name": fw.meta.title, "version": fw.meta.version}


def jsonld_text(data: Mapping[str, Any]) -> str:
    """JSON-LD safe inside ``<script>``: no ``<``, ``>`` or ``&`` characters at all."""
    text = json.dumps(
        {"@context": "https://schema.org", **data}, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def highwire(fw: Framework) -> dict[str, Any]:
    """Highwire Press ``citation_*`` values for the framework paper (Google Scholar, Zotero).

    Every page tags the paper, the parent work, as EQUATOR does for its item pages; each
    element page adds its own "cite this" box.
    """
    pub = fw.meta.source_publication
    ref = fw.get(pub.reference) if pub.reference in fw else None
    tags: list[tuple[str, str]] = [("citation_title", pub.title)]
    tags += [("citation_author", f"{a.family}, {a.given}") for a in pub.authors]
    tags += [
        ("citation_publication_date", pub.date.replace("-", "/")),
        ("citation_journal_title", pub.journal),
        ("citation_journal_abbrev", pub.journal_abbreviation),
        ("citation_volume", pub.volume),
        ("citation_issue", pub.issue),
        ("citation_firstpage", pub.article_number),
        ("citation_doi", pub.doi),
        ("citation_abstract_html_url", pub.url),
        ("citation_fulltext_html_url", f"https://www.ncbi.nlm.nih.gov/pmc/articles/{pub.pmcid}/"),
        ("citation_language", "en"),
    ]
    if ref is not None and getattr(ref, "url", None) and str(ref.url).endswith(".pdf"):
        tags.append(("citation_pdf_url", ref.url))
    return {"tags": [{"name": n, "content": v} for n, v in tags]}


# -- Page builders ---------------------------------------------------------------------------


def _refs_by_field(ctx: SiteContext, obj: Any, path: str) -> list[dict[str, Any]]:
    """The element's own reference fields, as (label, links) groups, in field order."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for name, _i, target, _kinds in model_references(obj):
        if name == "document":
            continue
        groups.setdefault(name, []).append(ctx.link(target, path))
    return [
        {"field": name, "label": FIELD_LABELS.get(name, name.replace("_", " ")), "links": links}
        for name, links in groups.items()
    ]


def _with_readings(groups: list[dict[str, Any]], readings: Mapping[str, str]) -> list[dict[str, Any]]:
    """Each link group with the toolkit's reading of it (``our_reading``), when it has one."""
    return [{**g, "our_reading": readings.get(g["field"])} for g in groups]


def _incoming(ctx: SiteContext, id_: str, path: str) -> list[dict[str, Any]]:
    rows = []
    for owner, fld in ctx.linked_from(id_):
        kind = ctx.fw.kind_of(owner) if owner in ctx.fw else ""
        if kind in ("crosswalk", "crosswalk-source", "reporting-item") or owner.startswith(id_ + "."):
            # crosswalks and the reporting items that serve it have their own sections (no list
            # twice); an element's own parts are listed on it
            continue
        rows.append({**ctx.link(owner, path), "field": INCOMING_LABELS.get(fld, fld.replace("_", " "))})
    return sorted(rows, key=lambda r: (_id_sort_key(r["id"]), r["field"]))


def _id_sort_key(id_: str) -> tuple:
    return tuple(int(p) if p.isascii() and p.isdigit() else p for p in re.split(r"(\d+)", id_))


def _crosswalked(ctx: SiteContext, id_: str, path: str) -> list[dict[str, Any]]:
    rows = []
    for cw in ctx.fw.crosswalks:
        sources = {s.id: s for s in cw.source_elements}
        for m in cw.mappings:
            if m.target == id_ or m.target.startswith(id_ + "."):
                src = sources.get(m.source)
                rows.append(
                    {
                        "crosswalk": ctx.link(cw.id, path, label=cw.title),
                        "source_document": ctx.link(cw.source_document, path, label=""),
                        "source_id": m.source,
                        "source_name": src.name if src else "",
                        "source_anchor": f"{ctx.href(cw.id, path)}#{m.source}",
                        "relationship": m.relationship,
                        "rationale": m.rationale,
                        "target": m.target,
                        "target_href": ctx.href(m.target, path),
                    }
                )
    return rows


def _place(ctx: SiteContext, source: models.Source, path: str) -> dict[str, Any]:
    doc = ctx.link(source.document, path)
    ref = ctx.fw.get(source.document) if source.document in ctx.fw else None
    return {
        "section": source.section,
        "figure": source.figure,
        "note": source.note,
        "document": doc,
        "citation": getattr(ref, "citation", ""),
    }


#: Extra sections on element pages: function(ctx, element ID, page path) → list of
#: {"heading": str, "markdown": str}.  The instrument adds its items and recommended actions
#: here; the reporting standard its reporting items.
ELEMENT_SECTIONS: list[Callable[[SiteContext, str, str], list[dict[str, str]]]] = [
    site_instrument.element_sections,
    site_standard.element_sections,
]


def element_page(ctx: SiteContext, kind: str, obj: Any) -> Page:
    if obj.id not in ctx._element_pages:
        ctx._element_pages[obj.id] = _element_page(ctx, kind, obj)
    return ctx._element_pages[obj.id]


def _element_page(ctx: SiteContext, kind: str, obj: Any) -> Page:
    path = PAGES[kind](obj.id)[0]
    linker = TermLinker(ctx, path)
    url = ctx.permanent_url(path)
    label = labels_of_kinds()[kind]
    heading = getattr(obj, "title", None) or obj.name
    description = linker(obj.description)
    asks = [linker(a) for a in getattr(obj, "asks", []) or []]
    components = []
    for c in getattr(obj, "components", []) or []:
        components.append(
            {
                "id": c.id,
                "name": c.name,
                "type": COMPONENT_TYPE_LABELS.get(c.type, c.type),
                "description": linker(c.description),
                "terms": [ctx.link(t, path) for t in c.terms],
            }
        )
    attributes = [
        {"id": a.id, "name": a.name, "description": linker(a.description)} for a in getattr(obj, "attributes", []) or []
    ]
    innovations = [
        {"id": i.id, "text": i.text, "characteristics": [ctx.link(c, path) for c in i.characteristics]}
        for i in getattr(obj, "innovations", []) or []
    ]
    model_limits = [
        {
            "id": i.id,
            "text": i.text,
            "characteristics": [ctx.link(c, path) for c in i.characteristics],
            "limitations": [ctx.link(x, path) for x in i.limitations],
        }
        for i in (obj.limitations if kind == "partnership-model" else [])
    ]
    examples = [
        {
            "name": e.name,
            "description": e.description or "",
            "reference": ctx.link(e.reference, path) if e.reference else None,
        }
        for e in getattr(obj, "examples", []) or []
    ]
    extras = [s for fn in ELEMENT_SECTIONS for s in fn(ctx, obj.id, path)]
    # Statements that are the toolkit's reading, not the paper's: shown with an "Our reading" label.
    readings = {r.field: linker(r.note) for r in getattr(obj, "our_reading", []) or []}
    fw = ctx.fw
    context = {
        "element": obj,
        "kind": kind,
        "kind_label": label,
        "heading": heading,
        "description": description,
        "place": _place(ctx, obj.source, path),
        "links_to": _with_readings(_refs_by_field(ctx, obj, path), readings),
        "components_reading": readings.get("components"),
        "readings_elsewhere": [
            {"field": FIELD_LABELS.get(f, f.replace("_", " ")), "note": n}
            for f, n in readings.items()
            if f != "components" and f not in {g["field"] for g in _refs_by_field(ctx, obj, path)}
        ],
        "linked_from": _incoming(ctx, obj.id, path),
        "crosswalked": _crosswalked(ctx, obj.id, path),
        "components": components,
        "attributes": attributes,
        "innovations": innovations,
        "model_limitations": model_limits,
        "examples": examples,
        "asks": asks,
        "extras": extras,
        "cite": site_cite.cite_box(ctx, part_id=obj.id, path=path),
    }
    jsonld = {
        "@type": "DefinedTerm",
        "@id": url,
        "url": url,
        "termCode": obj.id,
        "name": obj.name,
        "description": obj.description,
        "inDefinedTermSet": term_set_ref(fw),
        "additionalType": label,
    }
    return Page(
        path,
        "element.md",
        f"{obj.id} {heading}",
        context,
        description=obj.description,
        jsonld=jsonld,
        nav_title=f"{obj.id} {obj.name}",
        element_id=obj.id,
    )


def element_pages(
    kind: str, intro: str, index_template: str = "element-index.md"
) -> Callable[[SiteContext], list[Page]]:
    """A page set: the section index (a list of the elements) then one page per element."""

    def build(ctx: SiteContext) -> list[Page]:
        folder, title = ELEMENT_KINDS[kind]
        path = f"{folder}/index.md"
        elements = elements_of_kind(ctx, kind)
        rows = [{**ctx.link(e.id, path), "summary": e.description} for e in elements]
        extra: dict[str, Any] = {}
        if kind == "partnership-model":
            extra["figure1"] = _figure1(ctx, path)
        if kind == "limitation":
            extra["limitations"] = [
                {
                    **ctx.link(lim.id, path),
                    "short": lim.short,
                    "group": lim.group,
                    "characteristic": ctx.link(lim.characteristic, path),
                    "addressed_by": [
                        ctx.link(o, path)
                        for o, f in sorted(
                            ctx.linked_from(lim.id), key=lambda x: (not x[0].startswith("P"), _id_sort_key(x[0]))
                        )
                        if f == "addresses_limitations"
                    ],
                }
                for lim in ctx.fw.limitations
            ]
        index = Page(
            path,
            index_template,
            title,
            {"intro": intro, "rows": rows, "kind": kind, **extra},
            description=f"{title} of the {ctx.fw.meta.short_title}: one page each, at a permanent address.",
            nav_title=title,
        )
        return [index, *(element_page(ctx, kind, e) for e in elements)]

    return build


def _figure1(ctx: SiteContext, path: str) -> dict[str, Any]:
    """Figure 1 of the paper: each model's innovations and limitations by characteristic."""
    chars = ctx.fw.characteristics
    rows = []
    for ch in chars:
        cells = []
        for m in ctx.fw.models:
            cells.append(
                {
                    "innovations": [
                        {"id": i.id, "text": i.text, "href": ctx.href(i.id, path)}
                        for i in m.innovations
                        if ch.id in i.characteristics
                    ],
                    "limitations": [
                        {"id": i.id, "text": i.text, "href": ctx.href(i.id, path)}
                        for i in m.limitations
                        if ch.id in i.characteristics
                    ],
                }
            )
        rows.append({"characteristic": ctx.link(ch.id, path), "cells": cells})
    return {"models": [ctx.link(m.id, path) for m in ctx.fw.models], "rows": rows}


def home_pages(ctx: SiteContext) -> list[Page]:
    path = "index.md"
    fw = ctx.fw
    figure = figure_from_framework(fw, lambda i: ctx.site_href(i, path))
    columns = [
        ("Concepts of life course health development", [ctx.link(c.id, path) for c in fw.concepts]),
        ("Characteristics of life-course interventions", [ctx.link(c.id, path) for c in fw.characteristics]),
        ("Guiding principles", [ctx.link(p.id, path) for p in fw.principles]),
        ("Foundational structures", [ctx.link(s.id, path) for s in fw.structures]),
    ]
    terms = [
        {
            "@type": "DefinedTerm",
            "@id": ctx.permanent_url(p.path),
            "termCode": p.element_id,
            "name": ctx.name_of(p.element_id or ""),
            "url": ctx.permanent_url(p.path),
        }
        for p in _all_element_pages(ctx)
    ]
    jsonld = {
        **term_set_ref(fw),
        "url": fw.meta.base_url,
        "description": fw.meta.summary,
        "license": fw.meta.licence_url,
        "citation": article_jsonld(fw),
        "hasDefinedTerm": terms,
    }
    context = {
        "figure": figure,
        "columns": columns,
        "pub": fw.meta.source_publication,
        "summary": fw.meta.summary,
        "structures": fw.structures,
        "principles": fw.principles,
        "routes": site_guides.routes(ctx, path),
        "figure_svg": ctx.path_href(FIGURE_SVG, None, path),
        "figure_png": ctx.path_href(FIGURE_PNG, None, path),
    }
    return [Page(path, "home.md", fw.meta.title, context, description=fw.meta.summary, jsonld=jsonld, nav_title="Home")]


def _all_element_pages(ctx: SiteContext) -> list[Page]:
    return [element_page(ctx, kind, e) for kind in ELEMENT_KINDS for e in elements_of_kind(ctx, kind)]


def crosswalk_pages(ctx: SiteContext) -> list[Page]:
    index = f"{FOLDERS['crosswalk']}/index.md"
    pages = [
        Page(
            index,
            "crosswalk-index.md",
            "Crosswalks to companion sources",
            {
                "rows": [
                    {
                        **ctx.link(cw.id, index, label=cw.title),
                        "source": ctx.link(cw.source_document, index, label=""),
                        "count": len(cw.mappings),
                    }
                    for cw in ctx.fw.crosswalks
                ]
            },
            description="How frameworks from companion sources map onto the LCHD principles and structures.",
            nav_title="Crosswalks",
        )
    ]
    for cw in ctx.fw.crosswalks:
        path = PAGES["crosswalk"](cw.id)[0]
        ref = ctx.fw.get(cw.source_document)
        sources = [
            {
                "id": s.id,
                "name": s.name,
                "description": s.description,
                "place": s.source.label(),
                "mappings": [
                    {**ctx.link(m.target, path), "relationship": m.relationship, "rationale": m.rationale}
                    for m in cw.mappings
                    if m.source == s.id
                ],
            }
            for s in cw.source_elements
        ]
        pages.append(
            Page(
                path,
                "crosswalk.md",
                cw.title,
                {
                    "crosswalk": cw,
                    "source": ctx.link(cw.source_document, path, label=""),
                    "source_citation": getattr(ref, "citation", ""),
                    "sources": sources,
                },
                description=cw.description,
                nav_title=cw.id.removeprefix("CW-").replace("-", " ").capitalize(),
            )
        )
    return pages


def glossary_pages(ctx: SiteContext) -> list[Page]:
    path = "glossary.md"
    terms = sorted(ctx.fw.terms, key=lambda t: t.term.lower())
    rows = [
        {
            "id": t.id,
            "term": t.term,
            "abbreviation": t.abbreviation,
            "definition": t.definition,
            "our_reading": t.our_reading,
            "place": t.source.label(),
            "see_also": [ctx.link(s, path) for s in t.see_also],
            "named_by": [ctx.link(o, path) for o, f in ctx.linked_from(t.id) if f == "terms"],
        }
        for t in terms
    ]
    return [
        Page(
            path,
            "glossary.md",
            "Glossary",
            {"terms": rows},
            description="Terms used by the framework, with where the paper uses them.",
        )
    ]


def references_pages(ctx: SiteContext) -> list[Page]:
    refs = ctx.fw.references
    order = {"framework-paper": 0, "cited-in-paper": 1, "companion-source": 2, "standard": 3, "other": 4}
    refs = sorted(refs, key=lambda r: (order.get(r.role, 9), r.number or 0, r.id))
    return [
        Page(
            "references.md",
            "references.md",
            "References",
            {"references": refs},
            description="The framework paper, the works it cites, and the companion sources of the crosswalks.",
        )
    ]


def messages_pages(ctx: SiteContext) -> list[Page]:
    groups: dict[str, list[Any]] = {}
    for t in CATALOGUE.values():
        groups.setdefault(t.group, []).append(t)
    titles = {
        "input": "Reading files",
        "encoding": "Encoding",
        "yaml": "YAML",
        "schema": "Schema",
        "semantic": "Meaning and links",
        "site": "Documentation site",
        "import": "Importing survey platform exports",
    }
    # reading comes first, then the known groups in this order, then the rest by name: never
    # the import order, which differs between a CLI run and a test session
    order = sorted(groups, key=lambda g: (list(titles).index(g) if g in titles else len(titles), g))
    rows = [
        {
            "name": g,
            "title": titles.get(g, g.replace("-", " ").capitalize()),
            "types": sorted(groups[g], key=lambda t: t.code),
        }
        for g in order
    ]
    return [
        Page(
            "messages.md",
            "messages.md",
            "Validation messages",
            {"groups": rows},
            description="Every message lchd-assess can print, what it means and how to fix it.",
        )
    ]


def changelog_pages(ctx: SiteContext) -> list[Page]:
    # The framework, the self-assessment (instrument, scoring rules, actions) and the reporting
    # standard each carry a version and a changelog; the page shows all of them, newest first.
    others = []
    try:
        a = ctx.load_assessment()
    except Exception:  # an assessment folder that does not load is reported by `validate`
        a = None
    if a is not None:
        others += [
            {
                "title": a.instrument.title,
                "file": "assessments/instrument.yaml",
                "version": a.instrument.version,
                "entries": a.instrument.changelog,
            },
            {
                "title": "Scoring rules",
                "file": "assessments/scoring-rules.yaml",
                "version": a.rules.version,
                "entries": a.rules.changelog,
            },
            {
                "title": "Recommended actions",
                "file": "assessments/recommended-actions.yaml",
                "version": a.actions.version,
                "entries": a.actions.changelog,
            },
        ]
    std = standard_of(ctx)
    if std is not None:
        others.append(
            {
                "title": std.model.title,
                "file": "framework/reporting-standard.yaml",
                "version": std.version,
                "entries": std.model.changelog,
            }
        )
    return [
        Page(
            "changelog.md",
            "changelog.md",
            "Changelog",
            {"entries": ctx.fw.meta.changelog, "version": ctx.fw.meta.version, "others": others},
            description="What changed in each version of the framework data, the self-assessment and the reporting standard.",
        )
    ]


def cite_pages(ctx: SiteContext) -> list[Page]:
    # the texts are formats/citation.py's, written by the use case (context/citations.py)
    formats = [
        {
            "title": e.title,
            "styles": [{"name": s.name, "text": s.text} for s in e.styles],
            "apa": e.apa,
            "bibtex": e.bibtex,
            "ris": e.ris,
            "doi_note": e.doi_note,
        }
        for e in ctx.need("citations").cite_page
    ]
    example = PAGES["principle"]("P1")[0]
    context = {
        "formats": formats,
        "message": ctx.cff.get("message", ""),
        "example": ctx.permanent_url(example),
        "latest": ctx.latest_url(example),
        "release": release_of(ctx.fw.meta.version),
    }
    return [
        Page(
            "cite.md",
            "cite.md",
            "How to cite",
            context,
            description="Cite the framework paper, the toolkit version, and an element's versioned page.",
        )
    ]


def downloads_pages(ctx: SiteContext) -> list[Page]:
    files = sorted(p for p in download_files(ctx) if p.startswith("downloads/"))
    extra = [
        {
            "title": title,
            "intro": intro,
            "files": [{"path": f, "name": posixpath.basename(f), "description": d} for f, d in rows],
        }
        for title, intro, rows in (fn(ctx) for fn in DOWNLOAD_LISTS)
    ]
    return [
        Page(
            "downloads.md",
            "downloads.md",
            "Downloads",
            {
                "files": [{"path": f, "name": posixpath.basename(f), "folder": posixpath.dirname(f)} for f in files],
                "version": ctx.fw.meta.version,
                "extra": extra,
            },
            description="The framework as one JSON bundle, its YAML files and the JSON Schemas; the self-assessment's files and the reporting checklist.",
        )
    ]


#: More downloads: function(ctx) → {docs-relative path: text or bytes}.  The instrument and the
#: reporting standard add their files here.
FIGURE_SVG = "downloads/framework-figure.svg"
#: The same figure painted as a PNG at slide width (built, never committed: see .gitignore).
FIGURE_PNG = "downloads/framework-figure.png"


def figure_downloads(ctx: SiteContext) -> dict[str, str | bytes]:
    """The framework figure for slides, as a standalone SVG whose boxes link the element pages
    at their versioned addresses (a slide outlives the page it was made from), and as a PNG
    painted from the same layout (for software that takes no SVG)."""

    def href(id_: str) -> str:
        where = ctx.address(id_)
        return ctx.permanent_url(where[0]) if where else ""

    return {
        FIGURE_SVG: '<?xml version="1.0" encoding="UTF-8"?>\n' + figure_from_framework(ctx.fw, href) + "\n",
        FIGURE_PNG: ctx.need("figure_png"),
    }


DOWNLOAD_SETS: list[Callable[[SiteContext], dict[str, str | bytes]]] = [
    site_instrument.downloads,
    site_standard.downloads,
    site_cite.cite_downloads,
    figure_downloads,
]
#: Sections of the Downloads page after the framework's: function(ctx) → (heading, intro,
#: [(docs-relative path, what it is)]).
DOWNLOAD_LISTS: list[Callable[[SiteContext], tuple[str, str, list[tuple[str, str]]]]] = [
    site_instrument.download_list,
    site_standard.download_list,
]


def download_files(ctx: SiteContext) -> dict[str, str]:
    """docs-relative path → text of each download (the bundle, the YAML files, the schemas).

    Made once per build and kept on ``ctx``: the downloads page lists them and the build
    writes them.
    """
    if ctx._downloads is not None:
        return ctx._downloads
    out = {"downloads/framework-bundle.json": ctx.need("bundle_json")}
    root = ctx.fw.root
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in (".yaml", ".yml"):
            out["downloads/framework/" + p.relative_to(root).as_posix()] = p.read_text(encoding="utf-8")
    for name, text in ctx.need("schemas").items():
        out["downloads/schemas/" + name] = text
    ctx._downloads = out
    return out


#: The site's page sets, in navigation order.  To add one: write a ``build(ctx)`` returning
#: pages (templates in site_templates/pages/) and add a PageSet here, or call
#: :func:`register_page_set` from your module.

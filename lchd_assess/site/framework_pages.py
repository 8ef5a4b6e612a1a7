"""Page builders for the framework itself: the element pages, their section indexes and home.

The framework's other pages are built beside it and re-exported here, so their old names stay
importable: the crosswalks, glossary, references, messages and changelog (site/reference_pages.py),
how to cite and the downloads (site/downloads.py), and the citation metadata every page carries,
JSON-LD and Highwire tags (site/jsonld.py)."""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping

from ..context.site_pages import ElementIndexPage, ElementPage, HomePage
from ..core.addresses import PAGES
from ..load import models
from ..render.figure_svg import figure_from_framework
from ..context import site_cite
from . import guides as site_guides
from . import instrument as site_instrument
from . import standard as site_standard
from .downloads import (  # noqa: F401  (re-exported: the old names of the downloads' builders)
    DOWNLOAD_LISTS,
    DOWNLOAD_SETS,
    FIGURE_PNG,
    FIGURE_SVG,
    cite_pages,
    download_files,
    downloads_pages,
    figure_downloads,
)
from .jsonld import article_jsonld, highwire, jsonld_text, term_set_ref  # noqa: F401  (re-exported)
from .reference_pages import (  # noqa: F401  (re-exported: the old names of the reference pages' builders)
    changelog_pages,
    crosswalk_pages,
    glossary_pages,
    messages_pages,
    references_pages,
)
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
    # one linker for the page: it links each glossary term at its first occurrence, so the
    # texts go through it in reading order (description, asks, then the element's parts)
    linker = TermLinker(ctx, path)
    label = labels_of_kinds()[kind]
    heading = getattr(obj, "title", None) or obj.name
    description = linker(obj.description)
    asks = [linker(a) for a in getattr(obj, "asks", []) or []]
    parts = _element_parts(ctx, kind, obj, path, linker)
    extras = [s for fn in ELEMENT_SECTIONS for s in fn(ctx, obj.id, path)]
    # Statements that are the toolkit's reading, not the paper's: shown with an "Our reading" label.
    readings = {r.field: linker(r.note) for r in getattr(obj, "our_reading", []) or []}
    context = ElementPage.trusted(
        element=obj,
        kind=kind,
        kind_label=label,
        heading=heading,
        description=description,
        replaced_by=ctx.link(obj.replaced_by, path) if getattr(obj, "replaced_by", None) else None,
        place=_place(ctx, obj.source, path),
        links_to=_with_readings(_refs_by_field(ctx, obj, path), readings),
        components_reading=readings.get("components"),
        readings_elsewhere=[
            {"field": FIELD_LABELS.get(f, f.replace("_", " ")), "note": n}
            for f, n in readings.items()
            if f != "components" and f not in {g["field"] for g in _refs_by_field(ctx, obj, path)}
        ],
        linked_from=_incoming(ctx, obj.id, path),
        crosswalked=_crosswalked(ctx, obj.id, path),
        **parts,
        asks=asks,
        extras=extras,
        cite=site_cite.cite_box(ctx, part_id=obj.id, path=path),
    )
    return Page(
        path,
        "element.md",
        f"{obj.id} {heading}",
        context,
        description=obj.description,
        jsonld=_element_jsonld(ctx, obj, ctx.permanent_url(path), label),
        nav_title=f"{obj.id} {obj.name}",
        element_id=obj.id,
    )


def _element_parts(ctx: SiteContext, kind: str, obj: Any, path: str, linker: TermLinker) -> dict[str, Any]:
    """The element's own parts for its page: components, attributes, innovations, a model's
    limitations and examples (each present or an empty list)."""
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
    return {
        "components": components,
        "attributes": attributes,
        "innovations": innovations,
        "model_limitations": model_limits,
        "examples": examples,
    }


def _element_jsonld(ctx: SiteContext, obj: Any, url: str, label: str) -> dict[str, Any]:
    """The element as a schema.org DefinedTerm of the framework's term set."""
    return {
        "@type": "DefinedTerm",
        "@id": url,
        "url": url,
        "termCode": obj.id,
        "name": obj.name,
        "description": obj.description,
        "inDefinedTermSet": term_set_ref(ctx.fw),
        "additionalType": label,
    }


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
            ElementIndexPage.trusted(title=title, intro=intro, rows=rows, kind=kind, **extra),
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
    context = HomePage.trusted(
        title=fw.meta.title,
        version=fw.meta.version,
        release_date=fw.meta.release_date,
        figure=figure,
        columns=columns,
        pub=fw.meta.source_publication,
        summary=fw.meta.summary,
        structures=fw.structures,
        principles=fw.principles,
        hrefs={e.id: ctx.href(e.id, path) for e in [*fw.principles, *fw.structures]},
        routes=site_guides.routes(ctx, path),
        figure_svg=ctx.path_href(FIGURE_SVG, None, path),
        figure_png=ctx.path_href(FIGURE_PNG, None, path),
    )
    return [Page(path, "home.md", fw.meta.title, context, description=fw.meta.summary, jsonld=jsonld, nav_title="Home")]


def _all_element_pages(ctx: SiteContext) -> list[Page]:
    return [element_page(ctx, kind, e) for kind in ELEMENT_KINDS for e in elements_of_kind(ctx, kind)]


#: The site's page sets, in navigation order.  To add one: write a ``build(ctx)`` returning
#: pages (templates in site_templates/pages/) and add a PageSet here, or call
#: :func:`register_page_set` from your module.

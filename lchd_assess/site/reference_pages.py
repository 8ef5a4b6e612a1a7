"""Page builders for the framework's reference pages: the crosswalks to companion sources, the
glossary, the references, the validation messages and the changelog.

Split out of site/framework_pages.py (which re-exports these names): these pages list the
framework's parts rather than describe one element.
"""

from __future__ import annotations

from typing import Any

from ..core.addresses import FOLDERS, PAGES
from ..core.catalogue import CATALOGUE
from ..context.site_pages import (
    ChangelogPage,
    CrosswalkIndexPage,
    CrosswalkPage,
    GlossaryPage,
    MessagesPage,
    ReferencesPage,
)
from .pages import Page, SiteContext
from .standard import standard_of


def crosswalk_pages(ctx: SiteContext) -> list[Page]:
    index = f"{FOLDERS['crosswalk']}/index.md"
    pages = [
        Page(
            index,
            "crosswalk-index.md",
            "Crosswalks to companion sources",
            CrosswalkIndexPage.trusted(
                rows=[
                    {
                        **ctx.link(cw.id, index, label=cw.title),
                        "source": ctx.link(cw.source_document, index, label=""),
                        "count": len(cw.mappings),
                    }
                    for cw in ctx.fw.crosswalks
                ]
            ),
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
                CrosswalkPage.trusted(
                    crosswalk=cw,
                    source=ctx.link(cw.source_document, path, label=""),
                    source_citation=getattr(ref, "citation", ""),
                    sources=sources,
                ),
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
            GlossaryPage.trusted(terms=rows),
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
            ReferencesPage.trusted(references=refs),
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
            MessagesPage.trusted(groups=rows),
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
            ChangelogPage.trusted(entries=ctx.fw.meta.changelog, version=ctx.fw.meta.version, others=others),
            description="What changed in each version of the framework data, the self-assessment and the reporting standard.",
        )
    ]

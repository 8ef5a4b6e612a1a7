"""The reporting standard and the paper's research agenda on the documentation site.

Listed in :mod:`lchd_assess.site.generate` (PAGE_SETS) and :mod:`lchd_assess.site.framework_pages`
(ELEMENT_SECTIONS, DOWNLOAD_SETS, DOWNLOAD_LISTS).
The pages read the standard through :func:`lchd_assess.load.standard.site_overview` and
:func:`~lchd_assess.load.standard.site_item`; item pages sit at
:func:`~lchd_assess.load.standard.item_path`, the same function behind the checklist's item links.
"""

from __future__ import annotations

from typing import Any

from ..context.site_pages_use import (
    GuidelineCrosswalkPage,
    ResearchAgendaPage,
    StandardItemPage,
    StandardPage,
)
from ..core.formatting import md_text
from ..load.standard import Standard, site_item, site_overview, standard_from
from . import checklist_form
from ..context.site_cite import cite_box
from .pages import ADDRESSES, Page, SiteContext, TermLinker

OVERVIEW = "reporting-standard/index.md"
AGENDA = "research-agenda.md"


def standard_of(ctx: SiteContext) -> Standard | None:
    """The standard of the framework being published (None when it has none)."""
    return standard_from(ctx.fw)


def item_page_path(item_id: str) -> str:
    """docs-relative Markdown file of an item's page (its address comes from site.ADDRESSES)."""
    return ADDRESSES["reporting-item"](item_id)[0]


def guideline_anchor(number: str) -> str:
    return f"item-{number}"


# -- Research agenda: the reporting domains RD1–RD5 and research priorities ------------------


def research_agenda_pages(ctx: SiteContext) -> list[Page]:
    agenda = ctx.fw.research_agenda
    if agenda is None:
        return []
    path = AGENDA
    linker = TermLinker(ctx, path)
    std = standard_of(ctx)
    by_rd: dict[str, list[dict[str, Any]]] = {}
    if std is not None:
        for d in std.model.domains:
            if d.reporting_domain:
                by_rd.setdefault(d.reporting_domain, []).extend(
                    ctx.link(i.id, path, label=f"{i.number} {i.title}") for i in std.items() if i.domain == d.id
                )
    domains = [
        {
            "id": rd.id,
            "name": rd.name,
            "description": linker(rd.description),
            "prompts": [md_text(p) for p in rd.prompts],
            "principles": [ctx.link(p, path) for p in rd.principles],
            "place": rd.source.label(),
            "items": by_rd.get(rd.id, []),
        }
        for rd in agenda.reporting_domains
    ]
    priorities = [
        {
            "id": rp.id,
            "name": rp.name,
            "description": linker(rp.description),
            "related": [ctx.link(r, path) for r in rp.related],
            "place": rp.source.label(),
        }
        for rp in agenda.priorities
    ]
    context = ResearchAgendaPage.trusted(
        summary=linker(agenda.summary),
        place=agenda.source.label(),
        domains=domains,
        priorities=priorities,
        standard_href=ctx.path_href(OVERVIEW, None, path) if std is not None else None,
    )
    return [
        Page(
            path,
            "research-agenda.md",
            "Measuring impact: reporting domains and research priorities",
            context,
            description="The paper's call for comparable evidence: five reporting domains (aims, composition, implementation, outcomes, equity metrics) and the research priorities.",
            nav_title="Measuring impact",
        )
    ]


# -- The reporting standard ------------------------------------------------------------------


def reporting_pages(ctx: SiteContext) -> list[Page]:
    """The reporting standard's pages: its overview, one page per item, and one page per
    reporting guideline it is crosswalked to."""
    std = standard_of(ctx)
    if std is None:
        return []
    ov = site_overview(std)
    return [
        _overview_page(ctx, std, ov),
        *(_item_page(ctx, std, ov, item) for item in std.items()),
        *(_guideline_page(ctx, std, gx) for gx in std.crosswalks),
    ]


def _overview_page(ctx: SiteContext, std: Standard, ov: dict[str, Any]) -> Page:
    """The standard's overview: its sections and items, domains, crosswalks and downloads."""
    path = OVERVIEW
    sections = [
        {**s, "items": [{**i, **ctx.link(i["id"], path, label=i["title"])} for i in s["items"]]} for s in ov["sections"]
    ]
    domains = [
        {
            **d,
            "rd": ctx.link(d["reporting_domain"], path) if d["reporting_domain"] else None,
            "links": [ctx.link(i, path, label=std.item(i).number) for i in d["items"]],
        }
        for d in ov["domains"]
    ]  # type: ignore[union-attr]
    crosswalks = [{**c, "href": ctx.href(c["id"], path)} for c in ov["crosswalks"]]
    context = StandardPage.trusted(
        std=ov,
        sections=sections,
        domains=domains,
        crosswalks=crosswalks,
        based_on=[ctx.link(r, path, label=ctx.name_of(r) or r) for r in ov["based_on"]],
        downloads={k: ctx.path_href(v, None, path) for k, v in ov["downloads"].items()},
        agenda_href=ctx.path_href(AGENDA, None, path) if ctx.fw.research_agenda is not None else None,
    )
    return Page(path, "standard.md", ov["title"], context, description=ov["summary"], nav_title="Overview")


def _item_page(ctx: SiteContext, std: Standard, ov: dict[str, Any], item: Any) -> Page:
    """One reporting item's page, at its permanent address, with its "cite this" box."""
    data = site_item(std, item)
    ipath = item_page_path(item.id)
    serves = [ctx.link(s, ipath) for s in data["serves"]]
    cw = [
        {**c, "href": ctx.path_href(ADDR_GX(c["crosswalk"]), guideline_anchor(c["number"]), ipath)}
        for c in data["crosswalk"]
    ]
    dom = data["domain"]
    item_ctx = StandardItemPage.trusted(
        item=data,
        serves=serves,
        crosswalk=cw,
        rd=ctx.link(dom["reporting_domain"], ipath) if dom["reporting_domain"] else None,
        overview_href=ctx.path_href(OVERVIEW, f"section-{data['section']['id']}", ipath),
        replaced_by=ctx.link(data["replaced_by"], ipath) if data["replaced_by"] else None,
        standard={
            "title": ov["title"],
            "short_title": ov["short_title"],
            "version": ov["version"],
            "citation": ov["citation"],
        },
        cite=cite_box(ctx, part_id=item.id, path=ipath),
    )
    jsonld = {
        "@type": "DefinedTerm",
        "@id": ctx.permanent_url(ipath),
        "url": ctx.permanent_url(ipath),
        "termCode": item.id,
        "name": item.title,
        "description": item.what_to_report,
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "@id": ov["url"],
            "name": ov["title"],
            "version": ov["version"],
        },
    }
    return Page(
        ipath,
        "standard-item.md",
        f"Item {item.number}: {item.title}",
        item_ctx,
        description=item.what_to_report,
        jsonld=jsonld,
        nav_title=f"{item.number} {item.title}",
    )


def _guideline_page(ctx: SiteContext, std: Standard, gx: Any) -> Page:
    """A reporting guideline's crosswalk: each of its elements and the items it maps to."""
    gpath = ADDR_GX(gx.id)
    elements = [
        {
            "number": e.number,
            "anchor": guideline_anchor(e.number),
            "section": e.section,
            "item_name": e.item_name,
            "summary": e.summary,
            "mappings": [
                {
                    **ctx.link(mp.item, gpath, label=f"{std.item(mp.item).number} {std.item(mp.item).title}"),
                    "relationship": mp.relationship,
                    "note": mp.note,
                }
                for mp in e.mappings
            ],  # type: ignore[union-attr]
            "not_applicable": e.not_applicable,
        }
        for e in gx.elements
    ]
    return Page(
        gpath,
        "guideline-crosswalk.md",
        gx.title,
        GuidelineCrosswalkPage.trusted(gx=gx, elements=elements, overview_href=ctx.path_href(OVERVIEW, None, gpath)),
        description=gx.description,
        nav_title=f"{gx.guideline} crosswalk",
    )


def ADDR_GX(gx_id: str) -> str:  # noqa: N802 - reads as the address of a guideline crosswalk
    return ADDRESSES["guideline-crosswalk"](gx_id)[0]


def element_sections(ctx: SiteContext, element_id: str, path: str) -> list[dict[str, str]]:
    """ "In the reporting standard" on a principle's or structure's page: the items whose
    reporting lets a reader judge this element (or one of its components)."""
    std = standard_of(ctx)
    if std is None:
        return []
    rows = [i for i in std.items() if any(s == element_id or s.startswith(element_id + ".") for s in i.why.serves)]
    if not rows:
        return []
    lines = [
        f"Items of the [{md_text(std.model.short_title)}]({ctx.path_href(OVERVIEW, None, path)}) (version {std.version}) that let a reader judge this element:",
        "",
    ]
    for i in rows:
        lines.append(f"- [{md_text(i.number)} {md_text(i.title)}]({ctx.href(i.id, path)}) ({i.tier})")
    return [{"heading": "In the reporting standard", "markdown": "\n".join(lines)}]


def checklist_downloads(blank_yaml: str, blank_pdf: bytes) -> dict[str, bytes]:
    """Files the site offers under ``reporting-standard/`` (names match ``site_overview``'s
    ``downloads``): the blank checklist as YAML (``blank_yaml``, as `checklist new` writes it)
    and as a printable PDF (``blank_pdf``, render/checklist.py's)."""
    return {
        "checklist.yaml": blank_yaml.encode("utf-8"),
        "checklist.pdf": blank_pdf,
    }


def downloads(ctx: SiteContext) -> dict[str, str | bytes]:
    """The blank checklist as YAML and PDF, where the overview's ``downloads`` says."""
    std = standard_of(ctx)
    if std is None:
        return {}
    files: dict[str, str | bytes] = {
        f"reporting-standard/{name}": data
        for name, data in sorted(
            checklist_downloads(ctx.need("blank_checklist_yaml"), ctx.need("blank_checklist_pdf")).items()
        )
    }
    files[checklist_form.PAGE] = checklist_form.form_html(std)
    return files


def download_list(ctx: SiteContext) -> tuple[str, str, list[tuple[str, str]]]:
    std = standard_of(ctx)
    if std is None:
        return ("The reporting standard", "This framework has no reporting standard.", [])
    return (
        "The reporting checklist",
        f"The blank checklist of the [{md_text(std.model.short_title)}]({OVERVIEW}), version {std.version}, to fill in and attach at submission. "
        "`lchd-assess checklist new --out checklist.yaml` writes the same YAML; `lchd-assess checklist check` says what is missing.",
        [
            (
                checklist_form.PAGE,
                "The checklist as a page to fill in any browser, offline: shows what is missing as you type and saves the YAML (no YAML to write by hand)",
            ),
            ("reporting-standard/checklist.yaml", "Blank checklist to fill in (YAML)"),
            ("reporting-standard/checklist.pdf", "Blank checklist to print (PDF)"),
        ],
    )

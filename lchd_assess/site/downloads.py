"""Page builders for how to cite and the downloads: the "How to cite" page, the Downloads page,
and the files it lists (the framework bundle, its YAML files, the schemas, the figure for slides,
and the files the instrument, the reporting standard and the citations add).

Split out of site/framework_pages.py (which re-exports these names).
"""

from __future__ import annotations

import posixpath
from typing import Callable

from ..core.addresses import PAGES, release_of
from ..render.figure_svg import figure_from_framework
from ..context import site_cite
from . import instrument as site_instrument
from . import standard as site_standard
from ..context.site_pages import CitePage, DownloadsPage
from .pages import Page, SiteContext


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
    context = CitePage.trusted(
        formats=formats,
        message=ctx.cff.get("message", ""),
        example=ctx.permanent_url(example),
        latest=ctx.latest_url(example),
        release=release_of(ctx.fw.meta.version),
    )
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
            DownloadsPage.trusted(
                files=[{"path": f, "name": posixpath.basename(f), "folder": posixpath.dirname(f)} for f in files],
                version=ctx.fw.meta.version,
                extra=extra,
            ),
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

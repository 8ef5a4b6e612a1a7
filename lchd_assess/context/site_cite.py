"""The "Cite this" box of every element and reporting-item page, and its BibTeX/RIS files.

All text comes from formats.citation (one Publication, one formatter per style): APA, AMA (the
style of Pediatrics, where the framework was published) and Vancouver, plus BibTeX and RIS files
for reference managers, written by the use case (app/site_prepare.py) for the pages listed by
:func:`citable_pages` and handed in (``context.site_links.Prepared.citations``).  Each names the version and the versioned address, so a citation keeps
pointing at the words that were cited; the box also links the same page in the latest release.

Moved from site/cite.py: it builds page data from loaded data (issue 14: context/'s job).
"""

from dataclasses import dataclass

from ..core.addresses import PAGES, release_of
from ..load.standard import standard_from
from .site_links import ELEMENT_KINDS, SiteContext, elements_of_kind, labels_of_kinds
from .site_pages import CiteBox

#: Where the citation files go in the site (one .bib and one .ris per citable page).
CITE_DIR = "downloads/cite"


@dataclass(frozen=True)
class CitablePage:
    """A page that offers its citation: what it is, and the work it belongs to."""

    label: str
    part_id: str
    name: str
    path: str  # docs path
    container: str
    version: str


def citable_pages(ctx: SiteContext) -> list[CitablePage]:
    """Every element page and every reporting-item page (the use case writes their citations)."""
    fw = ctx.fw
    out = [
        CitablePage(
            labels_of_kinds()[kind].capitalize(),
            e.id,
            e.name,
            PAGES[kind](e.id)[0],
            fw.meta.short_title,
            fw.meta.version,
        )
        for kind in ELEMENT_KINDS
        for e in elements_of_kind(ctx, kind)
    ]
    std = standard_from(fw)
    if std is not None:
        out += [
            CitablePage(
                "Reporting item",
                item.id,
                f"Item {item.number}, {item.title}",
                PAGES["reporting-item"](item.id)[0],
                std.model.short_title,
                std.version,
            )
            for item in std.items()
        ]
    return out


def cite_box(ctx: SiteContext, *, part_id: str, path: str) -> CiteBox:
    """Template data for one page's "Cite this" box (``path``: the page's docs path)."""
    cited = ctx.need("citations")
    page = cited.pages[part_id]
    return {
        "url": ctx.permanent_url(path),
        "latest_url": ctx.latest_url(path),
        "version": page.version,
        "release": release_of(ctx.fw.meta.version),
        "cite_href": ctx.path_href("cite.md", None, path),
        "styles": [{"name": s.name, "text": s.text} for s in page.styles],
        "files": [
            {
                "name": f.name,
                "href": ctx.path_href(f"{CITE_DIR}/{part_id}.{f.ext}", None, path),
                "file": f"{part_id}.{f.ext}",
            }
            for f in page.files
        ],
        "paper": cited.paper_ama,
        "doi_note": cited.paper_doi_note,
    }


def cite_downloads(ctx: SiteContext) -> dict[str, str | bytes]:
    """docs-relative path → text of every page's BibTeX and RIS file."""
    out: dict[str, str | bytes] = {}
    for part_id, page in ctx.need("citations").pages.items():
        for f in page.files:
            out[f"{CITE_DIR}/{part_id}.{f.ext}"] = f.text
    return out

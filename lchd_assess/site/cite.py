"""The "Cite this" box of every element and reporting-item page, and its BibTeX/RIS files.

All text comes from formats.citation (one Publication, one formatter per style): APA, AMA (the
style of Pediatrics, where the framework was published) and Vancouver, plus BibTeX and RIS files
for reference managers.  Each names the version and the versioned address, so a citation keeps
pointing at the words that were cited; the box also links the same page in the latest release.
"""

from __future__ import annotations

from typing import Any

from ..core.addresses import PAGES, release_of
from ..formats import citation
from ..load.standard import standard_from
from .pages import ELEMENT_KINDS, SiteContext, elements_of_kind, labels_of_kinds

#: Where the citation files go in the site (one .bib and one .ris per citable page).
CITE_DIR = "downloads/cite"


def _page_pub(ctx: SiteContext, *, label: str, part_id: str, name: str, path: str, container: str | None = None, version: str | None = None) -> citation.Publication:
    return citation.page(
        dict(ctx.cff),
        label=label,
        part_id=part_id,
        name=name,
        container=container or ctx.fw.meta.short_title,
        version=version or ctx.fw.meta.version,
        release_date=ctx.fw.meta.release_date,
        url=ctx.permanent_url(path),
    )


def cite_box(ctx: SiteContext, *, label: str, part_id: str, name: str, path: str, container: str | None = None, version: str | None = None) -> dict[str, Any]:
    """Template data for one page's "Cite this" box (``path``: the page's docs path)."""
    pub = _page_pub(ctx, label=label, part_id=part_id, name=name, path=path, container=container, version=version)
    paper = citation.from_framework(ctx.fw.meta.source_publication)
    return {
        "url": ctx.permanent_url(path),
        "latest_url": ctx.latest_url(path),
        "version": pub.version,
        "release": release_of(ctx.fw.meta.version),
        "cite_href": ctx.path_href("cite.md", None, path),
        "styles": [{"name": n, "text": fn(pub)} for n, fn in citation.STYLES.items()],
        "files": [{"name": n, "href": ctx.path_href(f"{CITE_DIR}/{part_id}.{ext}", None, path), "file": f"{part_id}.{ext}"} for n, (ext, _fn, _mt) in citation.FILES.items()],
        "paper": citation.ama(paper),
        "doi_note": citation.doi_note(paper.doi),
    }


def _citable(ctx: SiteContext) -> list[citation.Publication]:
    """Every element page and every reporting-item page, as publications."""
    out = []
    for kind in ELEMENT_KINDS:
        for e in elements_of_kind(ctx, kind):
            out.append(_page_pub(ctx, label=labels_of_kinds()[kind].capitalize(), part_id=e.id, name=e.name, path=PAGES[kind](e.id)[0]))
    std = standard_from(ctx.fw)
    if std is not None:
        for item in std.items():
            out.append(_page_pub(ctx, **item_cite_args(std, item)))
    return out


def item_cite_args(std: Any, item: Any) -> dict[str, str]:
    """How a reporting item is cited: by number and title, in the standard's own version."""
    return {"label": "Reporting item", "part_id": item.id, "name": f"Item {item.number}, {item.title}", "path": PAGES["reporting-item"](item.id)[0], "container": std.model.short_title, "version": std.version}


def cite_downloads(ctx: SiteContext) -> dict[str, str | bytes]:
    """docs-relative path → text of every page's BibTeX and RIS file."""
    out: dict[str, str | bytes] = {}
    for pub in _citable(ctx):
        for _name, (ext, fn, _mt) in citation.FILES.items():
            out[f"{CITE_DIR}/{pub.part_id}.{ext}"] = fn(pub)
    return out

"""The citation metadata every site page carries: the framework paper as JSON-LD, the framework
as a DefinedTermSet, and the Highwire Press ``citation_*`` tags (Google Scholar, Zotero).

Split out of site/framework_pages.py (which re-exports these names) so that the page builders
and the metadata they carry can be read apart.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from ..load.framework import Framework


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

"""The site's citations as typed data: every citable page's citation in each style and file
format, and the "How to cite" page's entries.

The texts are written by formats/citation.py (one Publication, one formatter per style) in the
site's use case (app/site_prepare.py) and handed to the page generators, which place them; the
page generators format nothing themselves.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    # Validators built on first validation, not at import (a site build imports these and
    # makes them without validating; context/base.py _Trusted says why it pays).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class StyledText(_Model):
    name: str = Field(description="The style's name: APA, AMA or Vancouver.")
    text: str = Field(description="The citation in that style (Markdown emphasis for titles).")


class CiteFile(_Model):
    name: str = Field(description="The format's name: BibTeX or RIS.")
    ext: str = Field(description="The file's extension (bib, ris).")
    text: str = Field(description="The file's text.")


class PageCitation(_Model):
    """How one page (an element or a reporting item) is cited, at its versioned address."""

    version: str = Field(description="The version the citation names (the framework's or the standard's).")
    styles: tuple[StyledText, ...] = Field(description="The citation in each style, in display order.")
    files: tuple[CiteFile, ...] = Field(description="The citation as reference-manager files.")


class CiteEntry(_Model):
    """One work on the "How to cite" page (the framework paper, the toolkit)."""

    title: str = Field(description="What the entry cites, as a heading.")
    styles: tuple[StyledText, ...] = Field(description="The citation in each style.")
    apa: str = Field(description="The APA citation (shown first).")
    bibtex: str = Field(description="The BibTeX entry.")
    ris: str = Field(description="The RIS record.")
    doi_note: str = Field(description="A sentence about the DOI's letter O, or empty.")


class SiteCitations(_Model):
    pages: dict[str, PageCitation] = Field(description="Each citable page's citation, by the element's or item's ID.")
    paper_ama: str = Field(
        description="The framework paper in AMA style (the style of Pediatrics), for every Cite box."
    )
    paper_doi_note: str = Field(description="The DOI sentence for the paper, or empty.")
    cite_page: tuple[CiteEntry, ...] = Field(description="The How-to-cite page's entries, in order.")

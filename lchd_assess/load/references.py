"""The framework's bibliography as models: the paper itself (``Publication``) and the reference
list (``Reference``), as framework.yaml and references.yaml hold them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import DATE, Id, Ref, Strict, Text


class Author(Strict):
    family: Text
    given: Text
    degrees: str | None = None
    orcid: str | None = None


class Reference(Strict):
    id: str = Id("reference")
    number: int | None = Field(default=None, ge=1, description="Reference number in the framework paper, if it is one.")
    citation: Text = Field(description="Full citation, Vancouver style as in the paper.")
    doi: str | None = Field(default=None, pattern=r"^10\.\d{4,9}/\S+$")
    pmcid: str | None = Field(default=None, pattern=r"^PMC\d+$")
    url: str | None = Field(default=None, pattern=r"^https://\S+$")
    role: Literal["framework-paper", "cited-in-paper", "companion-source", "standard", "other"] = "cited-in-paper"
    note: str | None = Field(
        default=None,
        description="Where this citation departs from the paper's printed reference list, and why (for example a corrected volume).",
    )


class Publication(Strict):
    title: Text
    authors: list[Author] = Field(min_length=1)
    journal: Text
    journal_abbreviation: Text
    year: int
    date: str = Field(pattern=DATE)
    volume: Text
    issue: Text
    article_number: Text
    doi: str = Field(pattern=r"^10\.\d{4,9}/\S+$")
    pmcid: str = Field(pattern=r"^PMC\d+$")
    url: str = Field(pattern=r"^https://\S+$")
    reference: str = Ref("reference", description="The same paper in the reference list.")

"""Crosswalks from published reporting guidelines (SQUIRE 2.0, StaRI …) to the reporting
standard's items: kind ``guideline-crosswalk`` (``framework/crosswalks/*.yaml``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .documents import Kind
from .models import FileBase, Id, Ref, Strict, Text


class GuidelineMapping(Strict):
    item: str = Ref("reporting-item", description="The standard's item that covers (part of) this element.")
    relationship: Literal["equivalent", "broader", "narrower", "overlaps"] = Field(
        description="Read from the guideline element to our item: 'broader' means the guideline element covers more than our item."
    )
    note: str | None = None


class GuidelineElement(Strict):
    number: str = Field(
        pattern=r"^[1-9][0-9]*[a-z]?$", description="The element's number in the guideline's own article (e.g. '13f')."
    )
    item_name: Text = Field(description="Name of the guideline item the element belongs to.")
    section: Text = Field(description="The guideline's section.")
    summary: Text = Field(description="What the element asks for, paraphrased (guideline text is not reproduced).")
    mappings: list[GuidelineMapping] = Field(default_factory=list)
    not_applicable: str | None = Field(
        default=None, description="Why the element has no counterpart in the standard (only when mappings is empty)."
    )

    @model_validator(mode="after")
    def _mapped_or_explained(self) -> "GuidelineElement":
        if bool(self.mappings) == bool(self.not_applicable):
            raise ValueError(f"element {self.number}: give mappings or a not_applicable reason (exactly one of them)")
        return self


class GuidelineCrosswalkFile(FileBase):
    """A crosswalk from a published reporting guideline (SQUIRE 2.0, StaRI …) to the standard's items."""

    kind: Literal["guideline-crosswalk"]
    id: str = Id("guideline-crosswalk")
    guideline: Text = Field(description="Short name of the guideline, e.g. 'SQUIRE 2.0'.")
    title: Text
    description: Text
    citation: Text = Field(description="The guideline's article (Vancouver style).")
    doi: str = Field(pattern=r"^10\.\d{4,9}/\S+$")
    reference: str | None = Ref(
        "reference", default=None, description="The same article in the framework's references, when it is there."
    )
    url: str = Field(pattern=r"^https://\S+$", description="Where to read the guideline itself.")
    licence_note: Text = Field(description="The guideline's licence and how this file respects it.")
    numbering: Text = Field(description="Which numbering the element numbers follow, and why.")
    coverage: Literal["complete", "selected"] = Field(
        description="'complete': every element of the guideline is listed; 'selected': only those useful here."
    )
    profile: list[str] = Ref(
        "reporting-item",
        default_factory=list,
        description="The guideline profile: extended items that, with all core items, address every listed element (each by an equivalent or narrower item, or by overlapping items together). Empty when no profile is claimed.",
    )
    elements: list[GuidelineElement] = Field(min_length=1)


GUIDELINE_CROSSWALK = Kind(
    "guideline-crosswalk",
    GuidelineCrosswalkFile,
    "A crosswalk from a published reporting guideline to the reporting standard's items.",
    "reporting-standard",
)

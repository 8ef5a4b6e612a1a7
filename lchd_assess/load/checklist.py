"""The reporting checklist file an author fills: its model and kind, and how its answers read.

Checking a checklist against the standard is :mod:`lchd_assess.check.checklist`; the YAML
writer is :mod:`lchd_assess.formats.checklist`; the rendered checklist's context is
:mod:`lchd_assess.context.checklist`; the use cases (render, write-up template) are
:mod:`lchd_assess.app.checklist`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from .documents import Kind
from .models import SEMVER, FileBase, Strict

if TYPE_CHECKING:
    from .standard import Standard

#: "N/A" or "not applicable" at the start of a why-not answer; the rest is the reason.  Used by
#: the checker (check/checklist.py) and, as pattern text, by the offline checklist page.
NA_PATTERN = re.compile(r"^\s*(n\s*/\s*a|not\s+applicable)\b[\s:.,;\-–—]*", re.IGNORECASE)
#: Answers that say nothing about where or why (compared lowercased, trailing dots removed).
PLACEHOLDERS = frozenset(
    {
        "yes",
        "y",
        "x",
        "ok",
        "done",
        "true",
        "✓",
        "✔",
        "?",
        "??",
        "tbd",
        "todo",
        "to do",
        "xxx",
        "-",
        "–",
        "—",
        "...",
        "…",
        "reported",
        "see text",
    }
)

#: "not done:" at the start of a why-not answer (dropped when the checklist is rendered).
NOT_DONE_PREFIX = re.compile(r"^\s*not\s+done\b[\s:.,;\-–—]*", re.IGNORECASE)


# How an answer reads: the checker (check/), the rendered checklist's context (context/) and the
# YAML writer (formats/) all read answers the same way, so the rules live beside the model.
def text_of(value: Any) -> str:
    return "" if value is None else str(value).strip()


def is_not_applicable(not_done: str) -> bool:
    return bool(NA_PATTERN.match(not_done))


def na_reason(not_done: str) -> str:
    return NA_PATTERN.sub("", not_done, count=1).strip()


def required_ids(std: Standard, scope: str) -> set[str]:
    """Items a checklist of this scope must answer: all active items, or the core ones."""
    return {i.id for i in std.items() if scope == "full" or i.tier == "core"}


# -- The checklist file -----------------------------------------------------------------------


class ChecklistEntry(Strict):
    reported_at: str | int = Field(
        default="",
        description="Where the item is addressed, e.g. 'Methods, para 3; Table 2' or a page number. Leave empty if it is not reported.",
    )
    not_done: str = Field(
        default="",
        description="Why the item is not reported. For an item that allows it, start with 'N/A:' and say why it does not apply.",
    )


class ReportInfo(Strict):
    title: str = Field(default="", description="Title of the report or manuscript the checklist belongs to.")
    partnership: str = Field(default="", description="Name of the partnership.")
    manuscript_version: str = Field(default="", description="Manuscript version or date the locations refer to.")


class ChecklistFile(FileBase):
    """A reporting checklist for one partnership report: where each item of the standard is reported."""

    kind: Literal["checklist"]
    standard: str = Field(description="ID of the reporting standard, e.g. 'lchd-csp-reporting'.")
    standard_version: str = Field(pattern=SEMVER, description="Version of the standard the checklist was written for.")
    scope: Literal["full", "core"] = Field(
        default="full",
        description="'full': every item must be answered; 'core': only the core items (extended items may still be added and are then checked).",
    )
    report: ReportInfo = Field(default_factory=ReportInfo)
    items: dict[str, ChecklistEntry | None] = Field(description="Item ID → where it is reported, or why not.")


#: The checklist's kind (listed in :data:`lchd_assess.load.kinds.KINDS`).
CHECKLIST = Kind(
    "checklist",
    ChecklistFile,
    "A reporting checklist for one partnership report: where each item of the standard is reported, or why not.",
    "checklist",
)

"""Contexts of the templates whose data is one model made elsewhere: the checklist (its
:class:`~lchd_assess.context.checklist.ChecklistContext` as ``c``), the questionnaire (its
:class:`~lchd_assess.context.questionnaire.QuestionnaireContext` as ``q``), the checklist's
write-up template and its fill-in page.

The templates keep their short names (``c.rows``, ``q.sections``); what reaches them is still
one model with documented fields, rendered through render/templating.render like every other.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field

from .base import _Trusted
from .checklist import ChecklistContext
from .questionnaire import QuestionnaireContext


class ChecklistPage(_Trusted):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("checklist/checklist.html", "checklist/checklist.md")
    c: ChecklistContext = Field(description="The checklist's rows, counts and findings (context/checklist.py).")


class ChecklistWriteup(_Trusted):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("checklist/writeup-template.md",)
    s: Any = Field(description="The reporting standard (load.standard.StandardFile): sections, items, prompts.")
    prefill: dict[str, str] = Field(
        description="Markdown to put under an item, by item ID (context/checklist_writeup.py)."
    )


class ChecklistForm(_Trusted):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("checklist/form.html",)
    data: str = Field(
        description="The standard and the checker's rules as JSON, safe inside <script> (site/checklist_form.form_data)."
    )
    title: str = Field(description="The standard's short title.")
    version: str = Field(description="The standard's version.")


class QuestionnairePage(_Trusted):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("questionnaire/questionnaire.html.j2",)
    q: QuestionnaireContext = Field(description="The questions, answers and page texts (context/questionnaire.py).")
    script: str = Field(description="The page's script (assets/questionnaire.js), inlined.")


class QuestionnairePaper(_Trusted):
    TEMPLATES: ClassVar[tuple[str, ...]] = ("questionnaire/paper.html.j2",)
    q: QuestionnaireContext = Field(description="The questions, answers and page texts (context/questionnaire.py).")

"""The questionnaire rendered: the self-contained browser page (HTML) and the paper form (PDF).

Both come from one :class:`~lchd_assess.context.questionnaire.QuestionnaireContext`, so the
page and the paper ask the same questions in the same words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..context.questionnaire import questionnaire_context
from ..context.file_contexts import QuestionnairePage, QuestionnairePaper
from .templating import environment, render
from .pdf import read_asset, render_pdf

if TYPE_CHECKING:  # annotations only: render/ takes loaded models, it never loads them
    from ..load.instrument import InstrumentFile
    from ..load.partnership import PartnershipFile


def render_html(
    inst: InstrumentFile,
    partnership: PartnershipFile | None = None,
    wave: str | None = None,
    lang: str = "en",
    status_note: str | None = None,
) -> str:
    """One HTML file with its CSS and script inline: it fetches nothing and works from disk."""
    q = questionnaire_context(inst, partnership, wave, lang, status_note)
    page = QuestionnairePage.trusted(q=q, script=read_asset("questionnaire.js"))
    return render(environment(), "questionnaire/questionnaire.html.j2", page)


def paper_html(
    inst: InstrumentFile,
    partnership: PartnershipFile | None = None,
    wave: str | None = None,
    lang: str = "en",
    status_note: str | None = None,
) -> str:
    q = questionnaire_context(inst, partnership, wave, lang, status_note)
    return render(environment(), "questionnaire/paper.html.j2", QuestionnairePaper.trusted(q=q))


def render_paper(
    inst: InstrumentFile,
    partnership: PartnershipFile | None = None,
    wave: str | None = None,
    lang: str = "en",
    status_note: str | None = None,
) -> bytes:
    """The paper questionnaire as a tagged PDF, through the toolkit's one PDF wrapper."""
    return render_pdf(paper_html(inst, partnership, wave, lang, status_note))

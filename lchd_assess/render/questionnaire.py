"""The questionnaire rendered: the self-contained browser page (HTML) and the paper form (PDF).

Both come from one :class:`~lchd_assess.context.questionnaire.QuestionnaireContext`, so the
page and the paper ask the same questions in the same words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..context.questionnaire import questionnaire_context
from .templating import environment
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
    return (
        environment()
        .get_template("questionnaire/questionnaire.html.j2")
        .render(q=q, script=read_asset("questionnaire.js"))
    )


def paper_html(
    inst: InstrumentFile,
    partnership: PartnershipFile | None = None,
    wave: str | None = None,
    lang: str = "en",
    status_note: str | None = None,
) -> str:
    q = questionnaire_context(inst, partnership, wave, lang, status_note)
    return environment().get_template("questionnaire/paper.html.j2").render(q=q)


def render_paper(
    inst: InstrumentFile,
    partnership: PartnershipFile | None = None,
    wave: str | None = None,
    lang: str = "en",
    status_note: str | None = None,
) -> bytes:
    """The paper questionnaire as a tagged PDF, through the toolkit's one PDF wrapper."""
    return render_pdf(paper_html(inst, partnership, wave, lang, status_note))

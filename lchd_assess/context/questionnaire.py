"""What the questionnaire shows: one documented context for the browser page and the paper form.

Every word a member reads comes from the instrument (questions, anchors, level labels, sections,
sectors, roles, instructions) or from :data:`UI_TEXT`, the page's own words keyed by language.
A translated instrument (the same model with its text in another language, same IDs) and a
``UI_TEXT`` entry for that language give a translated questionnaire; nothing here is English
by accident.
"""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict, Field

from ..load.instrument import ANSWER_FILE_FORMAT as FORMAT
from ..load.instrument import ANSWER_FILE_VERSION as FORMAT_VERSION
from ..load.instrument import InstrumentFile
from ..load.partnership import PartnershipFile, sector_choices
from .. import __version__

#: The questionnaire's own words (buttons, hints, messages), by language code.
UI_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "skip_to_questions": "Skip to the questions",
        "needs_script": "This questionnaire needs JavaScript to save your answers. Turn it on, or ask your coordinator for the paper form or the workbook.",
        "start_title": "Before you start",
        "privacy": "Nothing you enter leaves this browser until you save your answer file and send it to your coordinator yourself. Your answers are kept on this device so you can stop and come back later; use 'Start over' at the end to remove them.",
        "your_code": "Your respondent code:",
        "code_placeholder": "(shown when the page has loaded)",
        "code_hint": "The code stands in for your name. Note it down if you may want to ask your coordinator to correct or withdraw your answers.",
        "sector_label": "Which sector do you mainly work in or represent?",
        "role_label": "What is your role in the partnership?",
        "choose": "Choose…",
        "sector_missing": "Choose your sector to continue.",
        "role_missing": "Choose your role to continue.",
        "special_note": "Or, if you cannot pick a statement:",
        "comment_label": "Comment (optional; please do not write names)",
        "end_title": "Save your answers",
        "save_intro": "Save your answer file and send it to your coordinator (for example by e-mail). If you cannot save files on this device, show the answers as text, copy them and paste them into an e-mail.",
        "save_file": "Save answer file",
        "show_text": "Show answers as text",
        "text_label": "Your answers as text (copy all of it)",
        "copy_button": "Copy text",
        "after_title": "When you have sent your answers",
        "after_text": "Your answers stay in this browser until you start over. On a shared computer, start over once you have saved or copied them.",
        "start_over": "Start over",
        "start_over_confirm": "Remove your answers from this browser and start again with a new code?",
        "previous": "Previous",
        "next": "Next",
        "progress": "Part {n} of {total}",
        "summary": "You answered {answered} of {total} questions with a statement, {dk} with “{dk_label}” and {na} with “{na_label}”; {blank} left blank.",
        "blank_intro": "Left blank (you may save without them):",
        "who_missing": "Choose your sector and role on the first page before saving.",
        "saved": "Saved as {file}. Send this file to your coordinator.",
        "copied": "Copied. Paste it into an e-mail to your coordinator.",
        "copy_by_hand": "Copying is blocked here: select all the text in the box and copy it by hand.",
        "print_note": "Printed from the browser questionnaire. To answer on paper, ask your coordinator for the paper form, which has boxes to tick.",
        "sector_hint_roster": "The sectors of {partnership}'s members.",
        "sector_hint": "Pick the closest one.",
        "version_line": "Version {version}{wave}",
        "wave_part": " · wave {wave}",
        "partnership_part": " · {partnership}",
        "who_knows": "Not sure? Ask {who} before you answer, or answer “Don't know”.",
        "page_of": "Page ",
        "paper_how": "Tick one box for each question: the statement (0 to 4) that fits best, or DK or NA. If you change your mind, fill the wrong box in completely and tick the right one.",
        "paper_who_title": "About you (no names)",
        "paper_code": "Your respondent code: the code your coordinator gave you, or one you make up (letters and digits, never your name or initials). Write one character per box.",
        "paper_code_boxes": "Eight boxes for the respondent code",
        "paper_tick_one": "(tick one)",
        "paper_end": "Thank you. Hand this form to your coordinator, who types the answers into the workbook and collects them with the others.",
    },
    # Spanish page wording (the questions themselves come from assessments/translations/es.yaml,
    # whose status note is shown on the page: not yet field-tested).
    "es": {
        "skip_to_questions": "Ir a las preguntas",
        "needs_script": "Este cuestionario necesita JavaScript para guardar sus respuestas. Actívelo, o pida a su coordinador el formulario en papel o el libro de Excel.",
        "start_title": "Antes de empezar",
        "privacy": "Nada de lo que escriba sale de este navegador hasta que usted guarde su archivo de respuestas y lo envíe a su coordinador. Sus respuestas quedan en este dispositivo para que pueda parar y volver más tarde; use «Empezar de nuevo» al final para borrarlas.",
        "your_code": "Su código de participante:",
        "code_placeholder": "(aparece cuando la página termina de cargar)",
        "code_hint": "El código reemplaza su nombre. Anótelo si quiere pedir a su coordinador que corrija o retire sus respuestas.",
        "sector_label": "¿En qué sector trabaja o a qué sector representa principalmente?",
        "role_label": "¿Cuál es su papel en la alianza?",
        "choose": "Elija…",
        "sector_missing": "Elija su sector para continuar.",
        "role_missing": "Elija su papel para continuar.",
        "special_note": "O, si no puede elegir una frase:",
        "comment_label": "Comentario (opcional; por favor no escriba nombres)",
        "end_title": "Guarde sus respuestas",
        "save_intro": "Guarde su archivo de respuestas y envíelo a su coordinador (por ejemplo, por correo electrónico). Si no puede guardar archivos en este dispositivo, muestre las respuestas como texto, cópielas y péguelas en un correo.",
        "save_file": "Guardar archivo de respuestas",
        "show_text": "Mostrar respuestas como texto",
        "text_label": "Sus respuestas como texto (copie todo)",
        "copy_button": "Copiar texto",
        "after_title": "Cuando haya enviado sus respuestas",
        "after_text": "Sus respuestas quedan en este navegador hasta que empiece de nuevo. En una computadora compartida, empiece de nuevo después de guardarlas o copiarlas.",
        "start_over": "Empezar de nuevo",
        "start_over_confirm": "¿Borrar sus respuestas de este navegador y empezar otra vez con un código nuevo?",
        "previous": "Anterior",
        "next": "Siguiente",
        "progress": "Parte {n} de {total}",
        "summary": "Respondió {answered} de {total} preguntas con una frase, {dk} con «{dk_label}» y {na} con «{na_label}»; {blank} quedaron en blanco.",
        "blank_intro": "En blanco (puede guardar sin responderlas):",
        "who_missing": "Elija su sector y su papel en la primera página antes de guardar.",
        "saved": "Guardado como {file}. Envíe este archivo a su coordinador.",
        "copied": "Copiado. Péguelo en un correo para su coordinador.",
        "copy_by_hand": "Aquí no se puede copiar automáticamente: seleccione todo el texto del recuadro y cópielo a mano.",
        "print_note": "Impreso desde el cuestionario del navegador. Para responder en papel, pida a su coordinador el formulario en papel, que tiene casillas para marcar.",
        "sector_hint_roster": "Los sectores de los miembros de {partnership}.",
        "sector_hint": "Elija el más cercano.",
        "version_line": "Versión {version}{wave}",
        "wave_part": " · ronda {wave}",
        "partnership_part": " · {partnership}",
        "who_knows": "¿No está seguro? Pregunte a {who} antes de responder, o responda «No sé».",
        "page_of": "Página ",
        "paper_how": "Marque una casilla en cada pregunta: la frase (de 0 a 4) que mejor corresponde, o DK o NA. Si cambia de opinión, rellene por completo la casilla equivocada y marque la correcta.",
        "paper_who_title": "Sobre usted (sin nombres)",
        "paper_code": "Su código de participante: el código que le dio su coordinador, o uno que usted invente (letras y números, nunca su nombre ni sus iniciales). Escriba un carácter en cada casilla.",
        "paper_code_boxes": "Ocho casillas para el código de participante",
        "paper_tick_one": "(marque una)",
        "paper_end": "Gracias. Entregue este formulario a su coordinador, que pasará las respuestas al libro de Excel y las reunirá con las demás.",
    },
}


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot end the string or the <style> element."""
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace("\n", " ")
    return f'"{out}"'


class Choice(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)  # validators built when first used
    id: str = Field(description="Code written into the answer file (sector or role code).")
    label: str = Field(description="What the member reads.")


class SpecialAnswer(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)  # validators built when first used
    code: str = Field(description="DK or NA.")
    label: str = Field(description="Don't know / Does not apply, as the instrument words them.")
    meaning: str = Field(description="One line on what the answer means.")


class QItem(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)  # validators built when first used
    id: str = Field(description="Item ID (P1.Q1): the radio group's name and the answer file's key.")
    key: str = Field(description="The ID made safe for HTML ids and CSS (P1-Q1).")
    stem: str = Field(description="The question.")
    anchors: list[str] = Field(description="The statements for levels 0–4.")
    who_knows: str | None = Field(description="The line telling who can answer an insider question, or None.")


class QSection(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)  # validators built when first used
    element: str = Field(description="Element ID (P1 … FS4): one screen per element.")
    title: str = Field(description="Section heading.")
    intro: str = Field(description="The section's introduction for respondents.")
    items: list[QItem]


class QuestionnaireContext(BaseModel):
    """The context of ``questionnaire/questionnaire.html.j2`` and ``questionnaire/paper.html.j2``
    (the page's script, an asset, is given to the page template beside it as ``script``)."""

    model_config = ConfigDict(frozen=True, defer_build=True)  # validators built when first used
    lang: str = Field(description="Language code of the text (html lang).")
    title: str = Field(description="The instrument's title.")
    version_line: str = Field(description="Title, version, wave and partnership in one line.")
    instrument: str = Field(description="Instrument ID.")
    instrument_version: str = Field(description="Instrument version written into every answer.")
    wave: str | None = Field(description="The wave the questionnaire is for, if given.")
    partnership: str | None = Field(description="The partnership's name, if given.")
    instructions: list[str] = Field(description="The instrument's instructions, in paragraphs.")
    level_labels: list[str] = Field(description="Short names of levels 0–4.")
    special: list[SpecialAnswer] = Field(description="Don't know and Does not apply, kept apart from the levels.")
    sectors: list[Choice] = Field(description="Sectors to choose from: the roster's when a partnership is given.")
    sector_hint: str = Field(description="The line under the sector question.")
    roles: list[Choice] = Field(description="Roles to choose from.")
    sections: list[QSection] = Field(description="One per element, in the instrument's order.")
    ui: dict[str, str] = Field(description="The page's own words (UI_TEXT for the language).")
    status_note: str | None = Field(
        description="A translation's status (e.g. not yet field-tested), shown at the top; None in English."
    )
    footer_css: str = Field(description="The paper form's footer (title and version line) as a quoted CSS string.")
    page_of_css: str = Field(description="The word before the page number, as a quoted CSS string.")
    generator: str = Field(description="lchd-assess and its version (a meta tag).")
    storage_key: str = Field(
        description="localStorage key: instrument, version and wave, so two questionnaires never mix."
    )
    data_json: str = Field(description="What the script needs, as JSON safe inside <script>.")


def _sections(inst: InstrumentFile, ui: dict[str, str]) -> list[QSection]:
    """The instrument's sections with their active items, in the instrument's order."""
    sections = []
    for sec in inst.sections:
        items = [
            QItem(
                id=i.id,
                key=i.id.replace(".", "-"),
                stem=i.stem.strip(),
                anchors=[a.strip() for a in i.anchors],
                who_knows=ui["who_knows"].format(who=i.who_knows.strip()) if getattr(i, "who_knows", None) else None,
            )
            for i in inst.active_items()
            if i.element == sec.element
        ]
        sections.append(QSection(element=sec.element, title=sec.title, intro=sec.intro.strip(), items=items))
    return sections


def _page_data(inst: InstrumentFile, wave: str | None, lang: str, storage_key: str, ui: dict[str, str]) -> dict:
    """What the page's script reads (as JSON): the answer file's format, the items, its texts."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "instrument": inst.id,
        "instrument_version": inst.version,
        "wave": wave,
        "lang": lang,
        "storage_key": storage_key,
        "items": inst.item_ids(),
        "file_prefix": f"lchd-answers-{wave + '-' if wave else ''}",
        "ui": {
            k: ui[k]
            for k in (
                "progress",
                "summary",
                "blank_intro",
                "who_missing",
                "saved",
                "copied",
                "copy_by_hand",
                "start_over_confirm",
            )
        },
        # The two answer codes as the instrument words them (a translation renames them too).
        "labels": {a.code: a.label for a in inst.special_answers},
    }


def questionnaire_context(
    inst: InstrumentFile,
    partnership: PartnershipFile | None = None,
    wave: str | None = None,
    lang: str = "en",
    status_note: str | None = None,
) -> QuestionnaireContext:
    """The context for ``inst`` as given: pass a localized instrument (same IDs, texts in
    ``lang``; see :func:`lchd_assess.load.translation.localized_instrument`) for another language."""
    ui = {**UI_TEXT["en"], **UI_TEXT.get(lang, {})}
    sectors = sector_choices(inst, partnership)
    hint = ui["sector_hint"] if partnership is None else ui["sector_hint_roster"].format(partnership=partnership.name)
    sections = _sections(inst, ui)
    wave_part = ui["wave_part"].format(wave=wave) if wave else ""
    if partnership is not None:
        wave_part += ui["partnership_part"].format(partnership=partnership.name)
    version_line = ui["version_line"].format(title=inst.title, version=inst.version, wave=wave_part)
    storage_key = f"lchd-questionnaire:{inst.id}:{inst.version}:{wave or ''}"
    data = _page_data(inst, wave, lang, storage_key, ui)
    # "</" would end the <script> element early; "<\/" means the same to JSON.
    data_json = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return QuestionnaireContext(
        lang=lang,
        title=inst.title,
        version_line=version_line,
        instrument=inst.id,
        instrument_version=inst.version,
        wave=wave,
        partnership=partnership.name if partnership else None,
        instructions=[p.strip() for p in inst.instructions.split("\n\n") if p.strip()],
        level_labels=list(inst.level_labels),
        special=[SpecialAnswer(code=a.code, label=a.label, meaning=a.meaning) for a in inst.special_answers],
        sectors=[Choice(id=s.id, label=s.label) for s in sectors],
        sector_hint=hint,
        roles=[Choice(id=r.id, label=r.label) for r in inst.roles],
        sections=sections,
        ui=ui,
        status_note=status_note,
        footer_css=css_string(f"{inst.title} · {version_line}"),
        page_of_css=css_string(ui["page_of"]),
        generator=f"lchd-assess {__version__}",
        storage_key=storage_key,
        data_json=data_json,
    )

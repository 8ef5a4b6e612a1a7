"""Translations of the self-assessment: one file per language, keyed by the instrument's own IDs.

``assessments/translations/<language>.yaml`` (kind ``instrument-translation``) holds every text a
respondent or coordinator reads: instructions, level labels, DK/NA, sectors, groups, roles,
section headings and each active item's question, levels and "who knows" line, plus the
codebook's own wording (``ui``).  IDs are never translated, so an answer file is the same in
every language and any answer path (template, codebook, browser questionnaire) looks text up by
item ID and language: :meth:`Translation.item` or, for a whole instrument,
:func:`localized_instrument`.

A check makes sure every field is translated and every ID matches the instrument; a file whose
``instrument_version`` is not the instrument's is reported, not silently used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Literal

from pydantic import Field

from ..core.errors import InputError
from ..core.paths import display_path
from ..core.findings import Finding
from .documents import Document, Kind, load_document
from .instrument import InstrumentFile
from .models import SEMVER, ChangelogEntry, FileBase, Strict, Text


#: The codebook's own wording; a translation's ``ui`` must give every key.  Placeholders in
#: braces are filled in by the codebook (``str.format``).
UI_EN: dict[str, str] = {
    "codebook_title": "Codebook: {title}, version {version}",
    "codebook_intro": "This codebook goes with `{csv_name}`. Fill one row per respondent in any spreadsheet and save it as CSV (UTF-8). Keep the header row exactly as it is: its item columns tell the scorer which version of the instrument the answers belong to (version {version}).",
    "who_heading": "Who is answering (no names)",
    "column": "Column",
    "what_to_write": "What to write",
    "respondent_id_help": "A code you make up for each respondent, such as R01, R02 … Never a name, initials or an e-mail address. Each code once per file.",
    "sector_help": "One of the sector codes below.",
    "role_help": "One of the role codes below.",
    "sector_code": "Sector code",
    "sector": "Sector",
    "sector_group": "Sector group",
    "role_code": "Role code",
    "role": "Role",
    "answers_heading": "Answers",
    "answers_intro": "Each item column holds one of these (or nothing, if the respondent skipped it):",
    "write": "Write",
    "meaning": "Meaning",
    "level_row": "{label}: the statement for level {n} under the item fits best",
    "aliases_intro": "Also read as answers (capitals, curly apostrophes and extra spaces do not matter): whole numbers written with decimals (`4.0` or `4,0` is 4), and these spellings:",
    "written": "Written",
    "read_as": "Read as",
    "columns_note": "Columns that are not items (such as a form's Timestamp) are not read; the file may be separated by commas, semicolons or tabs.",
    "comment_note": "A column `<item>_comment` (for example `P1.Q1_comment`) may be added beside any item for a short comment. Do not write names in comments.",
    "items_heading": "Items",
    "column_heading": "Column `{id}`",
    "dk_na_line": "`DK`: don't know · `NA`: not applicable",
    "who_knows_line": "Not sure? Ask {who} before you answer, or answer DK.",
}


class TranslatedItem(Strict):
    stem: Text
    anchors: list[Text] = Field(min_length=5, max_length=5, description="Levels 0 to 4, in that order.")
    who_knows: Text | None = Field(default=None, description="Required exactly when the item has a who_knows line.")


class TranslatedSection(Strict):
    title: Text
    intro: Text


class TranslatedAnswer(Strict):
    label: Text
    meaning: Text


class TranslationFile(FileBase):
    """`assessments/translations/<language>.yaml`: the instrument's texts in one language."""

    kind: Literal["instrument-translation"]
    language: str = Field(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$", description="BCP 47 language tag, e.g. es or es-MX.")
    language_name: Text = Field(description="The language's name in the language itself (Español).")
    instrument: str = Field(description="ID of the instrument translated.")
    instrument_version: str = Field(
        pattern=SEMVER, description="Instrument version translated; must equal the instrument's."
    )
    status: Literal["not-field-tested", "field-tested"] = Field(
        description="Whether respondents who read the language have tried the translation (cognitive interviews or a pilot)."
    )
    status_note: Text = Field(
        description="What the status means, in the language itself; shown on every translated codebook and form."
    )
    title: Text
    instructions: Text
    level_labels: list[Text] = Field(min_length=5, max_length=5)
    special_answers: dict[str, TranslatedAnswer] = Field(description="DK and NA.")
    sector_groups: dict[str, Text]
    sectors: dict[str, Text]
    roles: dict[str, Text]
    sections: dict[str, TranslatedSection] = Field(description="By element ID.")
    items: dict[str, TranslatedItem] = Field(description="By item ID: every active item of the instrument.")
    ui: dict[str, Text] = Field(
        description="The codebook's own wording, by key (see lchd_assess.load.translation.UI_EN)."
    )
    changelog: list[ChangelogEntry] = Field(min_length=1)


#: The translation's kind (listed in :data:`lchd_assess.load.kinds.KINDS`).
TRANSLATION = Kind(
    "instrument-translation",
    TranslationFile,
    "A translation of the readiness self-assessment into one language, keyed by the instrument's IDs.",
    "instrument",
)


class Translation:
    """One language's texts, looked up by ID."""

    def __init__(self, model: TranslationFile) -> None:
        self.model = model

    @property
    def language(self) -> str:
        return self.model.language

    def item(self, item_id: str) -> TranslatedItem:
        return self.model.items[item_id]

    def ui(self) -> dict[str, str]:
        return dict(self.model.ui)


def translation_findings(tr: TranslationFile, inst: InstrumentFile) -> Iterable[Finding]:
    """Every missing or unknown ID, and a version mismatch; paths point into the translation."""
    if tr.instrument != inst.id or tr.instrument_version != inst.version:
        yield Finding(
            "translation-outdated",
            f"this translation is of {tr.instrument} {tr.instrument_version}, but the instrument is {inst.id} {inst.version}",
            path=("instrument_version",),
        )

    def compare(field: str, have: Iterable[str], want: Iterable[str]) -> Iterable[Finding]:
        have, want = set(have), set(want)
        for missing in sorted(want - have):
            yield Finding("translation-missing", f"{field} has no translation for '{missing}'", path=(field,))
        for extra in sorted(have - want):
            yield Finding(
                "translation-unknown-id",
                f"{field} translates '{extra}', which the instrument {inst.version} does not have",
                path=(field, extra),
            )

    yield from compare("special_answers", tr.special_answers, [a.code for a in inst.special_answers])
    yield from compare("sector_groups", tr.sector_groups, [g.id for g in inst.sector_groups])
    yield from compare("sectors", tr.sectors, [s.id for s in inst.sectors])
    yield from compare("roles", tr.roles, [r.id for r in inst.roles])
    yield from compare("sections", tr.sections, [s.element for s in inst.sections])
    yield from compare("items", tr.items, inst.item_ids())
    yield from compare("ui", tr.ui, UI_EN)
    for it in inst.active_items():
        t = tr.items.get(it.id)
        if t is not None and (t.who_knows is None) != (it.who_knows is None):
            what = (
                "has no who_knows line, but the item has one"
                if t.who_knows is None
                else "has a who_knows line, but the item has none"
            )
            yield Finding(
                "translation-missing" if t.who_knows is None else "translation-unknown-id",
                f"item {it.id} {what}",
                path=("items", it.id, "who_knows"),
            )


def check_translations(docs: list[Document], index: object) -> Iterable[Finding]:
    insts = [d.model for d in docs if d.model is not None and d.kind == "instrument"]
    if len(insts) != 1:
        return
    for d in docs:
        if d.model is not None and d.kind == "instrument-translation":
            for f in translation_findings(d.model, insts[0]):  # type: ignore[arg-type]
                yield d.loaded.locate(f)


def translations_dir(assessments: Path) -> Path:
    return assessments / "translations"


def available_languages(assessments: Path) -> list[str]:
    d = translations_dir(assessments)
    return sorted(p.stem for p in d.glob("*.yaml")) if d.is_dir() else []


def load_translation(assessments: Path, language: str, inst: InstrumentFile) -> Translation:
    """The checked translation into ``language``, or one clear InputError."""
    path = translations_dir(assessments) / f"{language}.yaml"
    if not path.is_file():
        have = available_languages(assessments)
        raise InputError(
            f"{display_path(path)}: file-not-found: no translation into '{language}'; available: {', '.join(['en'] + have)}"
        )
    doc = load_document(path, TRANSLATION, display=display_path(path))
    findings = list(doc.findings)
    if not findings:
        findings = [doc.loaded.locate(f) for f in translation_findings(doc.model, inst)]  # type: ignore[arg-type]
    if findings:
        more = (
            f" (and {len(findings) - 1} more; run `lchd-assess validate {display_path(path)}`)"
            if len(findings) > 1
            else ""
        )
        raise InputError(findings[0].format_text() + more)
    return Translation(doc.model)  # type: ignore[arg-type]


def localized_instrument(inst: InstrumentFile, tr: Translation) -> InstrumentFile:
    """The instrument with every respondent-facing text in ``tr``'s language; IDs unchanged."""
    m = tr.model
    items = []
    for it in inst.items:
        t = m.items.get(it.id)
        items.append(
            it.model_copy(update={"stem": t.stem, "anchors": list(t.anchors), "who_knows": t.who_knows})
            if t is not None
            else it
        )
    return inst.model_copy(
        update={
            "title": m.title,
            "instructions": m.instructions,
            "level_labels": list(m.level_labels),
            "special_answers": [
                a.model_copy(
                    update={"label": m.special_answers[a.code].label, "meaning": m.special_answers[a.code].meaning}
                )
                for a in inst.special_answers
            ],
            "sector_groups": [g.model_copy(update={"label": m.sector_groups[g.id]}) for g in inst.sector_groups],
            "sectors": [s.model_copy(update={"label": m.sectors[s.id]}) for s in inst.sectors],
            "roles": [r.model_copy(update={"label": m.roles[r.id]}) for r in inst.roles],
            "sections": [
                s.model_copy(update={"title": m.sections[s.element].title, "intro": m.sections[s.element].intro})
                for s in inst.sections
            ],
            "items": items,
        }
    )

"""Translations of the self-assessment: every text translated, every ID the instrument's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from lchd_assess.core.errors import InputError
from lchd_assess.formats.responses import codebook_markdown, template_csv
from lchd_assess.load.instrument import load_assessment
from lchd_assess.load.translation import (
    UI_EN,
    available_languages,
    load_translation,
    localized_instrument,
    translation_findings,
)

ASSESSMENT = load_assessment()
INST = ASSESSMENT.instrument
LANGUAGES = available_languages(ASSESSMENT.folder)


def test_there_is_a_spanish_translation_marked_not_yet_field_tested():
    assert "es" in LANGUAGES
    es = load_translation(ASSESSMENT.folder, "es", INST)
    assert es.model.status == "not-field-tested" and "no probada en campo" in es.model.status_note


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_field_is_translated_and_every_id_matches_the_instrument(lang):
    tr = load_translation(ASSESSMENT.folder, lang, INST)  # raises on any finding
    m = tr.model
    assert list(translation_findings(m, INST)) == []
    assert set(m.items) == set(INST.item_ids())
    assert set(m.ui) == set(UI_EN)
    for it in INST.active_items():
        t = m.items[it.id]
        # Translated, not copied: no question or level is left in English.
        assert t.stem != it.stem and all(a != b for a, b in zip(t.anchors, it.anchors)), it.id
        assert (t.who_knows is None) == (it.who_knows is None), it.id
    # Placeholders the codebook fills in survive translation.
    for key, text in UI_EN.items():
        for ph in ("{title}", "{version}", "{csv_name}", "{label}", "{n}", "{id}", "{who}"):
            assert (ph in text) == (ph in m.ui[key]), (key, ph)


def _broken(tmp_path: Path, edit) -> Path:
    src = (ASSESSMENT.folder / "translations" / "es.yaml").read_text(encoding="utf-8")
    d = tmp_path / "translations"
    d.mkdir()
    (d / "es.yaml").write_text(edit(src), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (lambda s: s.replace("  FS4.Q9:\n", "  FS4.Q99:\n"), "translation-missing"),
        (lambda s: s.replace("instrument_version: 1.1.0", "instrument_version: 1.0.0"), "translation-outdated"),
        (lambda s: s.replace("  youth: ", "  youngsters: "), "translation-missing"),
    ],
)
def test_a_translation_with_a_missing_unknown_or_outdated_entry_is_one_clear_line(tmp_path, edit, code):
    folder = _broken(tmp_path, edit)
    with pytest.raises(InputError) as e:
        load_translation(folder, "es", INST)
    msg = str(e.value)
    assert code in msg and "es.yaml:" in msg and "\n" not in msg


def test_an_unknown_language_names_the_ones_there_are(tmp_path):
    with pytest.raises(InputError, match="available: en, es"):
        load_translation(ASSESSMENT.folder, "fr", INST)


def test_the_spanish_codebook_has_every_question_in_spanish_and_the_same_columns():
    es = load_translation(ASSESSMENT.folder, "es", INST)
    book = codebook_markdown(INST, "respuestas.csv", es)
    assert "Traducción aún no probada en campo" in book
    for it in INST.active_items():
        assert es.item(it.id).stem in book and it.stem not in book
        assert f"`{it.id}`" in book
    local = localized_instrument(INST, es)
    assert local.item_ids() == INST.item_ids() and [s.id for s in local.sectors] == [s.id for s in INST.sectors]
    # The answer file does not depend on the language: IDs are never translated.
    assert template_csv(local) == template_csv(INST)


def test_the_template_command_writes_a_spanish_codebook_beside_the_same_csv(cli, tmp_path):
    en = cli("template", "--out", str(tmp_path / "en.csv"))
    es = cli("template", "--out", str(tmp_path / "es.csv"), "--lang", "es")
    assert en.returncode == es.returncode == 0 and "Español" in es.stdout
    assert (tmp_path / "en.csv").read_bytes() == (tmp_path / "es.csv").read_bytes()
    assert "Libro de códigos" in (tmp_path / "es.codebook.md").read_text(encoding="utf-8")
    bad = cli("template", "--out", str(tmp_path / "fr.csv"), "--lang", "fr")
    assert bad.returncode == 2 and "available: en, es" in bad.stderr and not (tmp_path / "fr.csv").exists()

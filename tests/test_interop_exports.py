"""The instrument in each platform's format: REDCap's dictionary rules, pyxform's converter,
FHIR R4B models and the toolkit's own invariants; identical bytes on every run."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from lchd_assess.app.interop import export_instrument
from lchd_assess.core.errors import InputError
from lchd_assess.formats import fhir
from lchd_assess.load.instrument import load_assessment

INST = load_assessment().instrument
REDCAP_HEADER = [
    "Variable / Field Name",
    "Form Name",
    "Section Header",
    "Field Type",
    "Field Label",
    "Choices, Calculations, OR Slider Labels",
    "Field Note",
    "Text Validation Type OR Show Slider Number",
    "Text Validation Min",
    "Text Validation Max",
    "Identifier?",
    "Branching Logic (Show field only if...)",
    "Required Field?",
    "Custom Alignment",
    "Question Number (surveys only)",
    "Matrix Group Name",
    "Matrix Ranking?",
    "Field Annotation",
]


def test_the_redcap_dictionary_has_redcaps_18_columns_and_one_radio_field_per_item(tmp_path):
    (path,) = export_instrument("redcap", tmp_path / "dd.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0] == REDCAP_HEADER
    fields = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert fields[0]["Variable / Field Name"] == "record_id"
    # REDCap reads action tags as written: none was turned into text by formula neutralising.
    version = next(f for f in fields if f["Variable / Field Name"] == "instrument_version")
    assert f"@DEFAULT='{INST.version}'" in version["Field Annotation"]
    assert not any(cell.startswith("'") for f in fields for cell in f.values())
    radios = [f for f in fields if f["Field Type"] == "radio"]
    assert [f["Question Number (surveys only)"] for f in radios] == INST.item_ids()
    assert all(f["Question Number (surveys only)"] in f["Field Annotation"] for f in radios)
    for f in fields:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", f["Variable / Field Name"]), f
        assert len(f) == 18
        if f["Field Type"] in ("radio", "dropdown"):
            codes = [part.split(", ", 1)[0] for part in f["Choices, Calculations, OR Slider Labels"].split(" | ")]
            # REDCap codes: letters, digits, underscores; never a bare NA (read as missing by R and pandas).
            assert all(re.fullmatch(r"[A-Za-z0-9_]+", c) for c in codes) and "NA" not in codes
    assert [f["Field Type"] for f in fields if f["Variable / Field Name"] in ("sector", "role")] == [
        "dropdown",
        "dropdown",
    ]
    # A section header on the first field of each element.
    assert [f["Section Header"].split(":")[0] for f in radios if f["Section Header"]] == [
        s.element for s in INST.sections
    ]


def test_pyxform_converts_the_xlsform_without_errors_or_warnings(tmp_path):
    from pyxform.xls2xform import convert

    (path,) = export_instrument("xlsform", tmp_path / "form.xlsx")
    result = convert(xlsform=str(path))
    assert result.warnings == []
    xml = result.xform
    assert f'version="{INST.version}"' in xml
    for item_id in INST.item_ids():
        assert f"<{item_id}/>" in xml
    for sec in INST.sections:
        assert f"<{sec.element}>" in xml


def test_the_fhir_questionnaire_and_codesystems_parse_as_r4_and_keep_the_toolkits_invariants(tmp_path):
    from fhir.resources.R4B.bundle import Bundle
    from fhir.resources.R4B.questionnaire import Questionnaire

    q_path, cs_path = export_instrument("fhir", tmp_path / "q.json")
    q = json.loads(q_path.read_text(encoding="utf-8"))
    Questionnaire.model_validate(q)
    bundle = Bundle.model_validate(json.loads(cs_path.read_text(encoding="utf-8")))
    assert [e.resource.url for e in bundle.entry] == [
        fhir.codesystem_url(INST, w) for w in ("answer", "sector", "role")
    ]
    assert fhir.invariant_problems(q, INST) == []
    assert (q["url"], q["version"]) == (fhir.questionnaire_url(INST), INST.version)


def test_the_invariant_check_catches_a_duplicate_item_and_a_weight_on_dont_know():
    q = fhir.questionnaire(INST)
    group = q["item"][2]["item"]
    group.append(dict(group[1]))
    dk = next(o for o in group[1]["answerOption"] if o["valueCoding"]["code"] == "DK")
    dk["extension"] = [{"url": fhir.ITEM_WEIGHT, "valueDecimal": 9}]
    problems = fhir.invariant_problems(q, INST)
    assert any("appears 2 times" in p for p in problems) and any("has an itemWeight" in p for p in problems)


@pytest.mark.parametrize(
    "fmt,name", [("redcap", "a.csv"), ("xlsform", "a.xlsx"), ("fhir", "a.json"), ("forms-text", "a.txt")]
)
def test_every_export_is_identical_on_rerun_and_never_replaces_a_users_file_without_force(fmt, name, tmp_path):
    first = [p.read_bytes() for p in export_instrument(fmt, tmp_path / "one" / name)]
    second = [p.read_bytes() for p in export_instrument(fmt, tmp_path / "two" / name)]
    assert first == second
    # its own unchanged export is replaced on rerun (core/safe_output.py); a user's file is not
    export_instrument(fmt, tmp_path / "one" / name)
    (tmp_path / "one" / name).write_bytes(b"the user's own file")
    with pytest.raises(InputError, match="--force"):
        export_instrument(fmt, tmp_path / "one" / name)
    assert (tmp_path / "one" / name).read_bytes() == b"the user's own file"
    export_instrument(fmt, tmp_path / "one" / name, force=True)


def test_forms_text_tags_every_question_with_its_item_id():
    from lchd_assess.formats.forms import forms_text

    text = forms_text(INST)
    tags = re.findall(r"^\[((?:P|FS)\d+\.Q\d+)\] ", text, flags=re.M)
    assert tags == INST.item_ids()
    assert text.count("[sector] ") == 1 and text.count("[role] ") == 1


def test_export_instrument_says_the_platforms_own_tool_checked_it(cli, tmp_path):
    r = cli("export", "instrument", "--format", "xlsform", "--out", str(tmp_path / "form.xlsx"))
    assert (
        r.returncode == 0
        and r.stdout.splitlines()[1].startswith("checked: pyxform ")
        and r.stdout.rstrip().endswith("without warnings")
    )
    (tmp_path / "mine.xlsx").write_bytes(b"a workbook someone filled")
    r = cli("export", "instrument", "--format", "xlsform", "--out", str(tmp_path / "mine.xlsx"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "output-exists" in r.stderr and "--force" in r.stderr
    assert (tmp_path / "mine.xlsx").read_bytes() == b"a workbook someone filled"


def test_the_test_suites_fhir_responses_are_valid_r4b_questionnaire_responses(tmp_path):
    """The stand-in form filler the round trip uses writes what FHIR R4 allows."""
    import interop_platforms as tp
    from fhir.resources.R4B.bundle import Bundle

    who = [
        {
            "id": "R1",
            "sector": INST.sectors[0].id,
            "role": INST.roles[0].id,
            "answers": {i: (n % 5 if n % 7 else "DK") for n, i in enumerate(INST.item_ids())},
            "comments": {INST.item_ids()[0]: "a comment"},
        }
    ]
    bundle = Bundle.model_validate(json.loads(tp.fhir_bundle(fhir.questionnaire(INST), who)))
    assert bundle.entry[0].resource.get_resource_type() == "QuestionnaireResponse"


def test_fhir_canonical_urls_live_under_the_frameworks_site_address():
    from lchd_assess.load.framework import load_framework

    assert fhir.CANONICAL_BASE == load_framework().meta.base_url + "fhir/"

"""Bad platform exports: one clear finding each, nothing written, personal data never copied."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import interop_platforms as tp
from lchd_assess.app.interop import export_instrument, import_answers
from lchd_assess.cli.main import run
from lchd_assess.load.instrument import load_assessment
from test_interop_roundtrip import WAVES, people

INST = load_assessment().instrument
#: An example wave answered with the current instrument version.
FOLDER, WAVE = WAVES[0]


@pytest.fixture()
def setup(tmp_path):
    """(partnership folder, exported artefacts, respondents) in a fresh temporary folder."""
    p = tmp_path / "partnership"
    p.mkdir()
    shutil.copy(FOLDER / "partnership.yaml", p)
    ex = {
        fmt: export_instrument(fmt, tmp_path / name)[0]
        for fmt, name in (("redcap", "dd.csv"), ("xlsform", "form.xlsx"), ("fhir", "q.json"), ("forms-text", "f.txt"))
    }
    return p, ex, people(FOLDER, WAVE)[:6]


def codes(out) -> list[str]:
    return sorted({f.code for f in out.findings})


def nothing_written(p: Path) -> bool:
    return not (p / "responses").exists()


def edit_csv(text: str, fn, delimiter: str = ",") -> str:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))
    rows = fn(rows)
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def test_a_redcap_column_mixing_codes_and_labels_is_refused(setup, tmp_path):
    p, ex, who = setup
    raw = tp.redcap_export(ex["redcap"].read_text(encoding="utf-8"), who)
    labelled = tp.redcap_export(ex["redcap"].read_text(encoding="utf-8"), who, labels=True)
    mixed = raw.splitlines(keepends=True)[:3] + labelled.splitlines(keepends=True)[3:]
    f = tmp_path / "mixed.csv"
    f.write_text("".join(mixed), encoding="utf-8")
    out = import_answers("redcap", f, p, WAVE)
    assert codes(out) == ["import-mixed-codes"] and nothing_written(p)
    assert "one setting for the whole file" in out.findings[0].message


def test_a_missing_item_column_is_named(setup, tmp_path):
    p, ex, who = setup
    text = edit_csv(
        tp.redcap_export(ex["redcap"].read_text(encoding="utf-8"), who), lambda rows: [r[:4] + r[5:] for r in rows]
    )
    f = tmp_path / "missing.csv"
    f.write_text(text, encoding="utf-8")
    out = import_answers("redcap", f, p, WAVE)
    assert codes(out) == ["import-missing-item"] and "P1.Q1" in out.findings[0].message and nothing_written(p)


def test_an_item_the_instrument_does_not_have_is_named_with_its_column(setup, tmp_path):
    p, ex, who = setup
    text = edit_csv(
        tp.kobo_export(ex["xlsform"], who),
        lambda rows: [r + (["P1/P1.Q99"] if i == 0 else ["2"]) for i, r in enumerate(rows)],
        ";",
    )
    f = tmp_path / "extra.csv"
    f.write_text(text, encoding="utf-8")
    out = import_answers("kobo", f, p, WAVE)
    assert codes(out) == ["import-extra-item"] and "P1.Q99" in out.findings[0].message
    assert out.findings[0].line == 1 and out.findings[0].column is not None and nothing_written(p)


def test_fhir_responses_to_another_instrument_version_are_refused(setup, tmp_path):
    p, ex, who = setup
    bundle = json.loads(tp.fhir_bundle(json.loads(ex["fhir"].read_text(encoding="utf-8")), who))
    bundle["entry"][1]["resource"]["questionnaire"] = bundle["entry"][1]["resource"]["questionnaire"].replace(
        f"|{INST.version}", "|0.9.0"
    )
    f = tmp_path / "qr.json"
    f.write_text(json.dumps(bundle), encoding="utf-8")
    out = import_answers("fhir", f, p, WAVE)
    assert codes(out) == ["import-instrument-version"] and "0.9.0" in out.findings[0].message
    assert out.findings[0].path == ("entry", 1, "resource", "questionnaire") and nothing_written(p)


def test_an_odk_submission_from_another_form_version_is_refused(setup, tmp_path):
    p, ex, who = setup

    def older(rows):
        j = rows[0].index("instrument_version")
        rows[2][j] = "0.9.0"
        return rows

    f = tmp_path / "odk.csv"
    f.write_text(edit_csv(tp.odk_export(ex["xlsform"], who), older), encoding="utf-8")
    out = import_answers("odk", f, p, WAVE)
    assert codes(out) == ["import-instrument-version"] and out.findings[0].line == 3 and nothing_written(p)


def test_personal_data_columns_are_named_and_their_values_never_written_anywhere(setup, tmp_path, capsys):
    p, ex, who = setup
    f = tmp_path / "google.csv"
    f.write_text(tp.google_csv(ex["forms-text"].read_text(encoding="utf-8"), who), encoding="utf-8")
    code = run(["import", "forms", str(f), "--partnership", str(p), "--wave", WAVE, "--format", "json"])
    shown = capsys.readouterr().out
    assert code == 0
    outcome = json.loads(shown)
    assert [n["code"] for n in outcome["notes"]] == ["import-personal-data"] and "Email Address" in outcome["notes"][0][
        "message"
    ]
    written = (p / "responses" / f"{WAVE}.csv").read_text(encoding="utf-8")
    for n in range(len(who)):
        assert f"member{n}@example.org" not in written and f"member{n}@example.org" not in shown
    assert "@" not in written


def test_qualtrics_recode_numbers_are_refused_rather_than_read_as_levels(setup, tmp_path):
    p, ex, who = setup
    text = tp.qualtrics_csv(ex["forms-text"].read_text(encoding="utf-8"), who)

    def numbers(rows):
        j = next(k for k, t in enumerate(rows[1]) if t.startswith("[P1.Q1]"))
        rows[3][j] = "1"
        return rows

    f = tmp_path / "q.csv"
    f.write_text(edit_csv(text, numbers), encoding="utf-8")
    out = import_answers("forms", f, p, WAVE)
    assert (
        codes(out) == ["import-bad-value"]
        and "Use choice text" in out.findings[0].message
        and out.findings[0].line == 4
    )


def test_a_longitudinal_redcap_export_needs_the_event_named(setup, tmp_path):
    p, ex, who = setup
    dd = ex["redcap"].read_text(encoding="utf-8")
    first = tp.redcap_export(dd, who[:3], event="baseline_arm_1")
    second = tp.redcap_export(dd, who[3:], event="followup_arm_1").lstrip("\ufeff").split("\r\n", 1)[1]
    f = tmp_path / "long.csv"
    f.write_text(first + second, encoding="utf-8")
    out = import_answers("redcap", f, p, WAVE)
    assert codes(out) == ["import-options"] and "baseline_arm_1, followup_arm_1" in out.findings[0].message
    out = import_answers("redcap", f, p, WAVE, event="followup_arm_1")
    assert out.findings == [] and len(out.added) == 3


def test_a_respondent_already_in_the_wave_with_other_answers_is_never_overwritten(setup, tmp_path):
    p, ex, who = setup
    dd = ex["redcap"].read_text(encoding="utf-8")
    f = tmp_path / "one.csv"
    f.write_text(tp.redcap_export(dd, who), encoding="utf-8")
    assert import_answers("redcap", f, p, WAVE).written
    before = (p / "responses" / f"{WAVE}.csv").read_bytes()
    changed = [
        dict(w, answers={**w["answers"], "P1.Q1": "DK" if w["answers"]["P1.Q1"] != "DK" else 0}) for w in who[:1]
    ]
    f.write_text(tp.redcap_export(dd, changed), encoding="utf-8")
    out = import_answers("redcap", f, p, WAVE)
    assert codes(out) == ["responses-duplicate-respondent"] and (p / "responses" / f"{WAVE}.csv").read_bytes() == before


@pytest.mark.parametrize(
    "fmt,content", [("redcap", b"\xff\xfe\x00r\x00e"), ("fhir", b"{not json"), ("kobo", b"PK\x03\x04broken")]
)
def test_an_unreadable_export_gives_one_line_exit_1_and_writes_nothing(fmt, content, setup, cli, tmp_path):
    p, _, _ = setup
    f = tmp_path / "bad.file"
    f.write_bytes(content)
    r = cli("import", fmt, str(f), "--partnership", str(p), "--wave", WAVE)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert (
        lines[0].startswith(f"{f}")
        and "import-unreadable" in lines[0]
        and lines[-1].startswith("1 finding: nothing written")
    )
    assert nothing_written(p)


def test_the_cli_json_outcome_is_the_librarys(setup, tmp_path, capsys):
    p, ex, who = setup
    f = tmp_path / "kobo.csv"
    f.write_text(tp.kobo_export(ex["xlsform"], who), encoding="utf-8")
    assert (
        run(["import", "kobo", str(f), "--partnership", str(p), "--wave", WAVE, "--dry-run", "--format", "json"]) == 0
    )
    assert json.loads(capsys.readouterr().out) == import_answers("kobo", f, p, WAVE, dry_run=True).to_dict()
    assert nothing_written(p)


def test_a_record_id_that_looks_like_an_email_is_refused_without_repeating_it(setup, tmp_path):
    p, ex, who = setup
    named = [dict(who[0], id="jane.doe@example.org")] + who[1:]
    f = tmp_path / "named.csv"
    f.write_text(tp.redcap_export(ex["redcap"].read_text(encoding="utf-8"), named), encoding="utf-8")
    out = import_answers("redcap", f, p, WAVE)
    assert codes(out) == ["responses-identifying-id"] and out.findings[0].line == 2
    assert "jane" not in out.findings[0].message and nothing_written(p)


def test_fhir_subject_and_author_are_noted_and_never_written(setup, tmp_path):
    p, ex, who = setup
    bundle = json.loads(tp.fhir_bundle(json.loads(ex["fhir"].read_text(encoding="utf-8")), who))
    for e in bundle["entry"]:
        e["resource"]["subject"] = {"reference": "Patient/123", "display": "Jane Doe"}
        e["resource"]["author"] = {"display": "Dr Smith"}
    f = tmp_path / "qr.json"
    f.write_text(json.dumps(bundle), encoding="utf-8")
    out = import_answers("fhir", f, p, WAVE)
    assert out.findings == [] and out.written
    assert {n.code for n in out.notes} == {"import-personal-data"} and len(out.notes) == 2 * len(who)
    written = (p / "responses" / f"{WAVE}.csv").read_text(encoding="utf-8")
    assert "Jane" not in written and "Smith" not in written and "Patient" not in written


def test_a_successful_import_says_what_it_added_in_one_line(setup, cli, tmp_path):
    p, ex, who = setup
    f = tmp_path / "kobo.csv"
    f.write_text(tp.kobo_export(ex["xlsform"], who), encoding="utf-8")
    r = cli("import", "kobo", str(f), "--partnership", str(p), "--wave", WAVE)
    assert r.returncode == 0
    assert r.stdout == f"added {len(who)} respondents from KoboToolbox to {p}/responses/{WAVE}.csv\n"
    assert r.stderr.startswith("note: ") and "_submitted_by" in r.stderr
    r = cli("import", "kobo", str(f), "--partnership", str(p), "--wave", WAVE)
    assert (
        r.returncode == 0
        and r.stdout == f"nothing to add to {p}/responses/{WAVE}.csv; {len(who)} already there, unchanged\n"
    )


def test_fhir_responses_are_read_alone_or_as_a_json_array_like_a_bundle(setup, tmp_path):
    p, ex, who = setup
    bundle = json.loads(tp.fhir_bundle(json.loads(ex["fhir"].read_text(encoding="utf-8")), who))
    resources = [e["resource"] for e in bundle["entry"]]
    from lchd_assess.app.interop import read_platform_export

    (tmp_path / "all.json").write_text(json.dumps(bundle), encoding="utf-8")
    (tmp_path / "array.json").write_text(json.dumps(resources), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps(resources[0]), encoding="utf-8")
    rows = {
        name: read_platform_export("fhir", tmp_path / name, INST).rows
        for name in ("all.json", "array.json", "one.json")
    }
    assert (
        rows["array.json"] == rows["all.json"]
        and rows["one.json"] == rows["all.json"][:1]
        and len(rows["all.json"]) == len(who)
    )


def test_a_form_set_up_from_the_spanish_translation_imports_the_same_answers(setup, tmp_path):
    from lchd_assess.load.instrument import load_assessment
    from lchd_assess.load.translation import load_translation, localized_instrument

    p, _, who = setup
    a = load_assessment()
    es = localized_instrument(INST, load_translation(a.folder, "es", INST))
    (text_file,) = export_instrument("forms-text", tmp_path / "es.txt", language="es")
    text = text_file.read_text(encoding="utf-8")
    assert es.sections[0].title in text and INST.sections[0].title not in text
    sectors, roles = {s.id: s.label for s in es.sectors}, {r.id: r.label for r in es.roles}
    spanish = [dict(w, _labels={"sector": sectors[w["sector"]], "role": roles[w["role"]]}) for w in who]
    f = tmp_path / "google.csv"
    f.write_text(tp.google_csv(text, spanish), encoding="utf-8")
    out = import_answers("forms", f, p, WAVE)
    assert out.findings == [] and len(out.added) == len(who)
    from lchd_assess.formats.responses import read_responses

    rows = read_responses(p / "responses" / f"{WAVE}.csv", INST).respondents
    assert sorted((r.sector, r.role, tuple(sorted((k, str(v)) for k, v in r.answers.items()))) for r in rows) == sorted(
        (w["sector"], w["role"], tuple(sorted((k, str(v)) for k, v in w["answers"].items()))) for w in who
    )

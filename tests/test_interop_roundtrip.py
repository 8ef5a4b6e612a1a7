"""Round trip through every survey platform: the example partnerships' answers, put through each
exported form and given back the way the platform exports them (tests/interop_platforms.py,
written from the platforms' documentation), import to the same responses and the same scores."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import interop_platforms as tp
from lchd_assess.app.interop import export_instrument, import_answers
from lchd_assess.formats.responses import read_responses
from lchd_assess.formats.score_output import render
from lchd_assess.load.instrument import load_assessment
from lchd_assess.app.score import example_folders, score_partnership, waves_in

INST = load_assessment().instrument
#: The example waves answered with the current instrument version: the platforms' forms are
#: made from the current version, so only those waves can go round (older waves are scored with
#: the version they were collected with, which no exported form carries).
WAVES = [
    (folder, wave)
    for folder in example_folders()
    for wave in waves_in(folder)
    if read_responses(folder / "responses" / f"{wave}.csv", INST, allow_other_version=True).version == INST.version
]


def test_the_examples_include_waves_of_the_current_instrument_version():
    assert len(WAVES) >= 3


def people(folder: Path, wave: str) -> list[dict]:
    sectors = {s.id: s.label for s in INST.sectors}
    roles = {r.id: r.label for r in INST.roles}
    res = read_responses(folder / "responses" / f"{wave}.csv", INST)
    assert not res.findings
    return [
        {
            "id": r.id,
            "sector": r.sector,
            "role": r.role,
            "answers": dict(r.answers),
            "comments": dict(r.comments),
            "_labels": {"sector": sectors[r.sector], "role": roles[r.role]},
        }
        for r in res.respondents
    ]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("exports")
    out = {}
    for fmt, name in (
        ("redcap", "dictionary.csv"),
        ("xlsform", "form.xlsx"),
        ("fhir", "questionnaire.json"),
        ("forms-text", "forms.txt"),
    ):
        out[fmt] = export_instrument(fmt, d / name)[0]
    return out


def platform_file(kind: str, exported: dict[str, Path], who: list[dict], d: Path) -> tuple[str, Path]:
    """(import format, file) for one platform's export of ``who``."""
    text = lambda p: p.read_text(encoding="utf-8")  # noqa: E731
    if kind == "redcap-raw":
        return "redcap", _write(d / "redcap.csv", tp.redcap_export(text(exported["redcap"]), who))
    if kind == "redcap-labels":
        return "redcap", _write(
            d / "redcap-labels.csv", tp.redcap_export(text(exported["redcap"]), who, labels=True, label_headers=True)
        )
    if kind == "redcap-event":
        return "redcap", _write(
            d / "redcap-event.csv", tp.redcap_export(text(exported["redcap"]), who, event="baseline_arm_1")
        )
    if kind == "kobo-xml":
        return "kobo", _write(d / "kobo.csv", tp.kobo_export(exported["xlsform"], who))
    if kind == "kobo-labels":
        return "kobo", _write(d / "kobo-labels.csv", tp.kobo_export(exported["xlsform"], who, labels=True))
    if kind == "kobo-xlsx":
        import csv
        import io

        import openpyxl

        wb = openpyxl.Workbook()
        for row in csv.reader(io.StringIO(tp.kobo_export(exported["xlsform"], who)), delimiter=";"):
            wb.active.append(row)
        wb.save(d / "kobo.xlsx")
        return "kobo", d / "kobo.xlsx"
    if kind == "odk":
        return "odk", _zip(d / "odk.zip", "lchd_readiness.csv", tp.odk_export(exported["xlsform"], who))
    if kind == "fhir":
        return "fhir", _write(d / "responses.json", tp.fhir_bundle(json.loads(text(exported["fhir"])), who))
    if kind == "google":
        return "forms", _zip(
            d / "google.zip", "LCHD readiness (Responses).csv", tp.google_csv(text(exported["forms-text"]), who)
        )
    if kind == "microsoft":
        import openpyxl

        wb = openpyxl.Workbook()
        for row in tp.microsoft_rows(text(exported["forms-text"]), who):
            wb.active.append(row)
        wb.save(d / "microsoft.xlsx")
        return "forms", d / "microsoft.xlsx"
    if kind == "qualtrics":
        return "forms", _write(d / "qualtrics.csv", tp.qualtrics_csv(text(exported["forms-text"]), who, preview=True))
    raise AssertionError(kind)


def _zip(path: Path, name: str, text: str) -> Path:
    """The CSV zipped, as ODK Central and Google Forms hand it over."""
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        z.writestr(name, text)
    return path


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


KINDS = [
    "redcap-raw",
    "redcap-labels",
    "redcap-event",
    "kobo-xml",
    "kobo-labels",
    "kobo-xlsx",
    "odk",
    "fhir",
    "google",
    "microsoft",
    "qualtrics",
]
#: Platforms whose forms carry the optional comment questions (forms text does not: 50 optional
#: paragraph questions would double a Google form's length).
WITH_COMMENTS = {"redcap-raw", "redcap-labels", "redcap-event", "kobo-xml", "kobo-labels", "kobo-xlsx", "odk", "fhir"}


def answers_of(res) -> list[tuple]:
    return sorted((r.sector, r.role, tuple(sorted((k, str(v)) for k, v in r.answers.items()))) for r in res.respondents)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("folder,wave", WAVES, ids=[f"{f.name}:{w}" for f, w in WAVES])
def test_every_platform_export_of_the_examples_imports_to_the_same_answers_and_scores(
    kind, folder, wave, exported, tmp_path
):
    who = people(folder, wave)
    fmt, file = platform_file(kind, exported, who, tmp_path)
    mine = tmp_path / "imported" / folder.name
    mine.mkdir(parents=True)
    shutil.copy(folder / "partnership.yaml", mine)
    out = import_answers(fmt, file, mine, wave, event="baseline_arm_1" if kind == "redcap-event" else None)
    assert out.findings == [] and out.written
    original = read_responses(folder / "responses" / f"{wave}.csv", INST)
    got = read_responses(mine / "responses" / f"{wave}.csv", INST)
    assert answers_of(got) == answers_of(original)
    if kind in WITH_COMMENTS:
        assert sorted(c for r in got.respondents for c in r.comments.values()) == sorted(
            c for r in original.respondents for c in r.comments.values()
        )
    # The same scores: the original wave alone in a copy of the folder, scored the same way.
    # Platforms other than REDCap and FHIR give respondents their own codes (Kobo's _uuid,
    # Qualtrics' ResponseId, row numbers); the interval's bootstrap takes respondents in code
    # order, so the original answers get the platform's codes before they are scored.
    theirs = tmp_path / "original" / folder.name
    (theirs / "responses").mkdir(parents=True)
    shutil.copy(folder / "partnership.yaml", theirs)
    (theirs / "responses" / f"{wave}.csv").write_text(
        recoded(folder / "responses" / f"{wave}.csv", original, got), encoding="utf-8"
    )
    assert render(score_partnership(mine, wave=wave), "json") == render(score_partnership(theirs, wave=wave), "json")


def recoded(path: Path, original, got) -> str:
    """The original file with each respondent's code replaced by the code the import gave the
    same answers (identical answers are interchangeable, so any pairing of them will do)."""
    import csv
    import io

    def key(r):
        return (r.sector, r.role, tuple(sorted((k, str(v)) for k, v in r.answers.items())))

    pool: dict[tuple, list[str]] = {}
    for r in got.respondents:
        pool.setdefault(key(r), []).append(r.id)
    new_id = {r.id: pool[key(r)].pop() for r in original.respondents}
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rows = [rows[0]] + [[new_id.get(r[0], r[0])] + r[1:] if r else r for r in rows[1:]]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def test_importing_the_same_export_twice_adds_nothing_the_second_time(exported, tmp_path):
    folder, wave = WAVES[0]
    who = people(folder, wave)
    fmt, file = platform_file("redcap-raw", exported, who, tmp_path)
    shutil.copy(folder / "partnership.yaml", tmp_path)
    first = import_answers(fmt, file, tmp_path, wave)
    before = (tmp_path / "responses" / f"{wave}.csv").read_bytes()
    second = import_answers(fmt, file, tmp_path, wave)
    assert len(first.added) == len(who) and second.added == [] and len(second.unchanged) == len(who)
    assert (tmp_path / "responses" / f"{wave}.csv").read_bytes() == before

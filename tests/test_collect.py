"""Collecting answers into a wave: answer files, workbooks and CSVs merged into responses/<wave>.csv."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lchd_assess.app.collect import collect
from lchd_assess.core.errors import InputError
from lchd_assess.load.instrument import load_assessment

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "assessments" / "examples" / "riverbend-neighbourhood-collaborative"
INST = load_assessment().instrument
IDS = INST.item_ids()
WAVE = "2026-spring"


def answer_doc(code: str, sector: str = "education", role: str = "staff", value=lambda n: n % 5, **changes) -> dict:
    doc = {
        "format": "lchd-answers",
        "format_version": 1,
        "instrument": INST.id,
        "instrument_version": INST.version,
        "wave": WAVE,
        "language": "en",
        "respondent_id": code,
        "sector": sector,
        "role": role,
        "answers": {i: value(n) for n, i in enumerate(IDS)},
        "comments": {},
    }
    doc.update(changes)
    return doc


def write(path: Path, doc) -> Path:
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "riverbend"
    shutil.copytree(EXAMPLE, d)
    return d


def test_answer_files_are_appended_and_existing_rows_stay_byte_for_byte(folder, tmp_path):
    target = folder / "responses" / f"{WAVE}.csv"
    before = target.read_bytes()
    files = [
        write(tmp_path / f"a{n}.json", answer_doc(f"ABCD-EF2{n}", comments={"P1.Q1": "A comment"} if n == 0 else {}))
        for n in range(3)
    ]
    result = collect(folder, files, WAVE)
    assert (result.before, result.added, result.refused) == (19, 3, [])
    after = target.read_bytes()
    # Only the header line grows (a P1.Q1_comment column); every existing row is untouched.
    assert after[after.index(b"\n") + 1 :].startswith(before[before.index(b"\n") + 1 :])
    assert after.splitlines()[0].endswith(b",P1.Q1_comment")
    assert after.count(b"ABCD-EF2") == 3


def test_collecting_the_same_files_again_adds_nothing_and_says_so(folder, tmp_path):
    f = write(tmp_path / "a.json", answer_doc("ABCD-EF22"))
    collect(folder, [f], WAVE)
    text = (folder / "responses" / f"{WAVE}.csv").read_bytes()
    again = collect(folder, [f], WAVE)
    assert again.added == 0 and again.sources[0].already == ["ABCD-EF22"] and not again.refused
    assert (folder / "responses" / f"{WAVE}.csv").read_bytes() == text


def test_a_code_already_in_the_wave_with_other_answers_is_refused_saying_where(folder, tmp_path):
    good = write(tmp_path / "good.json", answer_doc("ABCD-EF22"))
    clash = write(tmp_path / "clash.json", answer_doc("R04", value=lambda n: 4))
    result = collect(folder, [clash, good], WAVE)
    assert result.added == 1
    (refused,) = result.refused
    (f,) = refused.findings
    assert f.code == "responses-duplicate-respondent"
    assert "R04" in f.message and f"responses/{WAVE}.csv row" in f.message


def test_dry_run_reports_what_would_be_added_and_writes_nothing(folder, tmp_path):
    target = folder / "responses" / f"{WAVE}.csv"
    before = target.read_bytes()
    result = collect(folder, [write(tmp_path / "a.json", answer_doc("ABCD-EF22"))], WAVE, dry_run=True)
    assert result.added == 1 and not result.written
    assert target.read_bytes() == before


def test_a_new_wave_must_be_declared_or_named_after_its_date(folder, tmp_path):
    f = write(tmp_path / "a.json", answer_doc("ABCD-EF22", wave=None))
    with pytest.raises(InputError) as exc:
        collect(folder, [f], "autumn")
    assert "wave-undeclared" in str(exc.value) and "closed:" in str(exc.value)
    result = collect(folder, [f], "2026-10-31-autumn")
    assert result.added == 1 and (folder / "responses" / "2026-10-31-autumn.csv").is_file()


BAD_FILES = {
    "unknown-item.json": (answer_doc("ABCD-EF31", answers={"P9.Q1": 3, "P1.Q1": 2}), "answers-unknown-item", "P9.Q1"),
    "out-of-range.json": (answer_doc("ABCD-EF32", answers={"P1.Q1": 7}), "responses-bad-value", "P1.Q1"),
    "other-version.json": (
        answer_doc("ABCD-EF33", instrument_version="0.9.0"),
        "responses-instrument-version",
        "0.9.0",
    ),
    "not-json.json": ('{"format": "lchd-answers", oops', "answers-not-json", "JSON"),
    "huge.json": ("{" + " " * (10 * 1024 * 1024) + "}", "file-too-large", "bytes"),
    "other-wave.json": (answer_doc("ABCD-EF34", wave="2025-baseline"), "answers-other-wave", "--wave 2025-baseline"),
    "name-as-code.json": (answer_doc("Maria Lopez"), "responses-identifying-id", "name"),
}


def test_each_bad_answer_file_gets_one_clear_line_and_the_good_ones_are_still_merged(folder, tmp_path, cli):
    paths = [write(tmp_path / name, doc) for name, (doc, _, _) in BAD_FILES.items()]
    good = write(tmp_path / "good.json", answer_doc("ABCD-EF22"))
    result = cli("collect", str(folder), *map(str, paths), str(good), "--wave", WAVE)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    for name, (_, code, word) in BAD_FILES.items():
        mine = [line for line in lines if line.startswith(str(tmp_path / name) + ":")]
        assert len(mine) == 1, (name, lines)
        assert f": {code}: " in mine[0] and word in mine[0], mine[0]
    assert "Maria" not in result.stderr, "a name typed as a code is never repeated"
    assert "Traceback" not in result.stderr
    assert "added 1 respondent " in result.stdout
    assert lines[-1].startswith(f"{len(BAD_FILES)} of {len(BAD_FILES) + 1} files refused")


def test_two_files_with_the_same_code_the_second_is_refused(folder, tmp_path, cli):
    a = write(tmp_path / "a.json", answer_doc("ABCD-EF22"))
    b = write(tmp_path / "b.json", answer_doc("ABCD-EF22", sector="housing"))
    result = cli("collect", str(folder), str(a), str(b), "--wave", WAVE)
    assert result.returncode == 1
    assert f"{b}: responses-duplicate-respondent: " in result.stderr and str(a) in result.stderr
    assert "added 1 respondent " in result.stdout


def test_json_output_lists_every_source_and_finding(folder, tmp_path, cli):
    bad = write(tmp_path / "bad.json", answer_doc("ABCD-EF32", answers={"P1.Q1": 7, "P1.Q2": -1}))
    result = cli("collect", str(folder), str(bad), "--wave", WAVE, "--format", "json", "--dry-run")
    data = json.loads(result.stdout)
    assert result.returncode == 1
    assert [f["code"] for f in data["sources"][0]["findings"]] == ["responses-bad-value", "responses-bad-value"]
    assert data["respondents_added"] == 0 and data["written"] is False


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from lchd_assess.core.findings import CATALOGUE  # noqa: E402
from lchd_assess.formats.answer_file import check_answer_document  # noqa: E402
from lchd_assess.formats.responses import Responses  # noqa: E402

_json = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10) | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
_tampered = st.fixed_dictionaries(
    {
        k: (st.just(v) if k in ("format", "format_version", "instrument", "instrument_version") else _json)
        for k, v in answer_doc("ABCD-EF22").items()
    }
) | st.builds(
    lambda answers, extra: {**answer_doc("ABCD-EF22"), "answers": answers, **extra},
    st.dictionaries(st.sampled_from([*IDS[:5], "P9.Q1", "", "p1.q1"]), _json, max_size=6),
    st.dictionaries(
        st.sampled_from(["sector", "role", "respondent_id", "wave", "comments", "extra"]), _json, max_size=3
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_tampered)
def test_a_tampered_answer_file_yields_a_respondent_or_documented_findings_never_a_crash(doc):
    res = Responses(file="a.json", wave="")
    check_answer_document(doc, INST, res)
    assert all(f.code in CATALOGUE for f in res.findings + res.notes)
    assert not (res.findings and res.respondents), "a file with a problem adds nobody"
    for r in res.respondents:
        assert set(r.answers) == set(IDS) and all(
            v is None or v in (0, 1, 2, 3, 4, "DK", "NA") for v in r.answers.values()
        )


def test_rows_added_to_a_semicolon_file_keep_its_semicolons(folder, tmp_path):
    target = folder / "responses" / f"{WAVE}.csv"
    import csv
    import io

    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(rows)
    target.write_text(buf.getvalue(), encoding="utf-8")
    result = collect(
        folder, [write(tmp_path / "a.json", answer_doc("ABCD-EF22", comments={"P1.Q1": "Yes; and more"}))], WAVE
    )
    assert result.added == 1
    last = target.read_text(encoding="utf-8").splitlines()[-1]
    assert last.startswith("ABCD-EF22;education;staff;0;1;2") and last.endswith(';"Yes; and more"')


def test_a_folder_of_saved_attachments_is_collected_file_by_file(folder, tmp_path, cli):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(7):
        write(inbox / f"lchd-answers-{n}.json", answer_doc(f"ABCD-EF3{n}"))
    (inbox / "notes.txt").write_text("not an answer file")
    result = cli("collect", str(folder), str(inbox), str(inbox / "lchd-answers-0.json"), "--wave", WAVE)
    assert result.returncode == 0, result.stderr
    assert "added 7 respondents" in result.stdout and "from 7 files" in result.stdout


def test_a_wave_file_saved_with_an_upper_case_ending_is_added_to_not_joined_by_a_second_file(folder, tmp_path):
    # Excel on Windows may save 2026-spring.CSV; collecting into the wave must add to that file.
    (folder / "responses" / f"{WAVE}.csv").rename(folder / "responses" / f"{WAVE}.CSV")
    result = collect(folder, [write(tmp_path / "a.json", answer_doc("ABCD-EF22"))], WAVE)
    assert (result.before, result.added) == (19, 1)
    assert sorted(p.name for p in (folder / "responses").iterdir() if WAVE in p.name) == [f"{WAVE}.CSV"]


@pytest.mark.parametrize("ending", [".csv", ".CSV"])
def test_a_wave_file_that_links_outside_the_partnership_folder_is_refused_not_copied_into_it(folder, tmp_path, ending):
    # A shared folder whose wave file links to another partnership's answers: collecting must
    # not read them and write them into this folder as a file of its own (score refuses the link).
    elsewhere = tmp_path / "other-partnership.csv"
    shutil.copyfile(folder / "responses" / f"{WAVE}.csv", elsewhere)
    (folder / "responses" / f"{WAVE}.csv").unlink()
    link = folder / "responses" / f"{WAVE}{ending}"
    link.symlink_to(elsewhere)
    with pytest.raises(InputError, match="file-outside-folder"):
        collect(folder, [write(tmp_path / "a.json", answer_doc("ABCD-EF22"))], WAVE)
    assert link.is_symlink() and elsewhere.read_bytes().count(b"\n") == 20

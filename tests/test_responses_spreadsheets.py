"""Reading the spreadsheets people make: delimiters, 4.0, N/A, form columns, blank rows, waves by date."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lchd_assess.core.errors import InputError
from lchd_assess.core.findings import Finding, summarise
from lchd_assess.load.instrument import load_assessment
from lchd_assess.formats.responses import ANSWER_ALIASES, codebook_markdown, parse_answer, read_responses
from lchd_assess.app.score import score_partnership

INST = load_assessment().instrument
IDS = INST.item_ids()
REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "assessments" / "examples" / "harbour-city-family-network"


def table(rows: list[list[str]], delimiter: str = ",") -> str:
    return "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"


def respondent(rid: str, value: str, sector: str = "education") -> list[str]:
    return [rid, sector, "staff", *[value] * len(IDS)]


HEADER = ["respondent_id", "sector", "role", *IDS]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_comma_semicolon_and_tab_files_read_the_same(tmp_path, delimiter):
    p = tmp_path / "w.csv"
    p.write_text(table([HEADER, respondent("R1", "3"), respondent("R2", "DK")], delimiter))
    res = read_responses(p, INST)
    assert not res.findings and res.delimiter == delimiter
    assert [(r.id, r.answers["P1.Q1"]) for r in res.respondents] == [("R1", 3), ("R2", "DK")]


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("4.0", 4),
        ("3,0", 3),
        (" 2.00 ", 2),
        ("N/A", "NA"),
        ("n/a", "NA"),
        ("Don't know", "DK"),
        ("don\u2019t  know", "DK"),
        ("Does not apply", "NA"),
        ("dk", "DK"),
        ("", None),
    ],
)
def test_answers_as_people_type_them_are_read_through_the_one_table(typed, meant):
    assert parse_answer(typed) == (True, meant)


@pytest.mark.parametrize("typed", ["4.5", "5", "-1", "three", "yes", "4.0.0"])
def test_other_text_is_still_not_an_answer(typed):
    assert parse_answer(typed) == (False, None)


def test_the_codebook_prints_every_accepted_spelling():
    book = codebook_markdown(INST, "answers.csv")
    for written, _code in ANSWER_ALIASES:
        assert f"`{written}`" in book


def test_form_columns_are_ignored_with_one_note_naming_them(tmp_path):
    p = tmp_path / "w.csv"
    p.write_text(
        table([["Timestamp", "Email address", *HEADER], ["2026-03-01 10:00", "x@example.org", *respondent("R1", "3")]])
    )
    res = read_responses(p, INST)
    assert not res.findings
    (note,) = res.notes
    assert (
        note.code == "responses-ignored-columns"
        and "'Timestamp' (column 1)" in note.message
        and "'Email address' (column 2)" in note.message
    )
    assert "x@example.org" not in note.message


def test_an_item_shaped_unknown_column_is_still_a_mistake(tmp_path):
    p = tmp_path / "w.csv"
    p.write_text(table([[*HEADER, "P9.Q1"], [*respondent("R1", "3"), "2"]]))
    assert [f.code for f in read_responses(p, INST).findings] == ["responses-unknown-column"]


def test_blank_rows_and_a_respondent_with_no_answers_are_reported_and_not_counted(tmp_path):
    p = tmp_path / "w.csv"
    p.write_text(
        table(
            [
                HEADER,
                respondent("R1", "3"),
                [""] * len(HEADER),
                respondent("R2", ""),
                respondent("R3", "2"),
                [""] * len(HEADER),
            ]
        )
    )
    res = read_responses(p, INST)
    assert not res.findings
    assert [r.id for r in res.respondents] == ["R1", "R3"]
    assert sorted((n.code, n.line) for n in res.notes) == [("responses-blank-rows", 3), ("responses-no-answers", 4)]


def test_1285_bad_cells_read_as_one_line_with_a_count_and_the_first_places():
    fs = [
        Finding(
            "responses-bad-value", f"'x' in {i} is not an answer", file="w.csv", line=2 + n // 47, column=4 + n % 47
        )
        for n, i in enumerate(IDS * 28)
    ][:1285]
    lines = summarise(fs)
    assert len(lines) == 1
    assert (
        lines[0].startswith("w.csv:2:4: responses-bad-value: ")
        and "[1285 times, at 2:4, 2:5, 2:6 and 1282 more]" in lines[0]
    )


def _two_waves(tmp_path, declare: bool) -> Path:
    folder = tmp_path / "p"
    shutil.copytree(EXAMPLE, folder)
    src = folder / "responses"
    (src / "2025-baseline.csv").rename(src / "March 2025.csv")
    (src / "2026-followup.csv").rename(src / "February 2026.csv")
    text = (folder / "partnership.yaml").read_text()
    text = text[: text.index("waves:")]
    if declare:
        text += 'waves:\n  - {label: March 2025, closed: "2025-03-31", file: March 2025.csv}\n  - {label: February 2026, closed: "2026-02-27", file: February 2026.csv}\n'
    (folder / "partnership.yaml").write_text(text)
    return folder


def test_waves_are_ordered_by_their_declared_dates_not_their_names(tmp_path):
    result = score_partnership(_two_waves(tmp_path, declare=True))
    assert result.wave == "February 2026" and result.waves_available == ["March 2025", "February 2026"]
    assert result.change is not None and result.change.previous_wave == "March 2025"


def test_an_undeclared_wave_without_a_date_in_its_name_says_how_to_declare_it(tmp_path):
    with pytest.raises(InputError) as exc:
        score_partnership(_two_waves(tmp_path, declare=False))
    msg = str(exc.value)
    assert "February 2026.csv: wave-undeclared:" in msg and 'file: "February 2026.csv"' in msg and "closed:" in msg


def test_validate_names_an_undeclared_wave_in_the_partnership_file(tmp_path, cli):
    folder = _two_waves(tmp_path, declare=False)
    result = cli("validate", "--all", str(folder))
    assert result.returncode == 1
    *lines, total = result.stderr.strip().splitlines()
    assert len(lines) == 2 and total.startswith("2 findings")
    for line, name in zip(sorted(lines), ["February 2026.csv", "March 2025.csv"]):
        assert (
            line.startswith(str(folder / "partnership.yaml"))
            and f"wave-undeclared: responses/{name}: " in line
            and "closed:" in line
        )


def test_score_says_which_columns_it_ignored_and_who_answered_nothing(tmp_path, cli):
    folder = tmp_path / "p"
    shutil.copytree(EXAMPLE, folder)
    wave = folder / "responses" / "2026-followup.csv"
    lines = wave.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    empty = ["R99", "education", "staff"] + [""] * (len(header) - 3)
    wave.write_text(
        "\r\n".join(["Timestamp," + lines[0], *["2026-03-01," + line for line in lines[1:]], "," + ",".join(empty)])
        + "\r\n",
        encoding="utf-8",
    )
    result = cli("score", str(folder))
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if line.startswith("note: ")]
    assert len(notes) == 2 and "responses-ignored-columns" in notes[0] and "'Timestamp'" in notes[0]
    assert "responses-no-answers" in notes[1] and "R99" in notes[1]

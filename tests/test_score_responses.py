"""Response CSVs: what a spreadsheet saves is read as is; everything wrong is a finding with row and column."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lchd_assess.core.findings import CATALOGUE
from lchd_assess.load.instrument import load_assessment
from lchd_assess.formats.responses import _count_unquoted, detect_delimiter, read_responses, template_csv
from lchd_assess.app.validate import validate_paths

BROKEN = Path(__file__).parent / "broken_responses"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())
INST = load_assessment().instrument
HAND = Path(__file__).parent / "golden" / "score" / "hand-checked" / "responses" / "2026-a.csv"


def _expected(case: str) -> list[tuple]:
    out = []
    for line in (BROKEN / case / "expected.txt").read_text().splitlines():
        parts = line.split()
        out.append((parts[0], *[int(p) for p in parts[1:]]))
    return sorted(out)


def test_there_is_a_broken_case_for_every_documented_response_problem():
    codes = {c for case in CASES for c, *_ in _expected(case)}
    documented = {
        c
        for c, t in CATALOGUE.items()
        if t.group == "responses" and c not in ("responses-no-instrument", "partnership-unknown-sector")
    }
    assert documented <= codes, documented - codes


@pytest.mark.parametrize("case", CASES)
def test_broken_response_file_yields_its_codes_at_its_row_and_column(case):
    res = read_responses(BROKEN / case / "responses.csv", INST, display="responses.csv")
    got = sorted((f.code, *((f.line,) if f.column is None else (f.line, f.column))) for f in res.findings)
    assert got == _expected(case), [f.format_text() for f in res.findings]
    for f in res.findings:
        assert f.code in CATALOGUE
        assert f.format_text().startswith("responses.csv:")


@pytest.mark.parametrize("case", CASES)
def test_validate_reports_broken_response_files_through_the_csv_checker(case):
    report = validate_paths([BROKEN / case / "responses.csv"]).report
    assert sorted({c for c, *_ in _expected(case)}) == report.codes()


def test_a_file_saved_with_a_byte_order_mark_reads_the_same(tmp_path):
    plain = read_responses(HAND, INST)
    bom = tmp_path / "2026-a.csv"
    bom.write_bytes(codecs.BOM_UTF8 + HAND.read_bytes())
    with_bom = read_responses(bom, INST)
    assert not with_bom.findings
    assert with_bom.respondents == plain.respondents


def test_lower_case_dk_na_and_spaces_are_accepted(tmp_path):
    header = template_csv(INST)
    items = INST.item_ids()
    row = "R1,health-care,staff," + ",".join([" dk", "na ", " 3 "] + ["" for _ in items[3:]])
    p = tmp_path / "w.csv"
    p.write_text(header + row + "\n", encoding="utf-8")
    res = read_responses(p, INST)
    assert not res.findings
    assert [res.respondents[0].answers[i] for i in items[:4]] == ["DK", "NA", 3, None]


def test_columns_may_come_in_any_order_and_trailing_blank_rows_are_ignored(tmp_path):
    lines = HAND.read_text(encoding="utf-8").splitlines()
    cells = [line.split(",") for line in lines]
    order = [2, 0, 1] + list(range(len(cells[0]) - 1, 2, -1))
    p = tmp_path / "w.csv"
    p.write_text("\n".join(",".join(c[j] for j in order) for c in cells) + "\n,,,\n\n", encoding="utf-8")
    res = read_responses(p, INST)
    assert not res.findings
    assert sorted(r.id for r in res.respondents) == [f"R{n}" for n in range(1, 7)]


def test_a_file_collected_with_instrument_1_0_0_is_read_as_that_version_without_findings():
    # The hand-checked case was answered with 1.0.0 (P1.Q4 and others were retired in 1.1.0).
    assert INST.version != "1.0.0"
    res = read_responses(HAND, INST, display="old.csv")
    assert res.findings == [] and res.version == "1.0.0"
    assert "P1.Q4" in res.items and "P1.Q6" not in res.items
    strict = read_responses(HAND, INST, display="old.csv", allow_other_version=False)
    assert [f.code for f in strict.findings] == ["responses-instrument-version"]
    assert "1.0.0" in strict.findings[0].message and strict.findings[0].line == 1


def test_columns_missing_from_an_earlier_version_file_are_named_against_that_version(tmp_path):
    lines = HAND.read_text(encoding="utf-8").splitlines()
    cells = [line.split(",") for line in lines]
    drop = cells[0].index("P1.Q2")  # an item both versions have
    p = tmp_path / "w.csv"
    p.write_text(
        "\n".join(",".join(c for j, c in enumerate(row) if j != drop) for row in cells) + "\n", encoding="utf-8"
    )
    res = read_responses(p, INST, display="w.csv")
    assert [f.code for f in res.findings] == ["responses-missing-item-column"]
    assert "P1.Q2 of instrument version 1.0.0" in res.findings[0].message


def test_the_bundled_examples_have_no_findings():
    report = validate_paths([Path(__file__).parent.parent / "assessments" / "examples"]).report
    csv_findings = [f for f in report.findings if (f.file or "").endswith(".csv")]
    assert csv_findings == []
    assert sum(1 for c in report.checked if c.endswith(".csv")) >= 5


def test_validate_checks_answers_against_the_instrument_validated_with_them(tmp_path):
    root = Path(__file__).parent.parent / "assessments"
    for name in ("scoring-rules.yaml", "recommended-actions.yaml"):
        (tmp_path / name).write_text((root / name).read_text(encoding="utf-8"), encoding="utf-8")
    # This instrument drops "legal" from its sectors; a file using it is then a finding.
    text = (
        (root / "instrument.yaml")
        .read_text(encoding="utf-8")
        .replace("  - {id: legal, label: Legal services, group: related-sectors}\n", "")
    )
    (tmp_path / "instrument.yaml").write_text(text, encoding="utf-8")
    lines = HAND.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",resident-family,", ",legal,", 1)
    (tmp_path / "w.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = validate_paths([tmp_path]).report
    assert [(f.code, f.line, f.column) for f in report.findings if f.file.endswith("w.csv")] == [
        ("responses-unknown-sector", 2, 2)
    ]
    # Alone (no instrument beside it) the file is checked against the repository's, which knows "legal".
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "w.csv").write_text((tmp_path / "w.csv").read_text(encoding="utf-8"), encoding="utf-8")
    assert validate_paths([alone / "w.csv"]).report.ok


def _delimiter_plain(text: str) -> str:
    """The header's delimiter by the plain rule: counted character by character outside quotes."""
    counts = _count_unquoted(text)
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=',;\t"\r\nab ', max_size=40))
def test_the_delimiter_is_the_same_whether_the_header_line_is_counted_at_once_or_character_by_character(text):
    assert detect_delimiter(text) == _delimiter_plain(text)
    assert detect_delimiter("a;b;c\r\n1,2") == ";" and detect_delimiter('"a;b",c\n') == ","


# Mostly ordinary rows (so the one-go path is taken often), with every kind of unusual one.
_CELLS = ["", "0", "3", "4", "DK", "NA"] * 4 + ["dk", " 2 ", "4.0", "7", "x"]
_IDS = ["R01", "R02", "R03", "R04", "R01", "", "Jane Doe", "R\u200b03", "a@b"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_IDS),
            st.sampled_from(["community", "health"] * 3 + ["nope", ""]),
            st.sampled_from(["resident", "staff"] * 3 + ["chief", ""]),
            st.lists(st.sampled_from(_CELLS), min_size=3, max_size=3) | st.just(["", "", ""]),
            st.sampled_from([0, 0, 0, 0, -1, 1]),
            st.sampled_from(["3", "3", ""]),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_ordinary_rows_read_in_one_go_give_what_the_cell_by_cell_checks_give(rows):
    # The one-go path for ordinary rows must leave every respondent, finding and note exactly as
    # the checks one by one would: rows mixing good, repeated, odd and unanswered are read both ways.
    from lchd_assess.formats import responses_checks
    from lchd_assess.formats.responses_checks import read_rows
    from lchd_assess.score.models import Responses

    items = INST.item_ids()
    sectors, roles = [s.id for s in INST.sectors], [r.id for r in INST.roles]
    header = ["respondent_id", "sector", "role", *items]
    table = [(1, header)]
    for n, (rid, sector, role, cells, width, rest) in enumerate(rows, start=2):
        sector = sectors[0] if sector == "community" else sectors[-1] if sector == "health" else sector
        role = roles[0] if role == "resident" else roles[-1] if role == "staff" else role
        row = [rid, sector, role, *cells, *[rest] * (len(items) - 3), "5"]
        table.append((n, row[: len(header) + width]))

    def read():
        res = Responses(file="x.csv", wave="x")
        read_rows(table, INST, res, True)
        return res.respondents, res.findings, res.notes

    fast = read()
    original = responses_checks._RowChecks._ordinary
    responses_checks._RowChecks._ordinary = lambda self, line, rec: None  # type: ignore[method-assign]
    try:
        slow = read()
    finally:
        responses_checks._RowChecks._ordinary = original  # type: ignore[method-assign]
    assert fast == slow


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=",;\t\r\n a0\x85\u2028\x0c\x1e", max_size=60))
def test_a_file_without_quotes_is_split_into_the_records_the_csv_module_reads(text):
    # Line ends of every kind (CR LF, CR, LF, and characters that end a line for str.splitlines
    # but not for csv), empty lines and a missing last line end.
    from lchd_assess.formats.responses import csv_module_records, csv_records

    for delimiter in ",;\t":
        assert csv_records(text, delimiter) == csv_module_records(text, delimiter)


def test_a_cell_longer_than_the_csv_modules_limit_is_refused_with_or_without_quotes():
    import csv

    from lchd_assess.formats.responses import csv_module_records, csv_records

    old = csv.field_size_limit(50)
    try:
        for text in ("a,b\n1," + "x" * 60 + "\n", 'a,b\n1,"' + "x" * 60 + '"\n'):
            rows, error = csv_records(text, ",")
            assert (rows, error) == csv_module_records(text, ",") and error is not None and error[0] == 2
        assert csv_records("a,b\n1," + "x" * 40 + "\n", ",") == ([(1, ["a", "b"]), (2, ["1", "x" * 40])], None)
    finally:
        csv.field_size_limit(old)


def test_answers_are_keyed_by_the_instruments_own_item_id_strings(tmp_path):
    # The scorer takes the answers in the dict's own order when its keys are the instrument's
    # item IDs in order (elements.answer_codes): the same string objects compare at once.
    res = read_responses(HAND, INST)
    ids = {i.id: i.id for i in INST.items}
    assert res.respondents and all(k is ids[k] for r in res.respondents for k in r.answers)

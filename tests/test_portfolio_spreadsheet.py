"""portfolio.csv and portfolio.xlsx as a program officer's spreadsheet opens them."""

from __future__ import annotations

import csv
import io

import openpyxl

from lchd_assess.formats.portfolio_csv import portfolio_table, table_csv
from lchd_assess.formats.portfolio_xlsx import portfolio_xlsx
from lchd_assess.score.portfolio import DERIVED_FIELDS, PORTFOLIO_FIELDS
from lchd_assess.score.synthetic import synthetic_score

COLUMNS = [(col, meaning) for col, _p, meaning in PORTFOLIO_FIELDS] + list(DERIVED_FIELDS)


def _scores(n: int = 12):
    scores = [synthetic_score(i) for i in range(n)]
    # a name with an accent, and one a spreadsheet would take for a formula
    p0 = scores[0].partnership.model_copy(update={"name": "Niños de la Comunidad"})
    p1 = scores[1].partnership.model_copy(update={"name": '=HYPERLINK("http://x")'})
    scores[0] = scores[0].model_copy(update={"partnership": p0})
    scores[1] = scores[1].model_copy(update={"partnership": p1})
    return scores


def test_the_csv_starts_with_a_byte_order_mark_so_excel_reads_names_as_utf8():
    header, rows = portfolio_table(_scores())
    data = table_csv(header, rows).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "Niños de la Comunidad" in text
    assert next(csv.reader(io.StringIO(text)))[0] == "partnership"
    # and a formula-looking name is neutralised in the CSV as well
    names = [r[0] for r in csv.reader(io.StringIO(text))][1:]
    assert any("HYPERLINK" in n for n in names) and not any(n.startswith("=") for n in names)


def test_the_workbook_holds_the_csvs_table_with_numbers_as_numbers():
    header, rows = portfolio_table(_scores())
    wb = openpyxl.load_workbook(io.BytesIO(portfolio_xlsx(header, rows, COLUMNS)))
    ws = wb["Portfolio"]
    got = [[c.value for c in r] for r in ws.iter_rows()]
    assert got[0] == header and len(got) == len(rows) + 1
    by = {h: i for i, h in enumerate(header)}
    for row, cells in zip(rows, got[1:]):
        for h in ("P1", "overall_low", "FS4_percentile", "n_respondents", "residents_share", "overall_change"):
            value = row[by[h]]
            assert cells[by[h]] == (float(value) if value != "" else None), (h, value)
        for h in ("partnership", "wave", "id", "capping_elements"):
            assert cells[by[h]] == (row[by[h]] or None)
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref


def test_a_name_that_looks_like_a_formula_stays_text_in_the_workbook():
    header, rows = portfolio_table(_scores())
    ws = openpyxl.load_workbook(io.BytesIO(portfolio_xlsx(header, rows, COLUMNS)))["Portfolio"]
    cell = next(r[0] for r in ws.iter_rows(min_row=2) if str(r[0].value).startswith("="))
    assert cell.data_type == "s"


def test_the_workbook_says_what_every_column_holds_and_is_the_same_bytes_every_time():
    header, rows = portfolio_table(_scores())
    data = portfolio_xlsx(header, rows, COLUMNS)
    doc = openpyxl.load_workbook(io.BytesIO(data))["Columns"]
    assert [(r[0].value, r[1].value) for r in doc.iter_rows(min_row=2)] == COLUMNS
    assert portfolio_xlsx(header, rows, COLUMNS) == data

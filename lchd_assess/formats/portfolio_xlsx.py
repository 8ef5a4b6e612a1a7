"""portfolio.xlsx: the portfolio's spreadsheet as Excel opens it in any locale.

portfolio.csv is comma-separated with decimal points, as R, pandas and databases expect; Excel in
a locale whose list separator is a semicolon (much of Europe and Latin America) opens it as one
column of text.  The workbook holds the same header and rows (formats/portfolio_csv.py) with
numbers stored as numbers, so sorting, filtering and formulas work whatever the locale, and a
second sheet says what each column holds.
"""

from __future__ import annotations

import re
from typing import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .xlsx_bytes import workbook_bytes_fixed

#: Columns whose cells are numbers (the rest stay text: IDs, codes, waves such as "2026").
_ELEMENT_NUMBER = re.compile(r"^(P\d|FS\d|overall)(_low|_high|_percentile)?$")
_NUMBER_COLUMNS = {"n_respondents", "n_silent_sectors", "n_few_sectors", "residents_share", "overall_change"}
_INTEGER = {"n_respondents", "n_silent_sectors", "n_few_sectors"}


def _is_number(col: str) -> bool:
    return col in _NUMBER_COLUMNS or bool(_ELEMENT_NUMBER.match(col))


def _format(col: str) -> str:
    if col in _INTEGER or col.endswith("_percentile"):
        return "0"
    if col == "residents_share":
        return "0%"
    return "0.0"


def portfolio_xlsx(header: Sequence[str], rows: Sequence[Sequence[str]], columns: Sequence[tuple[str, str]]) -> bytes:
    """The workbook: sheet "Portfolio" (header, then one row per partnership) and sheet
    "Columns" (``columns``: each column name with what it holds)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Portfolio"
    numeric = [_is_number(h) for h in header]
    formats = [_format(h) for h in header]
    ws.append(list(header))
    for row in rows:
        ws.append([float(v) if num and v != "" else (None if v == "" else v) for v, num in zip(row, numeric)])
    for j, col in enumerate(header, start=1):
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = max(8, min(40, len(col) + 2)) if j > 1 else 36
        for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
            if numeric[j - 1]:
                cell.number_format = formats[j - 1]
            elif cell.value is not None:
                # a name that starts with "=" is text, never a formula Excel would run
                cell.data_type = "s"
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    doc = wb.create_sheet("Columns")
    doc.append(["Column", "What it holds"])
    for col, meaning in columns:
        doc.append([col, meaning])
    for cell in doc[1]:
        cell.font = Font(bold=True)
    doc.column_dimensions["A"].width = 34
    doc.column_dimensions["B"].width = 100
    for (cell,) in doc.iter_rows(min_row=2, min_col=2, max_col=2):
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return workbook_bytes_fixed(wb)

"""The one CSV writer: RFC 4180 line ends unless asked otherwise, quoting only where needed."""

from __future__ import annotations

import csv
import io

from hypothesis import given, strategies as st

from lchd_assess.core.outputs import csv_text, safe_cell


def test_rows_end_with_crlf_by_default_and_with_the_given_ending_otherwise():
    rows = [["id", "name"], ["P1", "Shared, long-term vision"]]
    assert csv_text(rows) == 'id,name\r\nP1,"Shared, long-term vision"\r\n'
    assert csv_text(rows, line_end="\n") == 'id,name\nP1,"Shared, long-term vision"\n'


@given(st.lists(st.lists(st.text(), min_size=1, max_size=4), min_size=1, max_size=5))
def test_any_text_reads_back_as_written_apart_from_neutralised_formulas(rows):
    back = list(csv.reader(io.StringIO(csv_text(rows), newline="")))
    assert back == [[safe_cell(c) for c in row] for row in rows]

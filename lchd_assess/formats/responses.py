"""Response files: one CSV per wave, one row per respondent, read back as any spreadsheet saves it.

``responses/<wave>.csv`` has the header ``respondent_id,sector,role,<item ids…>`` (columns in
any order; optional ``<item id>_comment`` columns and an optional ``instrument_version``
column).  Cells hold ``0``–``4``, ``DK`` (don't know), ``NA`` (not applicable) or nothing.
:func:`read_responses` never raises on bad content: it returns the respondents it could read
and findings with the row and column of each problem (``file:row:col``).

Which instrument version a file belongs to is read from its header: the set of item columns
identifies the version (each version's item set is known from the items' ``since_version`` and
``retired_in``).  A filled ``instrument_version`` cell is checked too.

The checks shared with workbooks and answer files are in :mod:`.responses_checks` (rows),
:mod:`.responses_header` and :mod:`.responses_cells`; the blank template and its codebook in
:mod:`.responses_template` (the public names are re-exported here).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..core.errors import InputError
from ..core.files import read_input, utf16_kind
from ..core.findings import Finding
from ..load.instrument import InstrumentFile, load_assessment
from ..score.models import Answer, Respondent, Responses  # noqa: F401  (what a read returns; re-exported)
from .responses_cells import (  # noqa: F401  (re-exported: the reader's public names stay here)
    _LOOKS_IDENTIFYING,
    ANSWER_ALIASES,
    COMMENT_SUFFIX,
    FIXED_COLUMNS,
    VERSION_COLUMN,
    _cut,
    _suggest,
    parse_answer,
)
from .responses_checks import read_rows  # noqa: F401  (re-exported)
from .responses_template import codebook_markdown, template_csv, template_header  # noqa: F401  (re-exported)

MAX_BYTES = 20 * 1024 * 1024


def csv_records(text: str, delimiter: str) -> tuple[list[tuple[int, list[str]]], tuple[int, str] | None]:
    """``(line, cells)`` for each record of ``text``, each with the line it starts on (a quoted
    cell may span lines); on a syntax error, the records read so far and ``(line, reason)``."""
    # Without a quote (what spreadsheets write when no cell holds a delimiter, a quote or a line
    # break) a record is a line: split in C, the csv module's records in a third of the time.
    # A text shorter than the csv module's cell limit cannot hold a cell over it.
    if '"' not in text and len(text) < csv.field_size_limit():
        return _unquoted_records(text, delimiter), None
    return csv_module_records(text, delimiter)


def csv_module_records(text: str, delimiter: str) -> tuple[list[tuple[int, list[str]]], tuple[int, str] | None]:
    """:func:`csv_records` read by the csv module, the way for any text (and the only one for a
    text with a quote)."""
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for rec in reader:
            rows.append((start, rec))
            start = reader.line_num + 1
    except csv.Error as exc:
        return rows, (start, str(exc))
    return rows, None


def _unquoted_records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """What the csv module reads from ``text`` holding no quote: each line a record (a line ends
    at CR LF, CR or LF, as in csv's ``newline=""`` mode), an empty line an empty record, and no
    record after the last line end (tests/test_score_responses.py compares the two)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines[-1]:
        lines.pop()  # what follows the last line end (or the empty text) is no record
    return [(n, line.split(delimiter) if line else []) for n, line in enumerate(lines, 1)]


def detect_delimiter(text: str) -> str:
    """The delimiter of the header line: comma, semicolon (Excel where the decimal mark is a
    comma) or tab, whichever occurs most outside quotes; comma when none does."""
    ends = [i for i in (text.find("\r"), text.find("\n")) if i >= 0]
    first = text[: min(ends)] if ends else text
    # A header line without quotes (as the template writes it) is counted in C; the loop over
    # characters was a tenth of the time of reading a 25-row file.
    counts = {d: first.count(d) for d in (",", ";", "\t")} if '"' not in first else _count_unquoted(text)
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _count_unquoted(text: str) -> dict[str, int]:
    """Commas, semicolons and tabs outside quotes before the first line end outside quotes."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            if ch in "\r\n":
                break
            if ch in counts:
                counts[ch] += 1
    return counts


def read_responses(
    path: str | Path, inst: InstrumentFile, display: str | None = None, allow_other_version: bool = True
) -> Responses:
    """Read one response CSV; findings for everything wrong, with row and column.

    A file collected with an earlier version of the instrument (its item columns are exactly
    that version's items) is valid: it is scored on that version's items.  Pass
    ``allow_other_version=False`` to insist on the current version.
    """
    path = Path(path)
    disp = display or str(path)
    res = Responses(file=disp, wave=path.stem)

    def add(code: str, msg: str, row: int | None = None, col: int | None = None) -> None:
        res.findings.append(Finding(code, msg, file=disp, line=row, column=col))

    raw, problem = read_input(path, MAX_BYTES, "response files")
    if raw is None:
        add(*problem)  # type: ignore[misc]
        return res
    if utf16_kind(raw):
        # "Unicode text" from a spreadsheet: say so, rather than report its header as wrong
        add("not-utf8", "the file is UTF-16 text, not UTF-8; in the spreadsheet choose Save As, CSV UTF-8", 1, 1)
        return res
    nul = raw.find(b"\x00")
    if nul >= 0:
        # the catalogue's rule: a NUL byte makes a file unreadable, wherever it is (a comment too)
        line = raw[:nul].count(b"\n") + 1
        add(
            "responses-csv-syntax",
            f"the file holds a NUL byte (line {line}); open it in a spreadsheet and save it again as CSV UTF-8",
            line,
        )
        return res
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        head = raw[: raw.find(b"\n")] if b"\n" in raw else raw
        delim = detect_delimiter(head.decode("latin-1")).encode()
        col = raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start].count(delim) + 1  # the cell, as elsewhere
        add(
            "not-utf8",
            "the file is not UTF-8 text (this cell holds a character in another encoding); in the spreadsheet choose Save As, CSV UTF-8",
            line,
            col,
        )
        return res
    res.delimiter = detect_delimiter(text)
    rows, error = csv_records(text, res.delimiter)
    if error:
        add(
            "responses-csv-syntax",
            f"not readable as CSV ({error[1]}); open it in a spreadsheet and save it again as CSV",
            error[0],
        )
        return res
    read_rows(rows, inst, res, allow_other_version)
    return res


# -- Checking with `lchd-assess validate` (app.validate passes this checker) --------------------


def check_csv(path: Path, display: str, index: object) -> list[Finding]:
    """Check a response file against the instrument being validated with it, if any (so a
    changed instrument is checked together with its answers), else the repository's."""
    inst = next(
        (
            e.doc.model
            for e in getattr(index, "entries", {}).values()
            if e.kind == "item" and isinstance(e.doc.model, InstrumentFile)
        ),
        None,
    )
    if inst is None:
        try:
            inst = load_assessment().instrument
        except InputError as exc:
            return [Finding("responses-no-instrument", f"cannot check answers: {exc}", file=display)]
    return read_responses(path, inst, display=display).findings

"""Writing output files: whole or not at all, and byte-identical on rerun."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Iterable, Sequence


# Characters json.dumps leaves raw with ensure_ascii=False that can still drive a terminal or
# reorder what a reader sees (DEL and C1 controls, bidi overrides and isolates, zero-width and
# line-separator characters): written as \\u escapes, which mean the same to every JSON reader.
_JSON_HIDDEN = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def dumps_json(data: Any) -> str:
    """The one JSON style of the toolkit: sorted keys, two-space indent, UTF-8, final newline."""
    try:
        text = _indented(data, "\n") + "\n"
    except _NotPlain:
        text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return _JSON_HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class _NotPlain(Exception):
    """A value _indented does not write; json.dumps then writes the whole document."""


_string = json.encoder.encode_basestring  # the C function json.dumps uses with ensure_ascii=False
_INFINITIES = (float("inf"), float("-inf"))


def _indented(v: Any, nl: str) -> str:
    """Exactly ``json.dumps(v, indent=2, sort_keys=True, ensure_ascii=False)`` for dicts with
    string keys, lists, strings, ints, finite floats, bools and None; about twice as fast
    (json's indenting encoder is pure Python and yields every piece through generators, which
    was a third of the time of scoring a partnership). tests/test_outputs_json.py compares the
    two on every golden file and on random documents."""
    if isinstance(v, str):
        return _string(v)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    t = type(v)
    if t is int:
        return int.__repr__(v)
    if t is float:
        if v != v or v in (float("inf"), float("-inf")):
            raise _NotPlain
        return float.__repr__(v)
    inner = nl + "  "
    if t is dict:
        if not v:
            return "{}"
        try:
            keys = sorted(v)
        except TypeError:
            raise _NotPlain from None
        parts = []
        for k in keys:
            if type(k) is not str:
                raise _NotPlain
            # the common scalars inline: a score result holds about 6,000 of them
            x = v[k]
            tx = type(x)
            if tx is str:
                s = _string(x)
            elif tx is float and x == x and x not in _INFINITIES:
                s = float.__repr__(x)
            elif tx is int:
                s = int.__repr__(x)
            elif x is None:
                s = "null"
            else:
                s = _indented(x, inner)
            parts.append(_string(k) + ": " + s)
        return "{" + inner + ("," + inner).join(parts) + nl + "}"
    if t is list or t is tuple:
        if not v:
            return "[]"
        return "[" + inner + ("," + inner).join([_indented(x, inner) for x in v]) + nl + "]"
    raise _NotPlain


# Spreadsheet formula injection (OWASP "CSV injection"): a text cell that starts with one of these
# is run as a formula by Excel, LibreOffice or Sheets when the file is opened; the full-width
# forms count in East Asian locales.  Partnership, folder and wave names come from users, so
# every text cell is checked.  A leading apostrophe makes the cell plain text in all of them
# and stays visible, so a reader can see the value was neutralised.  Numbers ("-0.3", "+2")
# are data and stay as they are.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


def safe_cell(value: Any) -> Any:
    """A cell as the CSV writer writes it: text a spreadsheet would run as a formula is
    prefixed with an apostrophe; numbers and everything else are unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_text(
    rows: Iterable[Sequence[Any]], line_end: str = "\r\n", delimiter: str = ",", verbatim_columns: Sequence[int] = ()
) -> str:
    """Rows (header first) as CSV text: the one CSV writer of the toolkit.

    Quoting is the csv module's minimal style; lines end with ``line_end`` (CRLF as in
    RFC 4180 unless a caller keeps another ending for files already published); ``delimiter``
    is a comma unless rows are added to a file saved with semicolons or tabs.  Text cells that
    a spreadsheet would run as a formula are neutralised (:func:`safe_cell`), except in
    ``verbatim_columns``: only for a column a platform's format requires as it is and that holds
    the toolkit's own fixed text, never a user's (REDCap's ``@DEFAULT=`` action tags).
    """
    keep = set(verbatim_columns)
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator=line_end, delimiter=delimiter).writerows(
        [c if j in keep else safe_cell(c) for j, c in enumerate(row)] for row in rows
    )
    return buf.getvalue()


def write_atomic(path: str | Path, content: str | bytes) -> Path:
    """Write to a temporary file beside ``path`` and rename it into place.

    A reader (or a crash) never sees a half-written file: either the old file or the new one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


def write_json(path: str | Path, data: Any) -> Path:
    return write_atomic(path, dumps_json(data))

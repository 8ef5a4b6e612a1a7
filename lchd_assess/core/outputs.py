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
        text = _compiled(data)
    except _NotPlain:  # rare: tiny floats, lone surrogates, values other than plain JSON ones
        text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return _escape_hidden(text)


def _escape_hidden(text: str) -> str:
    # Nearly every document is plain ASCII, and checking that is a C loop; the search below
    # walks the text character by character (0.2 ms for a 24 KB score result).
    if text.isascii() and "\x7f" not in text:
        return text
    return _JSON_HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def finish_compiled_json(text: str) -> str | None:
    """JSON text that pydantic-core wrote with ``indent=2`` from data whose keys were already in
    sorted order, finished as :func:`dumps_json` writes the same data (final newline, hidden
    characters escaped); None when the text holds what the two write differently (a float
    below 1e-4), and the caller must use :func:`dumps_json`."""
    if _rust_small_float(text):
        return None
    return _escape_hidden(text + "\n")


_PLAIN_SCALARS = frozenset((str, int, float, bool, type(None)))
# pydantic-core writes a float below 1e-4 as 0.00001 or 1e-7 where Python writes 1e-05 and
# 1e-07 (the two agree on every other finite float: tests/test_outputs_json.py); such a document
# is written by json.dumps instead. A number's exponent follows a digit; text such as "wave-2" or
# "squire-2" does not, so it is not mistaken for one. (The search starts at the literal "e-":
# a pattern that starts with a digit class walks a 24 KB score result character by character,
# 0.2 ms.)
_EXPONENT = re.compile(r"e-\d")


def _rust_small_float(text: str) -> bool:
    return "0.0000" in text or any(text[m.start() - 1].isdigit() for m in _EXPONENT.finditer(text))


def _compiled(data: Any) -> str:
    """``json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)`` by pydantic-core's
    compiled encoder (Python's json writes indented text in Python, and was a sixth of the time
    of scoring a partnership): the keys sorted here, the text written there. Raises
    :class:`_NotPlain` for anything it does not write exactly as json.dumps would."""
    import pydantic_core  # on the first JSON written: ~10 ms, which write_atomic's callers that write no JSON (an up-to-date `site build`) do not pay

    try:
        text = pydantic_core.to_json(_sorted_plain(data), indent=2, inf_nan_mode="constants").decode()
    except pydantic_core.PydanticSerializationError:  # lone surrogates, which json.dumps writes as escapes
        raise _NotPlain from None
    if _rust_small_float(text):
        raise _NotPlain
    return text + "\n"


def _sorted_plain(v: Any) -> Any:
    """A copy of ``v`` with every dict's keys in sorted order; raises :class:`_NotPlain` for
    anything but dicts with string keys, lists, tuples and plain scalars (exact types, so that
    subclasses such as enums are written by json.dumps as before)."""
    t = type(v)
    if t is dict:
        try:
            keys = sorted(v)
        except TypeError:
            raise _NotPlain from None
        out = {}
        for k in keys:
            if type(k) is not str:
                raise _NotPlain
            x = v[k]
            out[k] = x if type(x) in _PLAIN_SCALARS else _sorted_plain(x)
        return out
    if t is list or t is tuple:
        return [x if type(x) in _PLAIN_SCALARS else _sorted_plain(x) for x in v]
    if t in _PLAIN_SCALARS:
        return v
    raise _NotPlain


class _NotPlain(Exception):
    """A value _compiled does not write exactly as json.dumps would; json.dumps then writes the
    whole document."""


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

"""Writing output files: whole or not at all, and byte-identical on rerun."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Sequence


def dumps_json(data: Any) -> str:
    """The one JSON style of the toolkit: sorted keys, two-space indent, UTF-8, final newline."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def csv_text(rows: Iterable[Sequence[Any]], line_end: str = "\r\n", delimiter: str = ",") -> str:
    """Rows (header first) as CSV text: the one CSV writer of the toolkit.

    Quoting is the csv module's minimal style; lines end with ``line_end`` (CRLF as in
    RFC 4180 unless a caller keeps another ending for files already published); ``delimiter``
    is a comma unless rows are added to a file saved with semicolons or tabs.
    """
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator=line_end, delimiter=delimiter).writerows(rows)
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

"""An openpyxl workbook as bytes that depend only on its content (no save time anywhere), so the
same inputs give the same file.  Shared by the answer workbook and the portfolio's spreadsheet."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from typing import Any

#: The one time written into every workbook and every archive entry.
EPOCH = (2000, 1, 1, 0, 0, 0)


def fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry's timestamp set to one fixed time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time here whatever the properties say.
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", body)
            dst.writestr(entry, body)
    return out.getvalue()


def workbook_bytes_fixed(wb: Any) -> bytes:
    """Save ``wb`` (an openpyxl Workbook) with fixed times and the toolkit as its author."""
    fixed = datetime.datetime(*EPOCH)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "lchd-assess"
    wb.properties.lastModifiedBy = "lchd-assess"
    buf = io.BytesIO()
    wb.save(buf)
    return fixed_zip(buf.getvalue())

"""A platform export as a table, and from its columns to the toolkit's respondent rows.

:func:`read_table` reads a CSV (comma, semicolon or tab; UTF-8 with or without BOM) or an XLSX
workbook's first sheet; :func:`plan_columns` decides what each column is (an item, a comment,
sector, role, personal data, platform metadata) and :func:`read_rows` turns the data rows into
:class:`~lchd_assess.formats.platform_common.Row` values or findings.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence
import zipfile

from ..formats.responses import _LOOKS_IDENTIFYING as LOOKS_IDENTIFYING
from ..formats.responses import csv_records, detect_delimiter
from ..load.instrument import InstrumentFile
from ..core.files import read_input
from .platform_common import (
    COMMENT,
    COMMENT_SUFFIX,
    ITEM,
    MAX_BYTES,
    META,
    PERSONAL,
    ROLE,
    SECTOR,
    VERSION,
    KindTracker,
    PlatformImport,
    Row,
    label_table,
    parse_answer,
    sector_role_tables,
    version_findings,
)
from ..core.text import excerpt
from ..core.formatting import plural


# -- Tables ------------------------------------------------------------------------------------


@dataclass
class Table:
    """Rows of cells as text, each with its line (CSV) or row number (workbook)."""

    rows: list[tuple[int, list[str]]]


def read_table(path: Path, res: PlatformImport) -> Table | None:
    """A CSV (comma, semicolon or tab; UTF-8 with or without BOM) or an XLSX workbook's
    first sheet; ``None`` with a finding when it cannot be read."""
    raw, problem = read_input(path, MAX_BYTES, "exports")
    if raw is None:
        res.add("import-unreadable", problem[1])  # type: ignore[index]
        return None
    if raw[:2] == b"PK":
        inner = _zipped_csv(raw, res)
        if inner is None:
            return _read_xlsx(raw, res) if not res.findings else None
        raw = inner
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        res.add(
            "import-unreadable",
            "the file is not UTF-8 text; download it again from the platform (CSV, UTF-8) instead of re-saving it in a spreadsheet",
            line,
        )
        return None
    # the answer CSV reader's rules: the header's delimiter outside quotes (a quoted title may
    # hold a line break, as Qualtrics' do), records with the line each starts on
    rows, error = csv_records(text, detect_delimiter(text))
    if error:
        res.add("import-unreadable", f"not readable as CSV ({error[1]}); download the export again", error[0])
        return None
    if not rows or not any(c.strip() for c in rows[0][1]):
        res.add("import-unreadable", "the file is empty or has no header row", 1, 1)
        return None
    return Table(rows)


def _zipped_csv(raw: bytes, res: PlatformImport) -> bytes | None:
    """The CSV inside a .zip download (ODK Central, Google Forms and Qualtrics hand their CSV
    over zipped); None for a workbook (an .xlsx is a zip too) or with a finding."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            names = z.namelist()
            if "[Content_Types].xml" in names:
                return None
            csvs = sorted(
                (n for n in names if n.lower().endswith(".csv") and not n.startswith("__MACOSX")),
                key=lambda n: (len(n), n),
            )
            if not csvs:
                res.add("import-unreadable", "the .zip holds no .csv file; download the export again as CSV")
                return None
            info = z.getinfo(csvs[0])
            if info.file_size > MAX_BYTES:
                res.add(
                    "import-unreadable",
                    f"the CSV inside the .zip is {info.file_size} bytes; exports above {MAX_BYTES} bytes are refused",
                )
                return None
            # The main table: repeat groups (ODK) come as further files named <form>-<repeat>.csv.
            return z.read(csvs[0])
    except (zipfile.BadZipFile, OSError, KeyError):
        return None


def _read_xlsx(raw: bytes, res: PlatformImport) -> Table | None:
    try:
        import openpyxl  # lazily: ~0.15 s, needed only for .xlsx exports (see formats/workbook.py)
    except ImportError:  # pragma: no cover - openpyxl is a core dependency
        res.add("import-unreadable", "reading .xlsx needs openpyxl; install the toolkit again")
        return None
    try:
        wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # a damaged or non-workbook zip: one line, never a traceback
        res.add("import-unreadable", f"not a readable .xlsx workbook ({type(exc).__name__}); download the export again")
        return None
    try:
        ws = wb.worksheets[0]
        rows = []
        for n, rec in enumerate(ws.iter_rows(values_only=True), start=1):
            rows.append((n, [_cell_text(v) for v in rec]))
    finally:
        wb.close()
    while rows and not any(c.strip() for c in rows[-1][1]):
        rows.pop()
    if not rows or not any(c.strip() for c in rows[0][1]):
        res.add("import-unreadable", "the workbook's first sheet is empty or has no header row", 1, 1)
        return None
    return Table(rows)


def _cell_text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "isoformat"):
        return v.isoformat()  # type: ignore[union-attr]
    return str(v)


@dataclass
class Columns:
    kinds: list[tuple[str, str | None] | None]

    def index(self, kind: str) -> int | None:
        return next((j for j, k in enumerate(self.kinds) if k and k[0] == kind), None)

    def of(self, kind: str) -> list[tuple[str, int]]:
        return [(k[1], j) for j, k in enumerate(self.kinds) if k and k[0] == kind and k[1]]


def plan_columns(
    res: PlatformImport,
    inst: InstrumentFile,
    header: list[str],
    header_line: int,
    classify: Callable[[str], tuple[str, str | None] | None],
    names: list[str] | None = None,
) -> Columns | None:
    """Classify every header cell, with notes for what is dropped and findings for item
    problems; None when the import cannot go on.  ``names`` are what messages call the columns
    (default: the header itself)."""
    names = names or header
    kinds: list[tuple[str, str | None] | None] = []
    seen_items: dict[str, tuple[int | None, int | None]] = {}
    ignored: list[str] = []
    for j, name in enumerate(header):
        k = classify(name) if name.strip() else None
        if k and k[0] in (ITEM, COMMENT):
            key = k[1] if k[0] == ITEM else f"{k[1]}{COMMENT_SUFFIX}"
            if key in seen_items or (k[0] == ITEM and k[1] in seen_items):
                res.add(
                    "import-extra-item", f"column {j + 1} is a second column for {key}; delete one", header_line, j + 1
                )
                k = (META, None)
            elif k[0] == ITEM:
                seen_items[k[1]] = (header_line, j + 1)  # type: ignore[index]
        if k and k[0] == PERSONAL:
            res.note(
                "import-personal-data",
                f"column {j + 1} '{_short(names[j])}' holds personal data; it was left out and its values were not read into anything",
                header_line,
                j + 1,
            )
        elif k is None and name.strip():
            ignored.append(_short(names[j]))
        kinds.append(k)
    if ignored:
        shown = ", ".join(f"'{_short(n)}'" for n in ignored[:8]) + (
            f" and {len(ignored) - 8} more" if len(ignored) > 8 else ""
        )
        res.note("import-ignored-column", f"{plural(len(ignored), 'column')} not used: {shown}", header_line)
    cols = Columns(kinds)
    for kind, label in ((SECTOR, "sector"), (ROLE, "role")):
        if cols.index(kind) is None:
            res.add(
                "import-missing-field",
                f"the export has no {label} column; add the {label} question to the survey (from `lchd-assess export instrument`)",
                header_line,
            )
    ok = version_findings(res, inst, seen_items)
    res.items = [i for i in inst.item_ids() if i in seen_items]
    return cols if ok and not res.findings else None


def _short(s: str) -> str:
    return excerpt(" ".join(s.split()), 40)


def _answers(
    res: PlatformImport,
    cells: list[str],
    line: int,
    items: list[tuple[str, int]],
    label_map: dict,
    code_map: dict,
    tracker: KindTracker,
    labels_only: bool,
) -> tuple[dict[str, int | str | None], bool]:
    """One row's answers by item, and whether every cell was one of the item's choices."""
    answers: dict[str, int | str | None] = {}
    ok = True
    for item_id, j in items:
        kind, value = parse_answer(cells[j], label_map, code_map)
        tracker.see(kind, line, j + 1, item_id)
        if kind == "bad":
            shown = _short(cells[j].strip())
            hint = (
                "use 'Use choice text' when downloading"
                if labels_only and cells[j].strip().isdigit()
                else "it is not one of the item's choices"
            )
            res.add("import-bad-value", f"'{shown}' in {item_id}: {hint}", line, j + 1)
            ok = False
        answers[item_id] = value
    return answers, ok


def _sector_and_role(
    res: PlatformImport, cells: list[str], line: int, sector_col: tuple, role_col: tuple
) -> tuple[str, str, bool]:
    """(sector, role, both known) of one row; a finding for each that is empty or unknown."""
    found = {"sector": "", "role": ""}
    ok = True
    for (idx, table), label in ((sector_col, "sector"), (role_col, "role")):
        if idx is None:
            continue
        raw = cells[idx].strip()
        code = table.get(raw.lower())
        if code is None:
            what = "is empty" if not raw else f"'{_short(raw)}' is not one of the instrument's {label}s"
            res.add("import-bad-sector", f"{label} {what}", line, idx + 1)
            ok = False
        else:
            found[label] = code
    return found["sector"], found["role"], ok


def _version_matches(res: PlatformImport, cells: list[str], line: int, vi: int | None, version: str) -> bool:
    """False (with a finding) when the row names another instrument version."""
    v = cells[vi].strip() if vi is not None else ""
    if v and v != version:
        res.add(
            "import-instrument-version",
            f"instrument_version '{_short(v)}' is not the current version {version}; set the survey up again from `lchd-assess export instrument`",
            line,
            vi + 1,  # type: ignore[operator]  # vi is set when v is
        )
        return False
    return True


def read_rows(
    res: PlatformImport,
    inst: InstrumentFile,
    cols: Columns,
    data: list[tuple[int, list[str]]],
    make_id: Callable[[int, list[str]], str],
    codes: dict[str, int | str] | None,
    skip: Callable[[int, list[str]], str | None] | None = None,
    variants: Sequence[InstrumentFile] = (),
) -> None:
    """Turn data rows into :class:`Row` values (or findings).  ``codes`` are the raw codes the
    export may hold (None: labels only); ``skip`` names why a row is left out, if it is;
    ``variants`` are the instrument's translations, whose labels are read too."""
    label_map = label_table(inst, variants)
    code_map = codes or {}
    sectors, roles = sector_role_tables(inst, variants)
    tracker = KindTracker()
    seen: dict[str, int] = {}
    si, ri, vi = cols.index(SECTOR), cols.index(ROLE), cols.index(VERSION)
    items = cols.of(ITEM)
    comments = cols.of(COMMENT)
    skipped: dict[str, list[int]] = {}
    for line, rec in data:
        if not any(c.strip() for c in rec):
            continue
        cells = rec + [""] * (len(cols.kinds) - len(rec))
        why = skip(line, cells) if skip else None
        if why:
            skipped.setdefault(why, []).append(line)
            continue
        answers, ok = _answers(res, cells, line, items, label_map, code_map, tracker, labels_only=codes is None)
        if all(v is None for v in answers.values()):
            skipped.setdefault("no answer to any item", []).append(line)
            continue
        sector, role, known = _sector_and_role(res, cells, line, (si, sectors), (ri, roles))
        ok = _version_matches(res, cells, line, vi, inst.version) and known and ok
        rid = make_id(line, cells)
        if LOOKS_IDENTIFYING.search(rid):
            # The value is not repeated: it may be someone's name or e-mail address.
            res.add(
                "responses-identifying-id",
                "the record's ID looks like a name or an e-mail address; give records made-up codes (REDCap: let it number records)",
                line,
            )
            ok = False
        elif rid in seen:
            res.add(
                "import-duplicate-respondent",
                f"respondent '{_short(rid)}' appears again (first on line {seen[rid]})",
                line,
            )
            ok = False
        seen.setdefault(rid, line)
        if ok:
            notes = {item_id: cells[j].strip() for item_id, j in comments if cells[j].strip()}
            res.rows.append(Row(rid, sector, role, answers, notes, line))
    tracker.check(res)
    _note_skipped(res, skipped)


def _note_skipped(res: PlatformImport, skipped: dict[str, list[int]]) -> None:
    """One note per reason rows were left out, with their first five line numbers."""
    for why, lines in sorted(skipped.items()):
        shown = ", ".join(str(n) for n in lines[:5]) + (" …" if len(lines) > 5 else "")
        where = "line" if len(lines) == 1 else "lines"
        res.note("import-skipped-row", f"{plural(len(lines), 'row')} left out ({why}): {where} {shown}", lines[0])

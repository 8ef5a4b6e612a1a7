"""The answer workbook (.xlsx): one row per respondent, a drop-down on every answer cell.

Written by ``lchd-assess questionnaire --format xlsx`` and read back by ``collect`` and
``score`` through the same row checks as CSV files (:func:`~lchd_assess.responses.read_rows`).

Layout: sheet ``Answers`` (header row of column codes, each item's question and statements in
the header cell's note; data validation lists on every answer, sector and role cell), sheet
``How to fill in`` (instructions and the meaning of each answer), and a hidden sheet ``lchd``
with the instrument, its version and the wave, plus the sector and role lists the drop-downs
use.  The zip is written with fixed timestamps so the same inputs give the same bytes.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ..core.errors import InputError
from ..core.findings import Finding
from ..load.instrument import InstrumentFile, load_assessment
from ..load.partnership import PartnershipFile, sector_choices
from ..core.files import read_input
from .responses import FIXED_COLUMNS, Responses, read_rows
from .xlsx_bytes import workbook_bytes_fixed  # shared with the portfolio's spreadsheet

ANSWERS_SHEET = "Answers"
META_SHEET = "lchd"
HELP_SHEET = "How to fill in"
#: Rows prepared with drop-downs (a partnership rarely has more than a few dozen members).
ROWS = 300
ANSWER_CODES = ("0", "1", "2", "3", "4", "DK", "NA")
MAX_BYTES = 20 * 1024 * 1024


def workbook_bytes(inst: InstrumentFile, partnership: PartnershipFile | None = None, wave: str | None = None) -> bytes:
    # openpyxl is imported here, not at the top: it takes ~0.15 s, and the CSV paths that import this
    # module (score, collect, validate) never open a workbook
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sectors = sector_choices(inst, partnership)
    wb = Workbook()
    ws = wb.active
    ws.title = ANSWERS_SHEET
    items = inst.active_items()
    header = list(FIXED_COLUMNS) + [i.id for i in items]
    ws.append(header)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DCE6F2")
    notes = {
        "respondent_id": "A code for each respondent (R01, R02 … or the code on their paper form). Never a name, initials or an e-mail address.",
        "sector": "Choose the respondent's sector from the list.",
        "role": "Choose the respondent's role from the list.",
    }
    for i in items:
        lines = (
            [f"{i.id}: {i.stem.strip()}", ""]
            + [f"{n} {inst.level_labels[n]}: {a.strip()}" for n, a in enumerate(i.anchors)]
            + [f"{s.code}: {s.label}" for s in inst.special_answers]
        )
        notes[i.id] = "\n".join(lines)
    for col, name in enumerate(header, start=1):
        cell = ws.cell(row=1, column=col)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center")
        note = Comment(notes[name], "lchd-assess")
        note.width, note.height = 420, 300
        cell.comment = note
        ws.column_dimensions[get_column_letter(col)].width = 16 if col <= 3 else 8
    ws.column_dimensions["B"].width = 24
    ws.freeze_panes = "D2"

    _codes_sheet(wb, inst, sectors, wave)

    _answer_lists(ws, inst, sectors, len(header))
    _help_sheet(wb, inst, partnership, wave)

    return workbook_bytes_fixed(wb)


def _answer_lists(ws: Any, inst: InstrumentFile, sectors: list, columns: int) -> None:
    """Drop-down lists on the Answers sheet: sector and role codes, and the answer codes."""
    from openpyxl.utils import get_column_letter  # lazily, as in workbook_bytes
    from openpyxl.worksheet.datavalidation import DataValidation

    last = ROWS + 1

    def listed(formula: str, title: str, message: str) -> DataValidation:
        dv = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showDropDown=False,
            showErrorMessage=True,
            errorStyle="stop",
            errorTitle=title,
            error=message,
            showInputMessage=False,
        )
        ws.add_data_validation(dv)
        return dv

    sector_dv = listed(f"{META_SHEET}!$D$2:$D${len(sectors) + 1}", "Sector", "Choose a sector code from the list.")
    sector_dv.add(f"B2:B{last}")
    role_dv = listed(f"{META_SHEET}!$E$2:$E${len(inst.roles) + 1}", "Role", "Choose a role code from the list.")
    role_dv.add(f"C2:C{last}")
    answer_dv = listed(
        '"' + ",".join(ANSWER_CODES) + '"',
        "Answer",
        "Choose 0, 1, 2, 3, 4, DK (don't know) or NA (not applicable) from the list, or leave the cell empty.",
    )
    answer_dv.add(f"D2:{get_column_letter(columns)}{last}")


def _codes_sheet(wb: Any, inst: InstrumentFile, sectors: list, wave: str | None) -> None:
    """The hidden sheet: the file's format, instrument and wave, and the codes the lists offer."""
    meta = wb.create_sheet(META_SHEET)
    meta.append(["format", "lchd-workbook"])
    meta.append(["format_version", 1])
    meta.append(["instrument", inst.id])
    meta.append(["instrument_version", inst.version])
    meta.append(["wave", wave or ""])
    meta["D1"], meta["E1"] = "sectors", "roles"
    for n, s in enumerate(sectors, start=2):
        meta.cell(row=n, column=4, value=s.id)
    for n, r in enumerate(inst.roles, start=2):
        meta.cell(row=n, column=5, value=r.id)
    meta.sheet_state = "hidden"


def _help_sheet(wb: Any, inst: InstrumentFile, partnership: PartnershipFile | None, wave: str | None) -> None:
    """The instructions, how to fill and collect the workbook, and what each answer means."""
    from openpyxl.styles import Alignment, Font  # lazily, as in workbook_bytes

    help_ = wb.create_sheet(HELP_SHEET)
    help_.column_dimensions["A"].width = 14
    help_.column_dimensions["B"].width = 110
    help_.append(
        [
            inst.title,
            f"Version {inst.version}"
            + (f", wave {wave}" if wave else "")
            + (f", {partnership.name}" if partnership else ""),
        ]
    )
    help_["A1"].font = Font(bold=True)
    for para in inst.instructions.split("\n\n"):
        help_.append(["", para.strip()])
    help_.append(
        [
            "",
            "One row per respondent on the Answers sheet. Pick each answer from the cell's list; the note on each column's header holds the question and its statements. Save as Excel Workbook (.xlsx) and collect it with: lchd-assess collect PARTNERSHIP_DIR this-file.xlsx --wave WAVE",
        ]
    )
    help_.append([])
    help_.append(["Answer", "Meaning"])
    for n, lab in enumerate(inst.level_labels):
        help_.append([str(n), lab])
    for a in inst.special_answers:
        help_.append([a.code, f"{a.label}: {a.meaning}"])
    for row in help_.iter_rows():
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")


def _text(value: object) -> str:
    """A cell as the text a CSV would hold: 4.0 → '4', empty → ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_workbook(
    path: str | Path, inst: InstrumentFile, display: str | None = None, allow_other_version: bool = False
) -> Responses:
    """The respondents on a workbook's Answers sheet, checked like a CSV file (rows are the
    sheet's row numbers, columns its column numbers); the hidden sheet's version and wave too."""
    from openpyxl.utils import get_column_letter  # lazily, as in workbook_bytes

    path = Path(path)
    disp = display or str(path)
    res = Responses(file=disp, wave=path.stem)
    data, problem = read_input(path, MAX_BYTES, "workbooks")
    if data is None:
        res.findings.append(Finding(*problem, file=disp))  # type: ignore[misc]
        return res
    try:
        from openpyxl import load_workbook  # lazily, as in workbook_bytes

        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        res.findings.append(
            Finding(
                "workbook-unreadable",
                f"not readable as an Excel workbook ({type(exc).__name__}); save it again as Excel Workbook (.xlsx)",
                file=disp,
            )
        )
        return res
    try:
        if META_SHEET in wb.sheetnames:
            meta = {
                str(r[0]): r[1]
                for r in wb[META_SHEET].iter_rows(min_row=1, max_row=10, max_col=2, values_only=True)
                if r and r[0] is not None
            }
            if (meta.get("instrument"), str(meta.get("instrument_version"))) != (
                inst.id,
                inst.version,
            ) and not allow_other_version:
                res.findings.append(
                    Finding(
                        "responses-instrument-version",
                        f"the workbook was made for {meta.get('instrument')} {meta.get('instrument_version')}, but the current instrument is {inst.id} {inst.version}; make a new workbook with `lchd-assess questionnaire --format xlsx`",
                        file=disp,
                    )
                )
                return res
            res.declared_wave = str(meta.get("wave") or "") or None
        ws = wb[ANSWERS_SHEET] if ANSWERS_SHEET in wb.sheetnames else wb.worksheets[0]
        rows = [(n, [_text(v) for v in row]) for n, row in enumerate(ws.iter_rows(values_only=True), start=1)]
    finally:
        wb.close()
    read_rows(rows, inst, res, allow_other_version)
    # A spreadsheet user looks for a cell (D5), not a line and column.
    res.findings = [_cell(f, get_column_letter) for f in res.findings]
    return res


def _cell(f: Finding, letter) -> Finding:  # noqa: ANN001
    if f.line is None or f.column is None:
        return f

    return f.replace(message=f"cell {letter(f.column)}{f.line}: {f.message}")


def check_xlsx(path: Path, display: str, index: object) -> list[Finding]:
    """An answer workbook (responses/<wave>.xlsx) is checked like a CSV file (`validate`)."""
    try:
        inst = load_assessment().instrument
    except InputError as exc:
        return [Finding("responses-no-instrument", f"cannot check answers: {exc}", file=display)]
    return read_workbook(path, inst, display=display).findings

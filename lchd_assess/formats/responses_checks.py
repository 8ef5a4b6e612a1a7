"""The checks every way in shares: a table of cells (header first, each row with its line or sheet
row number) → respondents, findings with row and column, and notes.

CSV files (:mod:`.responses`), workbooks and answer files all come through :func:`read_rows`,
so every way in obeys the same rules.  The header is checked first (which columns, which
instrument version: :mod:`.responses_header`), then each row here (respondent code, sector,
role, version cell, answers; single cells: :mod:`.responses_cells`).
"""

from __future__ import annotations

import functools
import operator
from typing import Callable

from ..core.text import has_hidden
from ..load.instrument import InstrumentFile
from ..score.models import Answer, Respondent, Responses
from .responses_cells import _LOOKS_IDENTIFYING, _cut, _Out, _suggest, parse_answer
from .responses_header import _columns, _Columns, _header_version
from ..core.formatting import plural


def read_rows(
    rows: list[tuple[int, list[str]]], inst: InstrumentFile, res: Responses, allow_other_version: bool = False
) -> None:
    """Check a table of cells (header first; each row with its line or sheet row number) and
    add its respondents, findings and notes to ``res``: the one reader behind CSV files,
    workbooks and answer files, so every way in obeys the same rules."""
    out = _Out(res)
    if not rows or not any(c.strip() for c in rows[0][1]):
        out.add("responses-empty", "the file has no header row; start from `lchd-assess template`", 1, 1)
        return
    cols = _columns(rows[0], inst, out)
    if cols is None:
        return
    _header_version(cols, inst, res, out, allow_other_version)
    _RowChecks(cols, inst, res, out, allow_other_version).run(rows[1:])


class _RowChecks:
    """The checks of each respondent row, and what they leave behind for the notes."""

    def __init__(
        self, cols: _Columns, inst: InstrumentFile, res: Responses, out: _Out, allow_other_version: bool
    ) -> None:
        self.cols, self.inst, self.res, self.out = cols, inst, res, out
        self.allow_other_version = allow_other_version
        self.sectors = [s.id for s in inst.sectors]
        self.roles = [r.id for r in inst.roles]
        self.seen: dict[str, int] = {}
        self.nothing: list[tuple[int, str]] = []
        self.parsed: dict[str, tuple[bool, Answer]] = {}
        # A file holds few distinct cells (0–4, DK, NA, blank) in many places: each good one is
        # parsed once per file and looked up after that, a row at a time (1.5 M answers read in
        # a fraction of the time).
        self.value_of: dict[str, Answer] = dict(_COMMON_VALUES)
        self.item_names = [name for name, _ in cols.item_cols]
        self.item_cells = _picker([j for _, j in cols.item_cols])
        self.unnamed = [j for j, name in enumerate(cols.header) if not name]
        # What an ordinary row is checked against in one go (see _ordinary).
        self.plain_width = len(cols.header) if not self.unnamed and cols.version_col is None else -1
        self.fixed = [cols.col_of[c] for c in ("respondent_id", "sector", "role")]
        self.sector_set, self.role_set = set(self.sectors), set(self.roles)

    @functools.cached_property
    def versions(self) -> list[str]:
        """The instrument's known versions, for files with a version column (most have none)."""
        return self.inst.known_versions()

    def run(self, rows: list[tuple[int, list[str]]]) -> None:
        out, col_of = self.out, self.cols.col_of
        data_rows = 0
        blank: list[int] = []
        last_data = 0
        for line, rec in rows:
            # the first cell (the respondent code) is nearly always filled: look no further
            if not (rec and rec[0].strip()) and not any(c.strip() for c in rec):
                blank.append(line)
                continue
            data_rows += 1
            last_data = line
            r = self._ordinary(line, rec) or self.row(line, rec)
            if r is not None:
                self.res.respondents.append(r)
        nothing = self.nothing
        # Blank rows after the last respondent are what spreadsheets leave behind: not worth a word.
        inner = [b for b in blank if b < last_data]
        if inner:
            shown = ", ".join(str(b) for b in inner[:3]) + (f" and {len(inner) - 3} more" if len(inner) > 3 else "")
            out.note(
                "responses-blank-rows",
                f"{plural(len(inner), 'blank row')} skipped ({'row' if len(inner) == 1 else 'rows'} {shown})",
                inner[0],
                1,
            )
        for line, rid in nothing:
            out.note(
                "responses-no-answers",
                f"respondent '{_cut(rid)}' answered no question; not counted as a respondent",
                line,
                col_of["respondent_id"] + 1,
            )
        if data_rows == 0:
            out.add("responses-empty", "the file has a header but no respondent rows", self.cols.line + 1, 1)

    def _ordinary(self, line: int, rec: list[str]) -> Respondent | None:
        """The row's respondent when nothing about it needs a word, checked in one go: the
        header's width, no unnamed or version column, a new code that is visible and does not
        look like a name, a known sector and role, every answer cell a spelling already met in
        this file, and at least one answer.  None sends the row through :meth:`row`, whose
        checks one by one then say what is unusual: every message comes from there alone, and
        nothing is recorded here for a row that goes on to :meth:`row`."""
        if len(rec) != self.plain_width:
            return None
        i, s, r = self.fixed
        rid, sector, role = rec[i].strip(), rec[s].strip(), rec[r].strip()
        if not rid or rid in self.seen or not rid.isprintable() or _LOOKS_IDENTIFYING.search(rid):
            return None
        if sector not in self.sector_set or role not in self.role_set:
            return None
        try:
            values = list(map(self.value_of.__getitem__, self.item_cells(rec)))
        except KeyError:
            return None
        # Most rows answer the first question: only a row that left it blank is counted through.
        if values and values[0] is None and values.count(None) == len(values):
            return None
        self.seen[rid] = line
        comments = {item: c for item, j in self.cols.comment_cols if (c := rec[j].strip())}
        return Respondent(rid, sector, role, dict(zip(self.item_names, values)), comments, line)

    def row(self, line: int, rec: list[str]) -> Respondent | None:
        """The row's respondent, or None: findings for what is wrong, or (with no answer at
        all) kept for a note."""
        cells = self._cells(line, rec)
        rid, ok_id = self._respondent_id(line, cells)
        sector, role, ok_codes = self._codes(line, cells)
        values, ok_answers = self._answers(line, cells)
        answers = dict(zip(self.item_names, values))
        comments = {item: cells[j].strip() for item, j in self.cols.comment_cols if cells[j].strip()}
        ok_row = ok_id and ok_codes and ok_answers
        if ok_row and values and values.count(None) == len(values):
            # Counting them would raise the number of respondents without a single answer.
            self.nothing.append((line, rid))
            return None
        return Respondent(rid, sector, role, answers, comments, line) if ok_row else None

    def _cells(self, line: int, rec: list[str]) -> list[str]:
        """The row padded to the header's width; findings for cells outside named columns."""
        out, width = self.out, len(self.cols.header)
        if len(rec) > width:
            extra = (
                next(k for k in range(width, len(rec)) if rec[k].strip())
                if any(c.strip() for c in rec[width:])
                else None
            )
            if extra is not None:
                out.add(
                    "responses-extra-cells",
                    f"cell in column {extra + 1} is to the right of the last header column; delete it or give the column a header",
                    line,
                    extra + 1,
                )
        cells = rec if len(rec) == width else rec + [""] * (width - len(rec))
        for j in self.unnamed:
            if cells[j].strip():
                out.add(
                    "responses-extra-cells",
                    f"cell in column {j + 1} has no header; give the column a header or empty it",
                    line,
                    j + 1,
                )
        return cells

    def _respondent_id(self, line: int, cells: list[str]) -> tuple[str, bool]:
        """The respondent code and whether it can be used (present, visible, not a name, unique)."""
        out, col_of, seen = self.out, self.cols.col_of, self.seen
        rid = cells[col_of["respondent_id"]].strip()
        ok_row = True
        if not rid:
            out.add(
                "responses-missing-respondent-id",
                "respondent_id is empty; give every row a made-up code such as R07 (never a name)",
                line,
                col_of["respondent_id"] + 1,
            )
            ok_row = False
        elif has_hidden(rid):
            # R01 and R01 with a zero-width space or a NUL look the same to people but are two
            # codes to a computer: one person would count twice
            out.add(
                "responses-invisible-character",
                f"respondent_id '{_cut(rid)}' holds an invisible or control character; type the code again by hand",
                line,
                col_of["respondent_id"] + 1,
            )
            ok_row = False
        elif _LOOKS_IDENTIFYING.search(rid):
            # The value is not repeated in the message: it may be someone's name.
            out.add(
                "responses-identifying-id",
                "respondent_id looks like a name or an e-mail address; replace it with a made-up code such as R07",
                line,
                col_of["respondent_id"] + 1,
            )
            ok_row = False
        elif rid in seen:
            out.add(
                "responses-duplicate-respondent",
                f"respondent_id '{_cut(rid)}' is already used in row {seen[rid]}; each respondent answers once per wave",
                line,
                col_of["respondent_id"] + 1,
            )
            ok_row = False
        else:
            seen[rid] = line
        return rid, ok_row

    def _codes(self, line: int, cells: list[str]) -> tuple[str, str, bool]:
        """Sector and role codes and whether both are known; the version cell is checked too."""
        out, col_of, inst = self.out, self.cols.col_of, self.inst
        sectors, roles, version_col = self.sectors, self.roles, self.cols.version_col
        allow_other_version = self.allow_other_version
        ok_row = True
        sector = cells[col_of["sector"]].strip()
        if sector not in sectors:
            what = "is empty" if not sector else f"'{_cut(sector)}' is not a sector code"
            out.add(
                "responses-unknown-sector",
                f"sector {what}; use one of: {', '.join(sectors)}{_suggest(sector.lower(), sectors) if sector else ''}",
                line,
                col_of["sector"] + 1,
            )
            ok_row = False
        role = cells[col_of["role"]].strip()
        if role not in roles:
            what = "is empty" if not role else f"'{_cut(role)}' is not a role code"
            out.add(
                "responses-unknown-role",
                f"role {what}; use one of: {', '.join(roles)}{_suggest(role.lower(), roles) if role else ''}",
                line,
                col_of["role"] + 1,
            )
            ok_row = False
        if version_col is not None:
            v = cells[version_col].strip()
            versions = self.versions
            if v and v != inst.version and not (allow_other_version and v in versions):
                known = "an earlier" if v in versions else "an unknown"
                out.add(
                    "responses-instrument-version",
                    f"instrument_version '{_cut(v)}' is {known} version; the current instrument is {inst.version}",
                    line,
                    version_col + 1,
                )
        return sector, role, ok_row

    def _answers(self, line: int, cells: list[str]) -> tuple[list[Answer], bool]:
        """Each item's answer (in item column order) and whether all of them are answers."""
        picked = self.item_cells(cells)
        try:
            return list(map(self.value_of.__getitem__, picked)), True
        except KeyError:  # a cell not met before in this file, or one that is not an answer
            pass
        parsed, value_of = self.parsed, self.value_of
        values: list[Answer] = []
        bad = False
        for cell in picked:
            got = parsed.get(cell)
            if got is None:
                got = parsed[cell] = parse_answer(cell)
                if got[0]:
                    value_of[cell] = got[1]
            bad = bad or not got[0]
            values.append(got[1])
        if bad:
            for name, j in self.cols.item_cols:
                if not parsed[cells[j]][0]:
                    self.out.add(
                        "responses-bad-value",
                        f"'{_cut(cells[j].strip())}' in {name} is not an answer; use 0–4, DK, NA or leave it empty",
                        line,
                        j + 1,
                    )
        return values, not bad


#: The cells nearly every file is made of, parsed once at import (parse_answer depends on the
#: cell alone): a file's first rows then take the look-up path too, instead of the cell-by-cell
#: loop until each spelling has been met (about four rows a file).
_COMMON_VALUES: dict[str, Answer] = {
    c: v for c in ("", "0", "1", "2", "3", "4", "DK", "NA") for ok, v in [parse_answer(c)] if ok
}


def _picker(columns: list[int]) -> Callable[[list[str]], list[str]]:
    """A function that picks the given columns of a row, in that order."""
    if not columns:
        return lambda cells: []
    if len(columns) == 1:
        return lambda cells: [cells[columns[0]]]
    first, last = columns[0], columns[-1]
    if columns == list(range(first, last + 1)):
        # The items side by side in order, as in every file made from the template: one slice.
        return lambda cells: cells[first : last + 1]
    get = operator.itemgetter(*columns)
    return lambda cells: get(cells)  # type: ignore[no-any-return]

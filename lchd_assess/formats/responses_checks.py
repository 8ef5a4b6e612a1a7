"""The checks every way in shares: a table of cells (header first, each row with its line or sheet
row number) → respondents, findings with row and column, and notes.

CSV files (:mod:`.responses`), workbooks and answer files all come through :func:`read_rows`,
so every way in obeys the same rules.  The header is checked first (which columns, which
instrument version), then each row (respondent code, sector, role, version cell, answers).
"""

from __future__ import annotations

import difflib
import operator
import re
from dataclasses import dataclass
from typing import Callable

from ..core.findings import Finding
from ..core.text import excerpt, has_hidden
from ..load.instrument import DONT_KNOW, LEVEL_VALUES, NOT_APPLICABLE, InstrumentFile
from ..score.models import Answer, Respondent, Responses

FIXED_COLUMNS = ("respondent_id", "sector", "role")
VERSION_COLUMN = "instrument_version"
COMMENT_SUFFIX = "_comment"

_LOOKS_IDENTIFYING = re.compile(r"@|[^\W\d_]{2,}\s+[^\W\d_]{2,}")


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


#: Answers as people type them, and the code each one means: the one table of accepted
#: spellings (compared after lower-casing, straightening apostrophes and collapsing spaces).
#: The codebook prints it, so what the reader accepts is documented where people look.
ANSWER_ALIASES: tuple[tuple[str, str], ...] = (
    ("dk", DONT_KNOW),
    ("don't know", DONT_KNOW),
    ("dont know", DONT_KNOW),
    ("do not know", DONT_KNOW),
    ("na", NOT_APPLICABLE),
    ("n/a", NOT_APPLICABLE),
    ("n.a.", NOT_APPLICABLE),
    ("not applicable", NOT_APPLICABLE),
    ("does not apply", NOT_APPLICABLE),
)
_ALIASES = dict(ANSWER_ALIASES)
# Spreadsheets turn 4 into 4.0 (or 4,0 where the decimal mark is a comma); that is still 4.
_WHOLE_NUMBER = re.compile(r"^([0-9])(?:[.,]0+)?$")


def parse_answer(cell: str) -> tuple[bool, Answer]:
    """(ok, value) for one answer cell: 0–4 (also written 4.0 or 4,0), or a spelling of DK/NA
    listed in :data:`ANSWER_ALIASES`; an empty cell is a skipped question."""
    s = cell.strip()
    if not s:
        return True, None
    m = _WHOLE_NUMBER.match(s)
    if m:
        n = int(m.group(1))
        return (True, n) if n in LEVEL_VALUES else (False, None)
    key = " ".join(s.replace("\u2019", "'").replace("\u2018", "'").lower().split())
    code = _ALIASES.get(key)
    return (True, code) if code else (False, None)


# A header that looks like an item ID (P9.Q1, FS2.Q3_comment) but is not one is a mistake to
# fix; any other unknown header (a form's Timestamp, Email address) is ignored with a note.
_ITEM_SHAPED = re.compile(r"^(P|FS)[0-9]+\.Q[0-9]+(_comment)?$", re.IGNORECASE)


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


class _Out:
    """Where findings (what must be fixed) and notes (what was done on purpose) go, with the file."""

    def __init__(self, res: Responses) -> None:
        self.res = res

    def add(self, code: str, msg: str, row: int | None = None, col: int | None = None) -> None:
        self.res.findings.append(Finding(code, msg, file=self.res.file, line=row, column=col))

    def note(self, code: str, msg: str, row: int | None = None, col: int | None = None) -> None:
        self.res.notes.append(Finding(code, msg, file=self.res.file, line=row, column=col))


@dataclass
class _Columns:
    """What the header says: each column's meaning and place (0-based)."""

    line: int
    header: list[str]
    col_of: dict[str, int]
    item_cols: list[tuple[str, int]]
    comment_cols: list[tuple[str, int]]
    version_col: int | None


def _columns(first: tuple[int, list[str]], inst: InstrumentFile, out: _Out) -> _Columns | None:
    """The header's columns; None (with a finding) when a fixed column is missing."""
    header_line, header = first
    header = [h.strip() for h in header]
    history = {i.id for i in inst.items}
    current = set(inst.item_ids())
    col_of: dict[str, int] = {}
    item_cols: list[tuple[str, int]] = []
    comment_cols: list[tuple[str, int]] = []
    ignored: list[tuple[str, int]] = []
    version_col: int | None = None
    for j, name in enumerate(header):
        c = j + 1
        if not name:
            # An unnamed column is harmless only while every cell below it is empty.
            continue
        if name in col_of:
            out.add(
                "responses-duplicate-column",
                f"column '{_cut(name)}' appears twice (first in column {col_of[name] + 1}); delete one",
                header_line,
                c,
            )
            continue
        col_of[name] = j
        if name in FIXED_COLUMNS:
            continue
        if name == VERSION_COLUMN:
            version_col = j
        elif name in history:
            item_cols.append((name, j))
        elif name.endswith(COMMENT_SUFFIX) and name[: -len(COMMENT_SUFFIX)] in history:
            comment_cols.append((name[: -len(COMMENT_SUFFIX)], j))
        elif _ITEM_SHAPED.match(name):
            out.add(
                "responses-unknown-column",
                f"'{_cut(name)}' is not an item of instrument {inst.version} nor a known column{_suggest(name, sorted(current) + list(FIXED_COLUMNS))}",
                header_line,
                c,
            )
        else:
            ignored.append((name, c))
    if ignored:
        shown = ", ".join(f"'{_cut(n)}' (column {c})" for n, c in ignored[:6]) + (
            f" and {len(ignored) - 6} more" if len(ignored) > 6 else ""
        )
        out.note(
            "responses-ignored-columns", f"not read, not part of the instrument: {shown}", header_line, ignored[0][1]
        )
    missing_fixed = [n for n in FIXED_COLUMNS if n not in col_of]
    if missing_fixed:
        out.add(
            "responses-missing-column",
            f"the header lacks {', '.join(missing_fixed)}; the first columns must be respondent_id,sector,role",
            header_line,
            1,
        )
        return None
    return _Columns(header_line, header, col_of, item_cols, comment_cols, version_col)


def _header_version(cols: _Columns, inst: InstrumentFile, res: Responses, out: _Out, allow_other_version: bool) -> None:
    """Which instrument version the item columns belong to; findings for columns that fit none."""
    header_line, header, item_cols = cols.line, cols.header, cols.item_cols
    current = set(inst.item_ids())

    # Which instrument version does the header belong to?
    have = {n for n, _ in item_cols}
    res.items = [n for n, _ in item_cols]
    if have == current:
        res.version = inst.version
    else:
        matches = [v for v in inst.known_versions() if inst.items_at(v) == have]
        if matches:
            res.version = matches[-1]
            if not allow_other_version:
                out.add(
                    "responses-instrument-version",
                    f"the item columns match instrument version {res.version}, but the current version is {inst.version}; collect answers with the current template (`lchd-assess template`)",
                    header_line,
                    1,
                )
        else:
            # Columns missing from a file of an earlier version are named against that version
            # (the latest version whose items include every column present), not the current one.
            within = [v for v in inst.known_versions() if have <= inst.items_at(v)] if allow_other_version else []
            base = within[-1] if within and within[-1] != inst.version else None
            if base is not None:
                missing = sorted(inst.items_at(base) - have, key=_item_sort_key)
                of = f" of instrument version {base}"
            else:
                retired = sorted(have - current)
                if retired:
                    j = dict(item_cols)[retired[0]]
                    out.add(
                        "responses-instrument-version",
                        f"item column(s) {', '.join(retired)} are not part of instrument {inst.version} (they belong to an earlier version); use the current template",
                        header_line,
                        j + 1,
                    )
                missing = sorted(current - have, key=_item_sort_key)
                of = ""
            if missing:
                shown = ", ".join(missing[:6]) + (f" and {len(missing) - 6} more" if len(missing) > 6 else "")
                out.add(
                    "responses-missing-item-column",
                    f"the header lacks item column(s) {shown}{of}; put them back (cells may stay empty)",
                    header_line,
                    len(header) + 1,
                )


class _RowChecks:
    """The checks of each respondent row, and what they leave behind for the notes."""

    def __init__(
        self, cols: _Columns, inst: InstrumentFile, res: Responses, out: _Out, allow_other_version: bool
    ) -> None:
        self.cols, self.inst, self.res, self.out = cols, inst, res, out
        self.allow_other_version = allow_other_version
        self.sectors = [s.id for s in inst.sectors]
        self.roles = [r.id for r in inst.roles]
        self.versions = inst.known_versions()
        self.seen: dict[str, int] = {}
        self.nothing: list[tuple[int, str]] = []
        self.parsed: dict[str, tuple[bool, Answer]] = {}
        # A file holds few distinct cells (0–4, DK, NA, blank) in many places: each good one is
        # parsed once per file and looked up after that, a row at a time (1.5 M answers read in
        # a fraction of the time).
        self.value_of: dict[str, Answer] = {}
        self.item_names = [name for name, _ in cols.item_cols]
        self.item_cells = _picker([j for _, j in cols.item_cols])
        self.unnamed = [j for j, name in enumerate(cols.header) if not name]

    def run(self, rows: list[tuple[int, list[str]]]) -> None:
        out, col_of = self.out, self.cols.col_of
        data_rows = 0
        blank: list[int] = []
        last_data = 0
        for line, rec in rows:
            if not any(c.strip() for c in rec):
                blank.append(line)
                continue
            data_rows += 1
            last_data = line
            r = self.row(line, rec)
            if r is not None:
                self.res.respondents.append(r)
        nothing = self.nothing
        # Blank rows after the last respondent are what spreadsheets leave behind: not worth a word.
        inner = [b for b in blank if b < last_data]
        if inner:
            shown = ", ".join(str(b) for b in inner[:3]) + (f" and {len(inner) - 3} more" if len(inner) > 3 else "")
            out.note("responses-blank-rows", f"{len(inner)} blank row(s) skipped (row {shown})", inner[0], 1)
        for line, rid in nothing:
            out.note(
                "responses-no-answers",
                f"respondent '{_cut(rid)}' answered no question; not counted as a respondent",
                line,
                col_of["respondent_id"] + 1,
            )
        if data_rows == 0:
            out.add("responses-empty", "the file has a header but no respondent rows", self.cols.line + 1, 1)

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
        cells = rec + [""] * (width - len(rec))
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
        out, col_of, inst, versions = self.out, self.cols.col_of, self.inst, self.versions
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


def _picker(columns: list[int]) -> Callable[[list[str]], list[str]]:
    """A function that picks the given columns of a row, in that order."""
    if not columns:
        return lambda cells: []
    if len(columns) == 1:
        return lambda cells: [cells[columns[0]]]
    get = operator.itemgetter(*columns)
    return lambda cells: get(cells)  # type: ignore[no-any-return]


def _cut(text: str, limit: int = 20) -> str:
    """A cell quoted in a message: cut so one bad cell cannot flood the screen, and control
    characters shown as escapes (core/text.py)."""
    return excerpt(text, limit)


def _item_sort_key(item_id: str) -> tuple:
    el, q = item_id.split(".")
    kind = 0 if el.startswith("P") else 1
    return (kind, int(el.lstrip("PFS")), int(q[1:]))

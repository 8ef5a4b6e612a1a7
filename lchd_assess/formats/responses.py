"""Response files: one CSV per wave, one row per respondent, read back as any spreadsheet saves it.

``responses/<wave>.csv`` has the header ``respondent_id,sector,role,<item ids…>`` (columns in
any order; optional ``<item id>_comment`` columns and an optional ``instrument_version``
column).  Cells hold ``0``–``4``, ``DK`` (don't know), ``NA`` (not applicable) or nothing.
:func:`read_responses` never raises on bad content: it returns the respondents it could read
and findings with the row and column of each problem (``file:row:col``).

Which instrument version a file belongs to is read from its header: the set of item columns
identifies the version (each version's item set is known from the items' ``since_version`` and
``retired_in``).  A filled ``instrument_version`` cell is checked too.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from pathlib import Path

from ..core.errors import InputError
from ..core.files import read_input, utf16_kind
from ..core.text import has_hidden
from ..load.translation import Translation
from ..core.findings import Finding
from ..core.outputs import csv_text
from ..load.instrument import DONT_KNOW, LEVEL_VALUES, NOT_APPLICABLE, InstrumentFile, load_assessment
from ..score.models import Answer, Respondent, Responses  # noqa: F401  (what a read returns; re-exported)

MAX_BYTES = 20 * 1024 * 1024
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


def csv_records(text: str, delimiter: str) -> tuple[list[tuple[int, list[str]]], tuple[int, str] | None]:
    """``(line, cells)`` for each record of ``text``, each with the line it starts on (a quoted
    cell may span lines); on a syntax error, the records read so far and ``(line, reason)``."""
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


def detect_delimiter(text: str) -> str:
    """The delimiter of the header line: comma, semicolon (Excel where the decimal mark is a
    comma) or tab, whichever occurs most outside quotes; comma when none does."""
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
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


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


# A header that looks like an item ID (P9.Q1, FS2.Q3_comment) but is not one is a mistake to
# fix; any other unknown header (a form's Timestamp, Email address) is ignored with a note.
_ITEM_SHAPED = re.compile(r"^(P|FS)[0-9]+\.Q[0-9]+(_comment)?$", re.IGNORECASE)


def read_rows(
    rows: list[tuple[int, list[str]]], inst: InstrumentFile, res: Responses, allow_other_version: bool = False
) -> None:
    """Check a table of cells (header first; each row with its line or sheet row number) and
    add its respondents, findings and notes to ``res``: the one reader behind CSV files,
    workbooks and answer files, so every way in obeys the same rules."""
    disp = res.file

    def add(code: str, msg: str, row: int | None = None, col: int | None = None) -> None:
        res.findings.append(Finding(code, msg, file=disp, line=row, column=col))

    def note(code: str, msg: str, row: int | None = None, col: int | None = None) -> None:
        res.notes.append(Finding(code, msg, file=disp, line=row, column=col))

    if not rows or not any(c.strip() for c in rows[0][1]):
        add("responses-empty", "the file has no header row; start from `lchd-assess template`", 1, 1)
        return
    header_line, header = rows[0]
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
            add(
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
            add(
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
        note("responses-ignored-columns", f"not read, not part of the instrument: {shown}", header_line, ignored[0][1])
    missing_fixed = [n for n in FIXED_COLUMNS if n not in col_of]
    if missing_fixed:
        add(
            "responses-missing-column",
            f"the header lacks {', '.join(missing_fixed)}; the first columns must be respondent_id,sector,role",
            header_line,
            1,
        )
        return

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
                add(
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
                    add(
                        "responses-instrument-version",
                        f"item column(s) {', '.join(retired)} are not part of instrument {inst.version} (they belong to an earlier version); use the current template",
                        header_line,
                        j + 1,
                    )
                missing = sorted(current - have, key=_item_sort_key)
                of = ""
            if missing:
                shown = ", ".join(missing[:6]) + (f" and {len(missing) - 6} more" if len(missing) > 6 else "")
                add(
                    "responses-missing-item-column",
                    f"the header lacks item column(s) {shown}{of}; put them back (cells may stay empty)",
                    header_line,
                    len(header) + 1,
                )
    sectors = [s.id for s in inst.sectors]
    roles = [r.id for r in inst.roles]
    versions = inst.known_versions()
    seen: dict[str, int] = {}
    width = len(header)
    data_rows = 0
    blank: list[int] = []
    nothing: list[tuple[int, str]] = []
    last_data = 0
    for line, rec in rows[1:]:
        if not any(c.strip() for c in rec):
            blank.append(line)
            continue
        data_rows += 1
        last_data = line
        if len(rec) > width:
            extra = (
                next(k for k in range(width, len(rec)) if rec[k].strip())
                if any(c.strip() for c in rec[width:])
                else None
            )
            if extra is not None:
                add(
                    "responses-extra-cells",
                    f"cell in column {extra + 1} is to the right of the last header column; delete it or give the column a header",
                    line,
                    extra + 1,
                )
        cells = rec + [""] * (width - len(rec))
        for j, name in enumerate(header):
            if not name and cells[j].strip():
                add(
                    "responses-extra-cells",
                    f"cell in column {j + 1} has no header; give the column a header or empty it",
                    line,
                    j + 1,
                )
        rid = cells[col_of["respondent_id"]].strip()
        ok_row = True
        if not rid:
            add(
                "responses-missing-respondent-id",
                "respondent_id is empty; give every row a made-up code such as R07 (never a name)",
                line,
                col_of["respondent_id"] + 1,
            )
            ok_row = False
        elif has_hidden(rid):
            # R01 and R01 with a zero-width space or a NUL look the same to people but are two
            # codes to a computer: one person would count twice
            add(
                "responses-invisible-character",
                f"respondent_id '{_cut(rid)}' holds an invisible or control character; type the code again by hand",
                line,
                col_of["respondent_id"] + 1,
            )
            ok_row = False
        elif _LOOKS_IDENTIFYING.search(rid):
            # The value is not repeated in the message: it may be someone's name.
            add(
                "responses-identifying-id",
                "respondent_id looks like a name or an e-mail address; replace it with a made-up code such as R07",
                line,
                col_of["respondent_id"] + 1,
            )
            ok_row = False
        elif rid in seen:
            add(
                "responses-duplicate-respondent",
                f"respondent_id '{_cut(rid)}' is already used in row {seen[rid]}; each respondent answers once per wave",
                line,
                col_of["respondent_id"] + 1,
            )
            ok_row = False
        else:
            seen[rid] = line
        sector = cells[col_of["sector"]].strip()
        if sector not in sectors:
            what = "is empty" if not sector else f"'{_cut(sector)}' is not a sector code"
            add(
                "responses-unknown-sector",
                f"sector {what}; use one of: {', '.join(sectors)}{_suggest(sector.lower(), sectors) if sector else ''}",
                line,
                col_of["sector"] + 1,
            )
            ok_row = False
        role = cells[col_of["role"]].strip()
        if role not in roles:
            what = "is empty" if not role else f"'{_cut(role)}' is not a role code"
            add(
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
                add(
                    "responses-instrument-version",
                    f"instrument_version '{_cut(v)}' is {known} version; the current instrument is {inst.version}",
                    line,
                    version_col + 1,
                )
        answers: dict[str, Answer] = {}
        for name, j in item_cols:
            good, value = parse_answer(cells[j])
            if not good:
                add(
                    "responses-bad-value",
                    f"'{_cut(cells[j].strip())}' in {name} is not an answer; use 0–4, DK, NA or leave it empty",
                    line,
                    j + 1,
                )
                ok_row = False
            answers[name] = value
        comments = {item: cells[j].strip() for item, j in comment_cols if cells[j].strip()}
        if ok_row and item_cols and all(v is None for v in answers.values()):
            # Counting them would raise the number of respondents without a single answer.
            nothing.append((line, rid))
            continue
        if ok_row:
            res.respondents.append(Respondent(rid, sector, role, answers, comments, line))
    # Blank rows after the last respondent are what spreadsheets leave behind: not worth a word.
    inner = [b for b in blank if b < last_data]
    if inner:
        shown = ", ".join(str(b) for b in inner[:3]) + (f" and {len(inner) - 3} more" if len(inner) > 3 else "")
        note("responses-blank-rows", f"{len(inner)} blank row(s) skipped (row {shown})", inner[0], 1)
    for line, rid in nothing:
        note(
            "responses-no-answers",
            f"respondent '{_cut(rid)}' answered no question; not counted as a respondent",
            line,
            col_of["respondent_id"] + 1,
        )
    if data_rows == 0:
        add("responses-empty", "the file has a header but no respondent rows", header_line + 1, 1)


def _cut(text: str, limit: int = 20) -> str:
    """A cell quoted in a message: cut so one bad cell cannot flood the screen, and control
    characters shown as escapes (core/text.py)."""
    from ..core.text import excerpt

    return excerpt(text, limit)


def _item_sort_key(item_id: str) -> tuple:
    el, q = item_id.split(".")
    kind = 0 if el.startswith("P") else 1
    return (kind, int(el.lstrip("PFS")), int(q[1:]))


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


# -- The blank template and its codebook -----------------------------------------------------


def template_header(inst: InstrumentFile, comments: bool = False) -> list[str]:
    cols = list(FIXED_COLUMNS)
    for item_id in inst.item_ids():
        cols.append(item_id)
        if comments:
            cols.append(item_id + COMMENT_SUFFIX)
    return cols


def template_csv(inst: InstrumentFile, comments: bool = False) -> str:
    return csv_text([template_header(inst, comments)])


def codebook_markdown(inst: InstrumentFile, csv_name: str, translation: Translation | None = None) -> str:
    """A codebook a person can read: every column, its question, answers and codes.

    With a ``translation`` every text is in that language (IDs and codes stay as they are, so
    the same answer file serves every language) and the translation's status is stated first.
    """
    from ..load.translation import UI_EN, localized_instrument

    ui = dict(UI_EN)
    if translation is not None:
        ui.update(translation.ui())
        inst = localized_instrument(inst, translation)
    L: list[str] = []
    L.append("# " + ui["codebook_title"].format(title=inst.title, version=inst.version))
    L.append("")
    if translation is not None:
        L.append(f"> **{translation.model.language_name}** · {translation.model.status_note.strip()}")
        L.append("")
    L.append(ui["codebook_intro"].format(csv_name=csv_name, version=inst.version))
    L.append("")
    L.append(inst.instructions.strip())
    L.append("")
    L.append(f"## {ui['who_heading']}")
    L.append("")
    L.append(f"| {ui['column']} | {ui['what_to_write']} |")
    L.append("|---|---|")
    L.append(f"| `respondent_id` | {ui['respondent_id_help']} |")
    L.append(f"| `sector` | {ui['sector_help']} |")
    L.append(f"| `role` | {ui['role_help']} |")
    L.append("")
    L.append(f"| {ui['sector_code']} | {ui['sector']} | {ui['sector_group']} |")
    L.append("|---|---|---|")
    group_label = inst.group_labels()
    for s in inst.sectors:
        L.append(f"| `{s.id}` | {s.label} | {group_label.get(s.group, s.group)} |")
    L.append("")
    L.append(f"| {ui['role_code']} | {ui['role']} |")
    L.append("|---|---|")
    for r in inst.roles:
        L.append(f"| `{r.id}` | {r.label} |")
    L.append("")
    L.append(f"## {ui['answers_heading']}")
    L.append("")
    L.append(ui["answers_intro"])
    L.append("")
    L.append(f"| {ui['write']} | {ui['meaning']} |")
    L.append("|---|---|")
    for n, lab in enumerate(inst.level_labels):
        L.append(f"| `{n}` | {ui['level_row'].format(label=lab, n=n)} |")
    for a in inst.special_answers:
        L.append(f"| `{a.code}` | {a.label}: {a.meaning} |")
    L.append("")
    L.append(ui["aliases_intro"])
    L.append("")
    L.append(f"| {ui['written']} | {ui['read_as']} |")
    L.append("|---|---|")
    for written, code in ANSWER_ALIASES:
        L.append(f"| `{written}` | `{code}` |")
    L.append("")
    L.append(ui["columns_note"])
    L.append("")
    L.append(ui["comment_note"])
    L.append("")
    L.append(f"## {ui['items_heading']}")
    by_el = {s.element: s for s in inst.sections}
    for sec in inst.sections:
        L.append("")
        L.append(f"### {sec.element}: {sec.title}")
        L.append("")
        L.append(sec.intro.strip())
        for item in inst.active_items():
            if item.element != sec.element:
                continue
            L.append("")
            L.append("#### " + ui["column_heading"].format(id=item.id))
            L.append("")
            L.append(item.stem.strip())
            if item.who_knows:
                L.append("")
                L.append("*" + ui["who_knows_line"].format(who=item.who_knows) + "*")
            L.append("")
            for n, anchor in enumerate(item.anchors):
                L.append(f"- `{n}`: {anchor.strip()}")
            L.append("- " + ui["dk_na_line"])
    missing = [i for i in inst.active_items() if i.element not in by_el]
    for item in missing:  # items whose element has no section still appear
        L.append("")
        L.append("#### " + ui["column_heading"].format(id=item.id))
        L.append("")
        L.append(item.stem.strip())
    return "\n".join(L) + "\n"

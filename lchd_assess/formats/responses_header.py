"""Answer files, the header row: which column is which, and which instrument version the item
columns belong to (findings with the header's line and the column)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..load.instrument import InstrumentFile
from ..score.models import Responses
from .responses_cells import COMMENT_SUFFIX, FIXED_COLUMNS, VERSION_COLUMN, _cut, _Out, _suggest

# A header that looks like an item ID (P9.Q1, FS2.Q3_comment) but is not one is a mistake to
# fix; any other unknown header (a form's Timestamp, Email address) is ignored with a note.
_ITEM_SHAPED = re.compile(r"^(P|FS)[0-9]+\.Q[0-9]+(_comment)?$", re.IGNORECASE)


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
    # Each item column named by the instrument's own ID string: the scorer then finds the
    # answers in its item order by identity (elements.answer_codes), not by comparing text.
    history = {i.id: i.id for i in inst.items}
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
            item_cols.append((history[name], j))
        elif name.endswith(COMMENT_SUFFIX) and name[: -len(COMMENT_SUFFIX)] in history:
            comment_cols.append((name[: -len(COMMENT_SUFFIX)], j))
        elif _ITEM_SHAPED.match(name):
            out.add(
                "responses-unknown-column",
                f"'{_cut(name)}' is not an item of instrument {inst.version} nor a known column{_suggest(name, sorted(inst.item_ids()) + list(FIXED_COLUMNS))}",
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
                        f"{'item column' if len(retired) == 1 else 'item columns'} {', '.join(retired)} {'is' if len(retired) == 1 else 'are'} not part of instrument {inst.version} (they belong to an earlier version); use the current template",
                        header_line,
                        j + 1,
                    )
                missing = sorted(current - have, key=_item_sort_key)
                of = ""
            if missing:
                shown = ", ".join(missing[:6]) + (f" and {len(missing) - 6} more" if len(missing) > 6 else "")
                out.add(
                    "responses-missing-item-column",
                    f"the header lacks {'item column' if len(missing) == 1 else 'item columns'} {shown}{of}; put {'it' if len(missing) == 1 else 'them'} back (cells may stay empty)",
                    header_line,
                    len(header) + 1,
                )


def _item_sort_key(item_id: str) -> tuple:
    el, q = item_id.split(".")
    kind = 0 if el.startswith("P") else 1
    return (kind, int(el.lstrip("PFS")), int(q[1:]))

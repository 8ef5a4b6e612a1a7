"""Answer files, cell by cell: the fixed columns, the accepted spellings of each answer, and
where findings about a file go (shared by the header and row checks)."""

from __future__ import annotations

import difflib
import re

from ..core.findings import Finding
from ..core.text import excerpt
from ..load.instrument import DONT_KNOW, LEVEL_VALUES, NOT_APPLICABLE
from ..score.models import Answer, Responses

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


def _cut(text: str, limit: int = 20) -> str:
    """A cell quoted in a message: cut so one bad cell cannot flood the screen, and control
    characters shown as escapes (core/text.py)."""
    return excerpt(text, limit)


class _Out:
    """Where findings (what must be fixed) and notes (what was done on purpose) go, with the file."""

    def __init__(self, res: Responses) -> None:
        self.res = res

    def add(self, code: str, msg: str, row: int | None = None, col: int | None = None) -> None:
        self.res.findings.append(Finding(code, msg, file=self.res.file, line=row, column=col))

    def note(self, code: str, msg: str, row: int | None = None, col: int | None = None) -> None:
        self.res.notes.append(Finding(code, msg, file=self.res.file, line=row, column=col))

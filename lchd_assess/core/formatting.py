"""Text for people: numbers, intervals, percentages, lists and Markdown-safe text.

Small pure functions, each tested on its own (tests/test_filters_site.py).  Every stage that
writes words uses these (the score's text output, report contexts, site pages), and the Jinja
environment offers them as filters (:data:`lchd_assess.render.filters.FILTERS`), so a number is
written the same way everywhere.
"""

from __future__ import annotations

import math
import re
from typing import Any


def score(value: float | None, digits: int = 0) -> str:
    """A 0–100 score for display; ``—`` when not computable."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:.{digits}f}"


def interval(value: Any, digits: int = 0) -> str:
    """``[lo, hi]`` → ``lo–hi``; ``—`` when missing."""
    if not value or value[0] is None or value[1] is None:
        return "—"
    return f"{value[0]:.{digits}f}–{value[1]:.{digits}f}"


def percent(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "—"
    return f"{100 * value:.{digits}f}%"


def plural(n: int, singular: str, plural_: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural_ or singular + 's')}"


def join_and(items: list[str]) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def slug(value: str) -> str:
    out = "".join(c.lower() if c.isalnum() else "-" for c in value)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


def md_escape(value: str) -> str:
    """Escape text for a Markdown table cell or inline position."""
    out = str(value)
    for ch in ("\\", "|", "*", "_", "[", "]", "<", ">", "`"):
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


_MD_SPECIAL = ("\\", "`", "*", "_", "[", "]", "|", "{", "}")
#: Every character md_text escapes, in one table: one pass over the text instead of twelve (the
#: site's pages call it some 4,500 times a build).  It gives what replacing one character after
#: another in this order gave: no replacement holds a character that a later one would change.
_MD_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{ch: "\\" + ch for ch in _MD_SPECIAL}})
_NUMBERED = re.compile(r"\d+([.)])")


def md_text(value: str) -> str:
    """Plain text for a Markdown page (inline or table cell), shown exactly as written.

    Unlike :func:`md_escape`, ``&``, ``<`` and ``>`` become HTML entities (Python-Markdown does
    not honour a backslash before ``<``), so text such as "<5 members" never turns into a tag.
    """
    out = " ".join(str(value).translate(_MD_TEXT).split())
    # a line that starts like a heading, list or rule would stop being plain text
    if out[:1] in ("#", "-", "+"):
        out = "\\" + out
    m = _NUMBERED.match(out)
    if m:
        out = out[: m.start(1)] + "\\" + out[m.start(1) :]
    return out


def md_prose(value: str) -> str:
    """Like :func:`md_text`, but `backticked` spans stay inline code (for messages that name
    a key or a command)."""
    parts = str(value).split("`")
    if len(parts) % 2 == 0:  # an unmatched backtick: show everything as text
        return md_text(value)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f"`{' '.join(part.split())}`" if part.strip() else md_text("``"))
        elif part:
            text = md_text(part)
            out.append(
                (" " if part[:1].isspace() and i else "")
                + text
                + (" " if part[-1:].isspace() and i < len(parts) - 1 else "")
            )
    return "".join(out)

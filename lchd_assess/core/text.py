"""Text from files shown safely to people: terminals, messages and excerpts.

Names, cells and paths come from files anyone can write.  Printed as they are, an ESC sequence
retitles or clears the terminal, a BEL rings, a carriage return overwrites the line, and a
right-to-left override (U+202E) makes a message read backwards.  :func:`visible` shows every such
character as an escape (``\\x1b``, ``\\u202e``) so the message stays one honest line;
:func:`excerpt` also cuts a quoted value to a fixed length, so a 100,000-character cell never
floods a message.
"""

from __future__ import annotations

import unicodedata

#: Longest quoted value in a message (characters before the "…").
EXCERPT_LIMIT = 40

# Categories that never belong in a message as they are: controls (C0, DEL, C1), format
# characters (bidi overrides and isolates, zero-width joiners, BOM), lone surrogates (from
# undecodable file names) and the line/paragraph separators.
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _escape(ch: str) -> str:
    n = ord(ch)
    if n < 0x100:
        return f"\\x{n:02x}"
    if n < 0x10000:
        return f"\\u{n:04x}"
    return f"\\U{n:08x}"


def visible(text: str, keep: str = "\n") -> str:
    """``text`` with every control, format or separator character shown as an escape.

    Characters in ``keep`` (by default the newline, for multi-line text output) stay as they are.
    """
    if text.isprintable():  # the common case costs one C-level scan
        return text
    return "".join(_escape(c) if (c not in keep and (unicodedata.category(c) in _HIDDEN)) else c for c in text)


def excerpt(text: str, limit: int = EXCERPT_LIMIT) -> str:
    """A value quoted in a one-line message: cut to ``limit`` characters, nothing hidden."""
    cut = text if len(text) <= limit else text[: limit - 1] + "…"
    return visible(cut, keep="")


def has_hidden(text: str) -> bool:
    """True when ``text`` holds a character :func:`visible` would escape (a code or an ID must
    hold none: not even a tab or a newline)."""
    return not text.isprintable() and any(unicodedata.category(c) in _HIDDEN for c in text)


class VisibleStream:
    """A text stream that shows control characters visibly (newlines and tabs stay).

    The CLI puts its stderr (and stdout, unless it carries JSON or CSV data) behind one of these,
    so no message from any layer can drive the terminal.  ``raw`` is the stream underneath, for
    the progress bar's deliberate carriage return.
    """

    def __init__(self, raw) -> None:  # noqa: ANN001 - any text stream
        self.raw = raw

    def write(self, s: str) -> int:
        self.raw.write(visible(s, keep="\n\t"))
        return len(s)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return bool(getattr(self.raw, "isatty", lambda: False)())

    def __getattr__(self, name: str):  # encoding, fileno, …
        return getattr(self.raw, name)

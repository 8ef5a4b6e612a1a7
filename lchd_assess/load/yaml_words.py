"""PyYAML's parser messages said in words, with the fix, for people who are not programmers.

"mapping values are not allowed here" means, nine times out of ten, a value with a colon in it
(``reported_at: Title page: line 1``); the message should say "quote text that contains a
colon" and show the quoted line.  The table is literal: parser message (start) → explanation.
An unknown message is shown as PyYAML says it, which is still better than nothing.
"""

from __future__ import annotations

import re

#: A line ``key: value`` (optionally a list item) whose value could be put in quotes.
_KEY_VALUE = re.compile(r"^(?P<lead>\s*(?:-\s+)?[^\s:#'\"][^:#]*?:\s+)(?P<value>\S.*?)\s*$")

_WORDS: tuple[tuple[str, str], ...] = (
    ("found character '\\t'", "a tab character where YAML expects spaces; indent and separate with spaces"),
    (
        "found unexpected end of stream",
        "a quote is opened but never closed; add the closing quote at the end of the text",
    ),
    (
        "found unexpected end of stream while scanning a quoted scalar",
        "a quote is opened but never closed; add the closing quote at the end of the text",
    ),
    (
        "found unknown escape character",
        "a backslash inside double quotes; write \\\\ for a backslash, or use single quotes",
    ),
    (
        "expected <block end>, but found",
        "this line is indented differently from the lines around it; line it up with the other fields at its level",
    ),
    (
        "did not find expected key",
        "this line is indented differently from the lines around it, or a quoted text continues after its closing quote; line it up with the other fields, and quote the whole text",
    ),
    (
        "could not find expected ':'",
        "a line that is neither 'field: value' nor the continuation of a text; add the colon after the field name, or indent the continued text further",
    ),
    (
        "expected a comment or a line break",
        "text continues after a closing quote; put the whole text inside the quotes",
    ),
    (
        "found character that cannot start any token",
        "a text starts with a character YAML reserves (such as @, ` or %); put the whole text in double quotes",
    ),
    (
        "found undefined alias",
        "a '*' at the start of a text is read as a reference to something else; put the whole text in double quotes",
    ),
    ("found duplicate anchor", "an '&' at the start of a text is read as a label; put the whole text in double quotes"),
)


def quote_value(line: str) -> str | None:
    """``key: some: text`` → ``key: "some: text"``; None when the line is not ``key: value``."""
    m = _KEY_VALUE.match(line)
    if not m or m.group("value")[:1] in ("'", '"', "[", "{", "|", ">"):
        return None
    value = m.group("value").replace("\\", "\\\\").replace('"', '\\"')
    return f'{m.group("lead")}"{value}"'


def explain(problem: str, line: str | None) -> tuple[str, bool]:
    """(message in words, whether quoting the line's value is the fix) for one parser problem."""
    if problem.startswith("mapping values are not allowed"):
        fixed = quote_value(line or "")
        if fixed is not None:
            return f"quote text that contains a colon: write {fixed.strip()}", True
        return "a colon followed by a space inside a text; put the whole text in double quotes", False
    for start, words in sorted(_WORDS, key=lambda w: -len(w[0])):
        if problem.startswith(start):
            return words, False
    return problem, False

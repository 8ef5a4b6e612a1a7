"""Findings: problems found in a file, as values with a code, a place and a message.

A check never prints and never raises on bad content: it returns :class:`Finding` values that
carry a stable kebab-case ``code`` from :data:`~lchd_assess.core.catalogue.CATALOGUE`, the file, a path into the document
(a tuple such as ``("principles", 2, "source")``), the line and column when known, and a
plain-language message that names the fix.  Callers add file and position late; printing turns
a finding into ``file:line:col: code: message``.  The docs page of messages is generated from the
catalogue, so every code a user can meet is documented in one place.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any, Iterable, Sequence

from .catalogue import CATALOGUE, FindingType  # noqa: F401  (FindingType re-exported)
from .text import visible
from .formatting import plural

#: Longest message printed for one finding (the full text stays in ``--format json``).
MESSAGE_LIMIT = 600

PathT = tuple  # a path into a document: keys (str) and list indexes (int)


class ExitCode(enum.IntEnum):
    """Exit codes shared by every command."""

    OK = 0
    FINDINGS = 1
    BAD_INPUT = 2
    #: a bug in the toolkit, not the user's input (the CLI prints one line, not a traceback)
    INTERNAL_ERROR = 3
    #: stopped with Ctrl-C (128 + SIGINT, as shells report it)
    INTERRUPTED = 130


class Finding:
    """One problem found: immutable, compared and hashed by value, like the frozen dataclass it
    was.  A plain class because every command imports it at start-up and ``@dataclass`` builds
    its methods with ``exec`` (~0.45 ms of CPU on 3.11); :meth:`replace` stands in for
    ``dataclasses.replace``.  Not a dataclass, so pydantic and ``dataclasses.asdict`` do not
    know it: a finding goes into a model or JSON field as the dict of its fields, never as is."""

    _FIELDS = ("code", "message", "file", "path", "line", "column", "value")
    code: str
    message: str
    file: str | None
    path: PathT
    line: int | None  # 1-based
    column: int | None  # 1-based
    value: Any

    def __init__(
        self,
        code: str,
        message: str,
        file: str | None = None,
        path: PathT = (),
        line: int | None = None,
        column: int | None = None,
        value: Any = None,
    ) -> None:
        if code not in CATALOGUE:
            raise ValueError(f"undocumented finding code {code!r}")
        # the instance dict directly: __setattr__ refuses (immutable), copy/pickle restore it the same way
        self.__dict__.update(code=code, message=message, file=file, path=path, line=line, column=column, value=value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple:
        d = self.__dict__
        return tuple(d[k] for k in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"Finding({', '.join(f'{k}={v!r}' for k, v in zip(self._FIELDS, self._values()))})"

    def replace(self, **changes: Any) -> "Finding":
        """A copy with ``changes`` (field names as keywords), as ``dataclasses.replace`` did."""
        return Finding(**{**self.__dict__, **changes})

    @property
    def fatal(self) -> bool:
        return CATALOGUE[self.code].fatal

    def prefixed(self, *parts: str | int) -> "Finding":
        return self.replace(path=tuple(parts) + tuple(self.path))

    def at(self, file: str | None = None, line: int | None = None, column: int | None = None) -> "Finding":
        return self.replace(
            file=self.file if file is None else file,
            line=self.line if line is None else line,
            column=self.column if column is None else column,
        )

    @property
    def pointer(self) -> str:
        """The path as a JSON Pointer (``/principles/2/source``)."""
        return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in self.path)

    def location(self) -> str:
        loc = self.file or "<input>"
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        return loc

    def format_text(self) -> str:
        """One line for people: control and bidi characters shown as escapes, and the message cut
        at :data:`MESSAGE_LIMIT` characters (a quoted cell can never flood a terminal)."""
        message = self.message if len(self.message) <= MESSAGE_LIMIT else self.message[: MESSAGE_LIMIT - 1] + "…"
        return visible(f"{self.location()}: {self.code}: {message}", keep="")

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": list(self.path),
            "pointer": self.pointer,
        }


def sort_key(f: Finding) -> tuple:
    return (f.file or "", f.line or 0, f.column or 0, f.code, f.message)


class Report:
    """The result of checking some inputs: always returned, never raised.  (A plain class, not a
    dataclass, for start-up: see :class:`Finding`; compared by value the same way.)"""

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value: unhashable, as the dataclass was

    def __init__(self, findings: list[Finding] | None = None, checked: list[str] | None = None) -> None:
        self.findings: list[Finding] = [] if findings is None else findings
        self.checked: list[str] = [] if checked is None else checked

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return (self.findings, self.checked) == (other.findings, other.checked)  # type: ignore[attr-defined]
        return NotImplemented

    def __repr__(self) -> str:
        return f"Report(findings={self.findings!r}, checked={self.checked!r})"

    def extend(self, findings: Iterable[Finding]) -> None:
        self.findings.extend(findings)

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def exit_code(self) -> ExitCode:
        if any(f.fatal for f in self.findings):
            return ExitCode.BAD_INPUT
        return ExitCode.FINDINGS if self.findings else ExitCode.OK

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=sort_key)

    def codes(self) -> list[str]:
        return sorted({f.code for f in self.findings})

    def to_dict(self) -> dict[str, Any]:
        return {
            "valid": self.ok,
            "checked": sorted(self.checked),
            "finding_count": len(self.findings),
            "findings": [f.to_dict() for f in self.sorted()],
        }

    def format_text(self, full: bool = False) -> str:
        """The findings for people: one line per file and kind of problem with a count and the
        first places (:func:`summarise`), or every finding on its own line with ``full``
        (``--all``); ``--format json`` always has them all."""
        lines = [f.format_text() for f in self.sorted()] if full else summarise(self.findings)
        n = len(self.checked)
        if self.findings:
            lines.append(f"{plural(len(self.findings), 'finding')} in {plural(n, 'file')}.")
        else:
            lines.append(f"OK: {plural(n, 'file')} checked, no findings.")
        return "\n".join(lines)


def first_line(findings: Sequence[Finding]) -> str:
    return sorted(findings, key=sort_key)[0].format_text() if findings else ""


def summarise(findings: Sequence[Finding], places: int = 3) -> list[str]:
    """One line per file and kind of problem: the first message, how many times it occurs and
    its first few places, so 1,285 bad cells read as one line (``--format json`` keeps them all)."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in sorted(findings, key=sort_key):
        groups.setdefault((f.file or "", f.code), []).append(f)
    lines = []
    for fs in sorted(groups.values(), key=lambda g: sort_key(g[0])):
        first = fs[0]
        if len(fs) == 1:
            lines.append(first.format_text())
            continue
        where = ", ".join(_place(f) for f in fs[:places])
        more = f" and {len(fs) - places} more" if len(fs) > places else ""
        lines.append(f"{first.format_text()} [{len(fs)} times, at {where}{more}]")
    return lines


def _place(f: Finding) -> str:
    if f.line is not None:
        return f"{f.line}:{f.column}" if f.column is not None else str(f.line)
    return f.pointer or "-"

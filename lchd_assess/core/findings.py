"""Findings: problems found in a file, as values with a code, a place and a message.

A check never prints and never raises on bad content: it returns :class:`Finding` values that
carry a stable kebab-case ``code`` from :data:`CATALOGUE`, the file, a path into the document
(a tuple such as ``("principles", 2, "source")``), the line and column when known, and a
plain-language message that names the fix.  Callers add file and position late; printing turns
a finding into ``file:line:col: code: message``.  The docs page of messages is generated from the
catalogue, so every code a user can meet is documented in one place.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

#: Longest message printed for one finding (the full text stays in ``--format json``).
MESSAGE_LIMIT = 600

PathT = tuple  # a path into a document: keys (str) and list indexes (int)


class ExitCode(enum.IntEnum):
    """Exit codes shared by every command."""

    OK = 0
    FINDINGS = 1
    BAD_INPUT = 2


@dataclass(frozen=True)
class FindingType:
    code: str
    title: str
    description: str
    group: str
    #: "input" findings mean the input could not be read at all (exit code 2).
    fatal: bool = False


_TYPES: list[FindingType] = []


def _t(code: str, title: str, description: str, group: str, fatal: bool = False) -> None:
    _TYPES.append(FindingType(code, title, description, group, fatal))


# -- Reading files ---------------------------------------------------------------------------
_t("file-not-found", "File not found", "The path given does not exist. Check the spelling or run the command from the repository root.", "input", fatal=True)
_t("file-unreadable", "File cannot be read", "The file exists but could not be opened (permissions, or it is a folder where a file was expected).", "input", fatal=True)
_t("no-files", "No files to check", "A folder was given but it holds no YAML (.yaml/.yml) or CSV files that the toolkit reads.", "input", fatal=True)
_t("file-too-large", "File too large", "The file is larger than the toolkit accepts for this kind of input; framework and instrument files are small, so a very large file is almost certainly a mistake.", "encoding")
_t("empty-file", "Empty file", "The file holds nothing (or only comments). Every data file must hold a mapping with a `kind` key.", "encoding")
_t("not-utf8", "Not UTF-8", "The file is not valid UTF-8 text. Save it as UTF-8 (in most editors: Save As, Encoding, UTF-8).", "encoding")
_t("utf8-bom", "UTF-8 with byte-order mark", "The file starts with a byte-order mark (BOM). Save it as UTF-8 without BOM so every tool reads the first key the same way.", "encoding")
# -- YAML ------------------------------------------------------------------------------------
_t("yaml-syntax", "YAML syntax error", "The file is not well-formed YAML. The message gives the place where the parser gave up; the mistake is often on the line before.", "yaml")
_t("yaml-tab", "Tab in indentation", "YAML indentation must use spaces. Replace the tab characters with spaces.", "yaml")
_t("yaml-duplicate-key", "Duplicate key", "The same key appears twice in one mapping; YAML would silently keep only the last. Remove or rename one of them.", "yaml")
_t("yaml-yes-no-boolean", "Ambiguous yes/no value", "Unquoted yes, no, on, off, y or n are read as true/false by some tools and as text by others. Write true or false, or quote the word if you mean text.", "yaml")
_t("yaml-unsupported-tag", "Unsupported YAML tag", "The file uses a YAML tag (such as !!python/object) that could run code or build objects. Only plain mappings, lists, text, numbers, true/false and null are allowed.", "yaml")
_t("yaml-alias-limit", "Too many aliases", "The file uses more YAML aliases (*name), or expands to more values, than allowed. This protects against 'billion laughs' files; write the values out instead.", "yaml")
_t("yaml-not-mapping", "Top level is not a mapping", "The file must hold a mapping (key: value pairs) at the top level, starting with `kind:`.", "yaml")
# -- Schema ----------------------------------------------------------------------------------
_t("unknown-kind", "Unknown or missing kind", "Every data file names what it holds in a top-level `kind` key (for example `kind: principles`). The message lists the kinds the toolkit knows.", "schema")
_t("schema-required", "Missing required field", "A field that must be present is missing. Add it; the JSON Schema in schemas/ lists every field.", "schema")
_t("schema-unknown-field", "Unknown field", "A field is not part of the schema, often a typo. Check the spelling against the schema in schemas/.", "schema")
_t("schema-type", "Wrong type", "A value has the wrong type (for example text where a list is expected).", "schema")
_t("schema-value", "Value not allowed", "A value is outside what the schema allows (not one of the listed choices, out of range, too short, or not in the required form).", "schema")
_t("bad-id-pattern", "ID in the wrong form", "Each kind of element has its own ID pattern (P1–P4 for principles, FS1–FS4 for structures, and so on). IDs are permanent addresses, so they must follow the pattern.", "schema")
_t("missing-source", "Element without a source", "Every framework element says where in the paper it comes from (a section heading or a figure). Add `source: {section: ...}` or `source: {figure: ...}`.", "schema")
_t("bad-version", "Version is not semantic", "Versions are semantic versions, MAJOR.MINOR.PATCH, such as 1.0.0.", "schema")
_t("changelog-missing-version", "Version missing from changelog", "The current version has no changelog entry. Add one saying what changed.", "schema")
# -- Semantics -------------------------------------------------------------------------------
_t("duplicate-id", "Duplicate ID", "Two elements share one ID. IDs are never reused: give the new element a new ID and keep a retired element with `status: retired`.", "semantic")
_t("dangling-reference", "Reference to an unknown element", "A field refers to an ID that no element has. Fix the ID or add the element.", "semantic")
_t("wrong-reference-kind", "Reference to the wrong kind of element", "A field refers to an element of a kind it may not point at (for example a limitation where a characteristic is expected).", "semantic")
_t("crosswalk-unknown-target", "Crosswalk target does not exist", "A crosswalk maps onto a principle or structure ID that the framework does not have.", "semantic")
_t("crosswalk-unknown-source", "Crosswalk source element does not exist", "A crosswalk mapping names a source element that the crosswalk does not list.", "semantic")
_t("reference-cycle", "Cycle in links that must be acyclic", "Links such as `builds_on` and `replaced_by` must not loop back to where they started.", "semantic")
_t("wave-undeclared", "Wave without a date", "A file in a partnership's responses/ folder is neither listed under `waves` in partnership.yaml nor named after its closing date (2026-03-31-spring.csv). Waves are put in order by date so that change always runs from earlier to later; add the wave with its label, the date collection closed and its file.", "partnership")
_t("retired-reference", "Reference to a retired element", "A field points at an element whose status is retired. Point at its replacement.", "semantic")


# -- Writing outputs (core/safe_output.py) ---------------------------------------------------
_t("file-outside-folder", "Link out of the partnership folder", "A partnership's files (partnership.yaml and the answers in responses/) must be inside its folder. A symbolic link to a file elsewhere is refused, so that no other file on the computer is read as answers. Copy the file into the folder instead.", "input", fatal=True)
_t("scores-out-of-range", "Scores file with impossible numbers", "A scores file given to `report` or `portfolio` holds a number the scorer never writes (a score outside 0–100, an interval that is not one, a negative count). Score the partnership again with `lchd-assess score --format json` instead of editing the file.", "input", fatal=True)
_t("output-exists", "Output file exists", "A file of that name exists and was not written by lchd-assess (or was changed since it was). Nothing is written: choose another --out, move the file away, or add --force to replace it.", "output", fatal=True)
_t("output-folder-not-ours", "Output folder holds other files", "The output folder is not empty and has no .lchd-outputs.json (the list of files lchd-assess wrote there). Choose a new or empty folder, or add --force to write into it; only files of the same names are replaced, nothing else is removed.", "output", fatal=True)
_t("output-is-input", "Output is an input", "The output would replace, or land inside, a file or folder the command reads (for example a wave's answers). This is refused even with --force: choose an --out outside the inputs.", "output", fatal=True)
_t("output-protected", "Output folder not allowed", "The toolkit never writes its outputs into its own data (framework/, assessments/, schemas/, site_templates/), its code or repository, the current folder itself, a folder above it, the home folder or a drive's top folder. Give a new folder.", "output", fatal=True)


CATALOGUE: dict[str, FindingType] = {t.code: t for t in _TYPES}


def register(code: str, title: str, description: str, group: str, fatal: bool = False) -> None:
    """Add finding types from another pipeline stage (instrument, responses, checklist)."""
    if code in CATALOGUE:
        raise ValueError(f"finding code {code!r} registered twice")
    ft = FindingType(code, title, description, group, fatal)
    _TYPES.append(ft)
    CATALOGUE[code] = ft


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    file: str | None = None
    path: PathT = ()
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    value: Any = None

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:
            raise ValueError(f"undocumented finding code {self.code!r}")

    @property
    def fatal(self) -> bool:
        return CATALOGUE[self.code].fatal

    def prefixed(self, *parts: str | int) -> "Finding":
        return dataclasses.replace(self, path=tuple(parts) + tuple(self.path))

    def at(self, file: str | None = None, line: int | None = None, column: int | None = None) -> "Finding":
        return dataclasses.replace(
            self,
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
        from .text import visible

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


@dataclass
class Report:
    """The result of checking some inputs: always returned, never raised."""

    findings: list[Finding] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

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
            lines.append(f"{len(self.findings)} finding(s) in {n} file(s).")
        else:
            lines.append(f"OK: {n} file(s) checked, no findings.")
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

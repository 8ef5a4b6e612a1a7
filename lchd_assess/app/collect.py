"""Collecting answers into a wave: answer files, workbooks and CSVs merged into responses/<wave>.csv.

The use case behind ``lchd-assess collect`` and, through :func:`merge_into_wave`, every other
way answers arrive (a survey platform's export is read into :class:`Responses` values and
merged the same way).  The rules:

* each source is checked on its own; a source with any finding adds nothing, the others still
  count, and every finding is reported;
* a respondent code already in the wave (or in an earlier source of the same run) is refused,
  saying where it is, unless the row is identical: collecting the same file twice, or a
  workbook that has grown since the last run, adds only what is new;
* existing rows are never rewritten: new rows are appended in the file's own delimiter and line
  ending (the header gains comment columns at its end when new answers carry comments);
* the wave file is written whole or not at all, and not at all with ``dry_run``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
import csv
import io

from ..core.errors import InputError, UsageError
from ..core.findings import Finding
from ..load.instrument import InstrumentFile, load_assessment
from ..core.outputs import csv_text, write_atomic
from ..load.partnership import PartnershipFile, stay_inside, wave_file, wave_is_known, load_partnership
from ..formats.responses import COMMENT_SUFFIX, FIXED_COLUMNS, VERSION_COLUMN, Respondent, Responses, read_responses
from ..formats.answer_file import read_answer_file
from ..formats.workbook import read_workbook
from ..core.paths import display_path


@dataclass
class SourceOutcome:
    """What became of one source file."""

    file: str
    added: list[str] = field(default_factory=list)
    #: Respondents already in the wave with exactly these answers (collected before).
    already: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return bool(self.findings)

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "added": self.added,
            "already_collected": self.already,
            "refused": self.refused,
            "findings": [f.to_dict() for f in self.findings],
            "notes": [f.to_dict() for f in self.notes],
        }


@dataclass
class CollectResult:
    wave: str
    target: str
    existed: bool
    before: int
    sources: list[SourceOutcome]
    dry_run: bool
    written: bool

    @property
    def added(self) -> int:
        return sum(len(s.added) for s in self.sources)

    @property
    def refused(self) -> list[SourceOutcome]:
        return [s for s in self.sources if s.refused]

    def to_dict(self) -> dict:
        return {
            "wave": self.wave,
            "file": self.target,
            "existed": self.existed,
            "respondents_before": self.before,
            "respondents_added": self.added,
            "respondents_after": self.before + self.added,
            "dry_run": self.dry_run,
            "written": self.written,
            "sources": [s.to_dict() for s in self.sources],
        }


def _same(a: Respondent, b: Respondent) -> bool:
    return (a.sector, a.role, a.answers, a.comments) == (
        b.sector,
        b.role,
        {k: v for k, v in b.answers.items() if k in a.answers},
        b.comments,
    )


def merge_into_wave(
    folder: Path,
    wave: str,
    partnership: PartnershipFile,
    inst: InstrumentFile,
    sources: list[Responses],
    display: Callable[[Path], str] = str,
    dry_run: bool = False,
) -> CollectResult:
    """Merge checked sources into ``folder``/responses/``wave``.csv (see the module's rules).

    Raises InputError (nothing written) when the wave is not declared and not dated, or the
    wave file already there cannot be read cleanly.
    """
    target = _wave_file(folder, wave, partnership, display)
    shown = display(target)
    existing, text, delimiter, line_end, header = _read_wave(target, inst, shown)
    before = len(existing)
    outcomes: list[SourceOutcome] = []
    new_rows: list[Respondent] = []
    for src in sources:
        out = _merge_source(src, wave, existing)
        outcomes.append(out)
        new_rows.extend(existing[rid][0] for rid in out.added)
    written = False
    if new_rows and not dry_run:
        write_atomic(target, _appended(text, header, new_rows, inst, delimiter, line_end))
        written = True
    return CollectResult(wave, shown, bool(text), before, outcomes, dry_run, written)


def _wave_file(folder: Path, wave: str, partnership: PartnershipFile, display: Callable[[Path], str]) -> Path:
    """The wave's CSV; a usage or input error for a wave name that is not a file name, a wave
    kept as a workbook, or a wave neither declared nor dated."""
    if not wave or "/" in wave or "\\" in wave or wave.startswith("."):
        raise UsageError(f"--wave {wave!r}: a wave name is a file name without .csv, such as 2026-spring")
    # The wave's own file when it has one (2026-spring.CSV as Excel on Windows may save it is
    # added to, not joined by a second 2026-spring.csv); else a new .csv.
    target = wave_file(folder, wave)
    # (a wave with both a .csv and an .xlsx file is kept as a workbook too, as before)
    workbook = folder / "responses" / f"{wave}.xlsx"
    if workbook.is_file() or target.suffix.lower() == ".xlsx":
        raise InputError(
            f"{display(workbook if workbook.is_file() else target)}: wave-undeclared: wave '{wave}' is kept as a workbook; type new answers into it there, or collect into a wave of its own"
        )
    # score refuses such a link; collect would read the other file and write its rows here
    stay_inside(target, folder, display(target))
    if not wave_is_known(partnership, wave) and not target.is_file():
        raise InputError(
            f'{display(folder / "partnership.yaml")}: wave-undeclared: wave \'{wave}\' is not listed under waves and its name does not start with a date such as 2026-03-31; add to partnership.yaml: waves: [{{label: "{wave}", closed: "YYYY-MM-DD", file: "{wave}.csv"}}] (the date collection closes), or name the wave after that date'
        )
    return target


def _read_wave(
    target: Path, inst: InstrumentFile, shown: str
) -> tuple[dict[str, tuple[Respondent, str]], str, str, str, list[str]]:
    """The wave file's respondents (by ID, with where each is), its text, delimiter, line ending
    and header; empty when there is no file yet. InputError when it is not clean."""
    existing: dict[str, tuple[Respondent, str]] = {}
    if not target.is_file():
        return existing, "", ",", "\r\n", []
    cur = read_responses(target, inst, display=shown)
    if cur.findings:
        more = f" (and {len(cur.findings) - 1} more)" if len(cur.findings) > 1 else ""
        raise InputError(
            f"{cur.findings[0].format_text()}{more}; the wave file must be clean before answers are added to it (`lchd-assess validate {shown}` lists every problem)"
        )
    text = target.read_bytes().decode("utf-8-sig")
    for r in cur.respondents:
        existing[r.id] = (r, f"{shown} row {r.row}")
    return existing, text, cur.delimiter, "\r\n" if "\r\n" in text else "\n", _header_of(text, cur.delimiter)


def _merge_source(src: Responses, wave: str, existing: dict[str, tuple[Respondent, str]]) -> SourceOutcome:
    """One source's outcome; its new respondents are added to ``existing`` (none from a file with
    a problem: a wrong wave, or a respondent already there with other answers)."""
    out = SourceOutcome(src.file, findings=list(src.findings), notes=list(src.notes))
    if out.findings:
        return out
    if src.declared_wave and src.declared_wave != wave:
        out.findings.append(
            Finding(
                "answers-other-wave",
                f"the questionnaire was made for wave '{src.declared_wave}', not '{wave}'; collect this file with --wave {src.declared_wave}",
                file=src.file,
                path=("wave",),
            )
        )
        return out
    fresh: list[Respondent] = []
    for r in src.respondents:
        if r.id not in existing:
            fresh.append(r)
            continue
        prev, where = existing[r.id]
        if _same(r, prev):
            out.already.append(r.id)
            continue
        loc = {"line": r.row} if src.file.lower().endswith((".csv", ".xlsx")) else {}
        out.findings.append(
            Finding(
                "responses-duplicate-respondent",
                f"respondent_id '{r.id}' is already in {where} with other answers; each member answers once per wave (if this is a correction, edit that row by hand)",
                file=src.file,
                path=("respondent_id",),
                **loc,
            )
        )
    if out.findings:
        return out  # nothing from a file with a problem
    for r in fresh:
        existing[r.id] = (r, src.file)
        out.added.append(r.id)
    return out


def _header_of(text: str, delimiter: str) -> list[str]:
    return [h.strip() for h in next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])]


def _appended(
    text: str, header: list[str], rows: list[Respondent], inst: InstrumentFile, delimiter: str, line_end: str
) -> str:
    """The wave file with ``rows`` added after the existing ones, which stay byte for byte."""
    items = inst.item_ids()
    wanted_comments = [i for i in items if any(i in r.comments for r in rows)]
    if not header:
        header = list(FIXED_COLUMNS) + items + [i + COMMENT_SUFFIX for i in wanted_comments]
        head_text = ""
    else:
        missing = [i + COMMENT_SUFFIX for i in wanted_comments if i + COMMENT_SUFFIX not in header]
        first_end = text.find("\n") + 1 if "\n" in text else len(text)
        head_text = text
        if missing:
            # Only the header line grows: shorter rows below it read as empty comment cells.
            header = header + missing
            head_text = _line(header, delimiter, line_end) + text[first_end:]
        if head_text and not head_text.endswith(("\n", "\r")):
            head_text += line_end
    body = []
    for r in rows:
        cells = []
        for name in header:
            if name == "respondent_id":
                cells.append(r.id)
            elif name == "sector":
                cells.append(r.sector)
            elif name == "role":
                cells.append(r.role)
            elif name == VERSION_COLUMN:
                cells.append(inst.version)
            elif name.endswith(COMMENT_SUFFIX):
                cells.append(r.comments.get(name[: -len(COMMENT_SUFFIX)], ""))
            else:
                v = r.answers.get(name)
                cells.append("" if v is None else str(v))
        body.append(cells)
    if not head_text:
        return csv_text([header, *body], line_end=line_end, delimiter=delimiter)
    return head_text + csv_text(body, line_end=line_end, delimiter=delimiter)


def _line(cells: list[str], delimiter: str, line_end: str) -> str:
    return csv_text([cells], line_end=line_end, delimiter=delimiter)


# -- Reading the sources ---------------------------------------------------------------------


def read_source(path: Path, inst: InstrumentFile, display: str) -> Responses:
    """One file to collect, read by its kind (its suffix)."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_answer_file(path, inst, display=display)
    if suffix == ".csv":
        res = read_responses(path, inst, display=display)
        return res
    if suffix == ".xlsx":
        return read_workbook(path, inst, display=display)
    res = Responses(file=display, wave="")
    if not path.is_file():
        res.findings.append(Finding("file-not-found", "no such file", file=display))
    else:
        res.findings.append(
            Finding(
                "collect-unsupported-file",
                f"'{path.suffix or path.name}' files are not read; collect .json answer files, .xlsx workbooks from `lchd-assess questionnaire --format xlsx`, or .csv files",
                file=display,
            )
        )
    return res


#: What collect reads, by file ending.
SOURCE_SUFFIXES = (".json", ".xlsx", ".csv")


def _expand(files: list[str | Path]) -> list[Path]:
    """The files to read: a folder stands for the answer files directly in it, sorted by name
    (e-mail attachments saved into one folder); a file named twice is read once."""
    out: list[Path] = []
    for f in files:
        path = Path(f)
        if path.is_dir():
            out += sorted(
                x
                for x in path.iterdir()
                if x.is_file() and x.suffix.lower() in SOURCE_SUFFIXES and not x.name.startswith((".", "~$"))
            )
        else:
            out.append(path)
    seen: set[Path] = set()
    unique = []
    for p in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def collect(folder: str | Path, files: list[str | Path], wave: str, dry_run: bool = False) -> CollectResult:
    """``lchd-assess collect``: read each file, merge what is clean into the wave."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{display_path(folder)}: file-not-found: no such partnership folder")
    inst = load_assessment().instrument
    p = load_partnership(folder, [s.id for s in inst.sectors])
    sources = []
    for path in _expand(files):
        sources.append(read_source(path, inst, display_path(path)))
    return merge_into_wave(folder, wave, p, inst, sources, display=display_path, dry_run=dry_run)

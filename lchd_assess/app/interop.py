"""Use cases: put the instrument into a survey platform, and bring the platform's answers back.

``export_instrument`` writes the current instrument in a platform's own format;
``import_answers`` reads a platform's export, checks it, and merges the respondents into the
partnership's ``responses/<wave>.csv`` by the same rules as every other answer file: the merged
file is read back through the responses reader (the one ``score`` uses) before anything is
written, existing rows are never rewritten, and the write is atomic.
"""

from __future__ import annotations

import csv
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.errors import InputError, UsageError
from ..core.findings import Finding
from ..core.outputs import csv_text, dumps_json, write_atomic
from ..formats import fhir, forms, redcap, xlsform
from ..formats import platform_common as pc
from ..formats.responses import COMMENT_SUFFIX, FIXED_COLUMNS, read_responses, template_header
from ..load.instrument import InstrumentFile, load_assessment
from ..load.partnership import load_partnership

EXPORT_FORMATS = ("redcap", "xlsform", "fhir", "forms-text")
IMPORT_FORMATS = ("redcap", "kobo", "odk", "fhir", "forms")
_SUFFIX = {"redcap": ".csv", "xlsform": ".xlsx", "fhir": ".json", "forms-text": ".txt"}


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise UsageError(f"{path}: already exists; choose another --out or add --force to replace it")


def export_instrument(fmt: str, out: str | Path, force: bool = False, assessments: str | Path | None = None) -> list[Path]:
    """Write the current instrument as ``fmt``; returns the files written."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown format '{fmt}'; use one of: {', '.join(EXPORT_FORMATS)}")
    out = Path(out)
    if out.suffix.lower() != _SUFFIX[fmt]:
        raise UsageError(f"{out}: a {fmt} export is a {_SUFFIX[fmt]} file (for example --out lchd-readiness{_SUFFIX[fmt]})")
    inst = load_assessment(assessments).instrument
    files: list[tuple[Path, str | bytes]] = []
    if fmt == "redcap":
        files.append((out, redcap.dictionary_csv(inst)))
    elif fmt == "xlsform":
        files.append((out, xlsform.workbook_bytes(inst)))
    elif fmt == "fhir":
        q = fhir.questionnaire(inst)
        problems = fhir.invariant_problems(q, inst)
        if problems:  # a bug in the writer, never the user's input
            raise RuntimeError("exported Questionnaire breaks its invariants: " + "; ".join(problems))
        files.append((out, dumps_json(q)))
        files.append((out.with_name(out.stem + ".codesystems.json"), dumps_json(fhir.codesystems(inst))))
    else:
        files.append((out, forms.forms_text(inst)))
    for path, _ in files:
        _refuse_overwrite(path, force)
    for path, content in files:
        write_atomic(path, content)
    return [p for p, _ in files]


@dataclass
class ImportOutcome:
    """What an import did (or would do, with ``dry_run``): never raised, always returned."""

    file: str
    platform: str
    target: str
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    written: bool = False

    @property
    def exit_code(self) -> int:
        return 1 if self.findings else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file, "platform": self.platform, "target": self.target, "written": self.written,
            "added": self.added, "unchanged": self.unchanged,
            "findings": [f.to_dict() for f in self.findings], "notes": [f.to_dict() for f in self.notes],
        }


_WAVE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def read_platform_export(fmt: str, file: str | Path, inst: InstrumentFile, event: str | None = None) -> pc.PlatformImport:
    """The platform reader for ``fmt`` applied to ``file``."""
    if fmt == "redcap":
        return redcap.read_export(file, inst, event=event)
    if fmt in ("kobo", "odk"):
        return xlsform.read_export(file, inst, fmt)
    if fmt == "fhir":
        return fhir.read_responses(file, inst)
    if fmt == "forms":
        return forms.read_export(file, inst)
    raise UsageError(f"unknown format '{fmt}'; use one of: {', '.join(IMPORT_FORMATS)}")


def import_answers(fmt: str, file: str | Path, partnership: str | Path, wave: str, event: str | None = None, dry_run: bool = False, assessments: str | Path | None = None) -> ImportOutcome:
    """Read ``file`` (a ``fmt`` export) and merge its respondents into ``partnership``'s wave."""
    if not _WAVE.match(wave):
        raise UsageError(f"--wave '{wave}': a wave name is a file name without folders, such as 2026-spring")
    if event is not None and fmt != "redcap":
        raise UsageError("--event is for REDCap exports only")
    if not Path(file).is_file():
        raise InputError(f"{file}: file-not-found: no such file")
    inst = load_assessment(assessments).instrument
    load_partnership(partnership, [s.id for s in inst.sectors])
    target = Path(partnership) / "responses" / f"{wave}.csv"
    got = read_platform_export(fmt, file, inst, event)
    out = ImportOutcome(file=got.file, platform=got.platform, target=str(target), findings=list(got.findings), notes=list(got.notes))
    if out.findings:
        return out
    text, added, unchanged, problems = merge_rows(target, got.rows, inst)
    out.added, out.unchanged = added, unchanged
    if target.exists() and text:
        kept = next(csv.reader([text.splitlines()[0]]))
        lost = sorted({i for r in got.rows if r.id in added for i in r.comments if i + COMMENT_SUFFIX not in kept}, key=pc.item_sort_key)
        if lost:
            out.notes.append(Finding("import-ignored-column", f"comments on {', '.join(lost)} were not written: {target.name} has no column for them (add a column such as {lost[0]}{COMMENT_SUFFIX} to keep them)", file=str(target)))
    if problems:
        out.findings += problems
        return out
    if not added:
        return out
    # The merged file must read cleanly with the reader `score` uses, before it replaces anything.
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / target.name
        probe.write_text(text, encoding="utf-8")
        check = read_responses(probe, inst, display=str(target))
    if check.findings:
        out.findings += check.findings
        return out
    if not dry_run:
        write_atomic(target, text)
        out.written = True
    return out


def _cell(v: int | str | None) -> str:
    return "" if v is None else str(v)


def merge_rows(target: Path, rows: list[pc.Row], inst: InstrumentFile) -> tuple[str, list[str], list[str], list[Finding]]:
    """The wave file's new text with ``rows`` appended; existing rows kept byte for byte.

    A respondent already in the file with the same answers is left alone (importing the same
    export twice changes nothing); one with other answers is a finding, never an overwrite.
    """
    problems: list[Finding] = []
    if target.exists():
        existing = read_responses(target, inst, allow_other_version=False)
        if existing.findings:
            return "", [], [], [Finding("import-unreadable", f"the wave file {target} has problems of its own ({existing.findings[0].code}); fix it first (`lchd-assess validate {target}`)", file=str(target))]
        old_text = target.read_text(encoding="utf-8-sig")
        header = next(csv.reader([old_text.splitlines()[0]]))
        header = [h.strip() for h in header]
        by_id = {r.id: r for r in existing.respondents}
    else:
        old_text = ""
        wanted_comments = sorted({i for r in rows for i in r.comments}, key=pc.item_sort_key)
        header = template_header(inst) + [i + COMMENT_SUFFIX for i in wanted_comments]
        by_id = {}
    added: list[str] = []
    unchanged: list[str] = []
    new_rows: list[list[str]] = []
    for r in rows:
        old = by_id.get(r.id)
        if old is not None:
            same = old.sector == r.sector and old.role == r.role and all(old.answers.get(k) == v for k, v in r.answers.items())
            if same:
                unchanged.append(r.id)
            else:
                problems.append(Finding("import-duplicate-respondent", f"respondent '{r.id}' is already in {target.name} (row {old.row}) with other answers; existing rows are never rewritten: remove that row by hand if the new answers should replace it", file=str(target), line=old.row))
            continue
        cells = []
        for col in header:
            if col == "respondent_id":
                cells.append(r.id)
            elif col == "sector":
                cells.append(r.sector)
            elif col == "role":
                cells.append(r.role)
            elif col.endswith(COMMENT_SUFFIX):
                cells.append(r.comments.get(col[: -len(COMMENT_SUFFIX)], ""))
            elif col == "instrument_version":
                cells.append(inst.version)
            else:
                cells.append(_cell(r.answers.get(col)))
        new_rows.append(cells)
        added.append(r.id)
    if old_text:
        body = csv_text(new_rows)
        text = old_text if old_text.endswith(("\n", "\r")) else old_text + "\r\n"
        text += body
    else:
        text = csv_text([header] + new_rows)
    assert all(c in header for c in FIXED_COLUMNS)
    return text, added, unchanged, problems

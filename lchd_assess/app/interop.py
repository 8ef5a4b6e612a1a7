"""Use cases: put the instrument into a survey platform, and bring the platform's answers back.

``export_instrument`` writes the current instrument in a platform's own format;
``import_answers`` reads a platform's export, checks it, and merges the respondents into the
partnership's ``responses/<wave>.csv`` through :func:`~lchd_assess.app.collect.merge_into_wave`,
the merge ``collect`` uses: a respondent already there with other answers is refused, the same
answers twice add nothing, existing rows are never rewritten, and the write is atomic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
import importlib.metadata as md
import json

from ..core.errors import InputError, UsageError
from ..core.findings import Finding
from ..core.outputs import dumps_json
from ..formats import fhir, fhir_responses, forms, redcap, xlsform
from ..formats import platform_common as pc
from ..formats.responses import Respondent, Responses
from ..load.instrument import InstrumentFile, load_assessment
from ..load.partnership import load_partnership
from .collect import merge_into_wave
from ..load.translation import available_languages, load_translation, localized_instrument
from ..core.safe_output import OutputGuard
from ..core.paths import display_path
from ..core.formatting import plural

EXPORT_FORMATS = ("redcap", "xlsform", "fhir", "forms-text")
IMPORT_FORMATS = ("redcap", "kobo", "odk", "fhir", "forms")
_SUFFIX = {"redcap": ".csv", "xlsform": ".xlsx", "fhir": ".json", "forms-text": ".txt"}


def _translations(a: Any) -> list[InstrumentFile]:
    """The current instrument in every language it is translated into (IDs unchanged)."""
    return [
        localized_instrument(a.instrument, load_translation(a.folder, lang, a.instrument))
        for lang in available_languages(a.folder)
    ]


def export_instrument(
    fmt: str, out: str | Path, force: bool = False, assessments: str | Path | None = None, language: str | None = None
) -> list[Path]:
    """Write the current instrument as ``fmt`` (in ``language``, a translation's code, when
    given: the IDs and codes stay the same, so answers import the same way); returns the files
    written."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown format '{fmt}'; use one of: {', '.join(EXPORT_FORMATS)}")
    out = Path(out)
    if out.suffix.lower() != _SUFFIX[fmt]:
        raise UsageError(
            f"{out}: a {fmt} export is a {_SUFFIX[fmt]} file (for example --out lchd-readiness{_SUFFIX[fmt]})"
        )
    a = load_assessment(assessments)
    inst = a.instrument
    if language and language != "en":
        inst = localized_instrument(inst, load_translation(a.folder, language, inst))
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
    # every file checked before any is written (core/safe_output.py: never over a user's file)
    guard = OutputGuard(force=force)
    targets = [(guard.file(path), content) for path, content in files]
    for target, content in targets:
        target.write(content)
    return [p for p, _ in files]


def check_with_platform_tools(fmt: str, files: list[Path]) -> str | None:
    """Run a written export through the platform's own tool when the ``[interop]`` extra is
    installed: pyxform for the XLSForm, fhir.resources' R4B models for the FHIR files.  A
    sentence for the user; None when there is no such tool for ``fmt``."""
    if fmt == "xlsform":
        try:  # the optional [interop] extra: imported here, where its absence is a sentence, not a crash
            from pyxform.xls2xform import convert
        except ImportError:
            return "install lchd-assess[interop] to have pyxform (the converter KoboToolbox and ODK use) check the form"
        result = convert(xlsform=str(files[0]))
        if result.warnings:
            return (
                f"pyxform {md.version('pyxform')} converts it with {plural(len(result.warnings), 'warning')}: "
                + "; ".join(result.warnings)
            )
        return f"checked: pyxform {md.version('pyxform')} converts it to an XForm without warnings"
    if fmt == "fhir":
        try:  # the optional [interop] extra (see above)
            from fhir.resources.R4B.bundle import Bundle
            from fhir.resources.R4B.questionnaire import Questionnaire
        except ImportError:
            return "install lchd-assess[interop] to have fhir.resources check the files against the FHIR R4B models"
        Questionnaire.model_validate(json.loads(files[0].read_text(encoding="utf-8")))
        Bundle.model_validate(json.loads(files[1].read_text(encoding="utf-8")))
        return f"checked: fhir.resources {md.version('fhir.resources')} reads both files as FHIR R4B"
    return None


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

    @property
    def platform_name(self) -> str:
        return pc.PLATFORM_NAMES.get(self.platform, self.platform)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "platform": self.platform,
            "target": self.target,
            "written": self.written,
            "added": self.added,
            "unchanged": self.unchanged,
            "findings": [f.to_dict() for f in self.findings],
            "notes": [f.to_dict() for f in self.notes],
        }


def read_platform_export(
    fmt: str,
    file: str | Path,
    inst: InstrumentFile,
    event: str | None = None,
    variants: list[InstrumentFile] | None = None,
) -> pc.PlatformImport:
    """The platform reader for ``fmt`` applied to ``file``; ``variants`` are the instrument's
    translations (default: every one in the assessment folder), whose labels are read too."""
    if variants is None:
        variants = _translations(load_assessment())
    if fmt == "redcap":
        return redcap.read_export(file, inst, event=event, variants=variants)
    if fmt in ("kobo", "odk"):
        return xlsform.read_export(file, inst, fmt, variants=variants)
    if fmt == "fhir":
        return fhir_responses.read_responses(file, inst)
    if fmt == "forms":
        return forms.read_export(file, inst, variants=variants)
    raise UsageError(f"unknown format '{fmt}'; use one of: {', '.join(IMPORT_FORMATS)}")


def import_answers(
    fmt: str,
    file: str | Path,
    partnership: str | Path,
    wave: str,
    event: str | None = None,
    dry_run: bool = False,
    assessments: str | Path | None = None,
) -> ImportOutcome:
    """Read ``file`` (a ``fmt`` export) and merge its respondents into ``partnership``'s wave
    through the same merge as ``collect`` (same refusals, same append-only atomic write)."""
    if event is not None and fmt != "redcap":
        raise UsageError("--event is for REDCap exports only")
    if not Path(file).is_file():
        raise InputError(f"{display_path(Path(file))}: file-not-found: no such file")
    folder = Path(partnership)
    if not folder.is_dir():
        raise InputError(f"{display_path(folder)}: file-not-found: no such partnership folder")
    a = load_assessment(assessments)
    inst = a.instrument
    p = load_partnership(folder, [s.id for s in inst.sectors])
    got = read_platform_export(fmt, file, inst, event, _translations(a))
    source = Responses(
        file=got.file,
        wave=wave,
        items=got.items,
        version=inst.version,
        findings=list(got.findings),
        notes=list(got.notes),
        respondents=[Respondent(r.id, r.sector, r.role, r.answers, r.comments, r.line or 0) for r in got.rows],
    )
    result = merge_into_wave(folder, wave, p, inst, [source], display=display_path, dry_run=dry_run)
    done = result.sources[0]
    return ImportOutcome(
        file=got.file,
        platform=got.platform,
        target=result.target,
        added=done.added,
        unchanged=done.already,
        findings=done.findings,
        notes=done.notes,
        written=result.written,
    )

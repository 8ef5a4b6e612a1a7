"""The `score` use case: a partnership folder's wave → a :class:`~lchd_assess.score.models.ScoreResult`.

Reading is here and in ``formats/``; the scorer (:mod:`lchd_assess.score.scoring`) only
computes.  The order is the pipeline's: load the assessment, framework and partnership, read the
wave's answers (and the previous wave's), then score once.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import InputError, ResponsesError  # noqa: F401  (ResponsesError re-exported)
from ..core.findings import Finding
from ..core.paths import as_path, display_path, display_real, examples_dir, real, real_child, real_is_inside
from ..formats.responses import read_responses
from ..formats.score_output import render as render_score
from ..formats.workbook import read_workbook
from ..load.framework import load_framework
from ..load.instrument import Assessment, InstrumentFile, load_assessment
from ..load.partnership import load_partnership, partnership_folders, stay_inside, wave_file, wave_order
from ..score import models as sm
from ..score.models import Responses
from ..score.scoring import Context, score_wave


def example_folders() -> list[Path]:
    """The bundled example partnerships (assessments/examples/<id>/), sorted."""
    return partnership_folders(examples_dir())


def waves_in(folder: Path) -> list[str]:
    """The partnership's waves with answers, earliest closing date first (see
    :func:`~lchd_assess.partnership.wave_order`)."""
    p = load_partnership(folder)
    return wave_order(folder, p)


def framework_context(assessment: Assessment) -> Context:
    """Element names and the framework version, from the validated framework."""
    fw = load_framework()
    names = {}
    for sec in assessment.instrument.sections:
        if sec.element not in fw:
            raise InputError(
                f"assessments/instrument.yaml: dangling-reference: section element {sec.element} is not in framework {fw.version}; run `lchd-assess validate`"
            )
        names[sec.element] = fw.get(sec.element).name  # type: ignore[attr-defined]
    return Context(assessment, fw.version, names)


def _read_wave(path: Path, inst: InstrumentFile, display: str, allow_other_version: bool = True) -> Responses:
    """A wave's answers: a CSV file, or the answer workbook kept as it was filled in."""
    if path.suffix.lower() == ".xlsx":
        return read_workbook(path, inst, display=display, allow_other_version=allow_other_version)
    return read_responses(path, inst, display=display, allow_other_version=allow_other_version)


def wave_notes(folder: str | Path, wave: str | None = None) -> list[Finding]:
    """What the reader did on purpose while reading ``wave`` (default: the latest): columns
    ignored, blank rows skipped, respondents who answered nothing left out. For the score
    command to say, beside the scores; never a reason to refuse the file."""
    folder = Path(folder)
    inst = load_assessment().instrument
    waves = wave_order(folder, load_partnership(folder))
    wave = wave or (waves[-1] if waves else None)
    if wave is None:
        return []
    path = wave_file(folder, wave)
    return _read_wave(path, inst, display_path(path)).notes if path.is_file() else []


def score_partnership(
    folder: str | Path,
    wave: str | None = None,
    assessment: Assessment | None = None,
    comments: bool = False,
    context: Context | None = None,
) -> sm.ScoreResult:
    """Score one wave (default: the latest) of the partnership in ``folder``."""
    folder = as_path(folder)
    if not folder.is_dir():
        raise InputError(f"{display_path(folder)}: file-not-found: no such partnership folder")
    ctx = context or framework_context(assessment or load_assessment())
    # The folder resolved once: its partnership.yaml and wave files are checked against it.
    real_folder = real(folder)
    p = load_partnership(folder, [s.id for s in ctx.inst.sectors], real_folder)
    waves = wave_order(folder, p)
    if not waves:
        raise InputError(
            f"{display_path(folder / 'responses')}: no-files: no responses/<wave>.csv (or .xlsx) files; put each wave's answers there (`lchd-assess collect` merges answer files into one)"
        )
    wave = wave or waves[-1]
    if wave not in waves:
        raise InputError(
            f"{display_path(folder / 'responses')}: file-not-found: no wave '{wave}'; waves found: {', '.join(waves)}"
        )
    path = wave_file(folder, wave)
    resolved = real_child(real_folder, folder, path.parent.name, path.name)  # wave_file: one folder down
    shown = display_real(resolved, path)
    if not real_is_inside(resolved, real_folder):
        stay_inside(path, folder, shown)  # raises its one line
    cur = _read_wave(path, ctx.inst, shown)
    if cur.findings:
        raise ResponsesError(cur)
    prev = None
    i = waves.index(wave)
    if i > 0:
        ppath = wave_file(folder, waves[i - 1])
        stay_inside(ppath, folder, display_path(ppath))
        prev = _read_wave(ppath, ctx.inst, display_path(ppath), allow_other_version=True)
    # the declared ID names the partnership; the folder's name only when none is declared
    pid = p.id or real_folder.name
    return score_wave(ctx, pid, p, cur, waves, prev, comments)


def score_output(result: sm.ScoreResult, fmt: str = "text") -> str:
    """The `score` command's output: a scored wave as text, JSON or CSV."""
    return render_score(result, fmt)

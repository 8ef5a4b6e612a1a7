"""The reporting checklist's use cases: a blank checklist, its check, the write-up template.

Rendering the filled checklist (HTML, PDF, Markdown, Word) is :mod:`.checklist_render`, a
module of its own so that ``checklist new`` and ``checklist check`` never load the renderers
for Word and PDF.  Each use case checks where it will write before any work, so a refusal
costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..check.checklist import check_file
from ..context.checklist_writeup import Prefill, measures_block, outcomes_block, roster_block
from ..core.errors import InputError, ResponsesError
from ..core.findings import Report
from ..core.safe_output import OutputGuard
from ..formats.checklist import blank_checklist, schema_ref_for
from ..load.checklist import required_ids
from ..load.framework import framework_dir, load_standard
from ..load.instrument import load_assessment
from ..load.partnership import load_partnership
from ..load.standard import Standard
from ..render.checklist import render_writeup
from .score import score_partnership


def guard(framework: str | Path | None, force: bool, *inputs: str | Path | None) -> OutputGuard:
    """The output guard of a checklist command: never over the framework or the command's inputs."""
    return OutputGuard(force=force, inputs=[framework_dir(framework)] + [Path(x) for x in inputs if x])


@dataclass(frozen=True)
class NewChecklist:
    """What ``checklist new`` wrote."""

    path: Path
    standard: Standard
    #: items in the file, and in the standard
    items: int
    total: int


def new_checklist(
    out: str | Path, *, framework: str | Path | None = None, core: bool = False, force: bool = False
) -> NewChecklist:
    """Write a blank checklist to ``out`` (core items only with ``core``)."""
    target = guard(framework, force).file(out)
    std = load_standard(framework)
    scope = "core" if core else "full"
    target.write(blank_checklist(std, schema_ref_for(Path(out)), scope=scope))
    return NewChecklist(Path(out), std, len(required_ids(std, scope)), len(std.items()))


def check_checklist(path: str | Path, *, framework: str | Path | None = None) -> Report:
    """What is missing or wrong in a filled checklist (never a score)."""
    return check_file(path, load_standard(framework))


def partnership_prefill(folder: str | Path) -> Prefill:
    """Composition from ``partnership.yaml`` and a self-assessment summary from the scorer.

    Only what the data hold is written; the scorer's own suppression of small groups is kept
    (its result never holds a number for a group below the minimum cell size).
    """
    folder = Path(folder)
    p = load_partnership(folder)
    notes: list[str] = []
    labels: dict[str, str] = {}
    try:
        labels = {s.id: s.label for s in load_assessment().instrument.sectors}
    except InputError as exc:  # the roster still prints, with sector codes
        notes.append(f"sector names not available ({exc}); sector codes are shown")
    blocks = {"RS-partner-roster": roster_block(p, labels)}
    try:
        result = score_partnership(folder)
    except (InputError, ResponsesError) as exc:
        msg = "; ".join(f.format_text() for f in getattr(exc, "findings", [])[:3]) or str(exc)
        notes.append(f"self-assessment summary not pre-filled: {msg}")
        return Prefill(blocks, notes)
    blocks["RS-partnership-measures"] = measures_block(result)
    blocks["RS-partnership-outcomes"] = outcomes_block(result)
    return Prefill(blocks, notes)


def writeup_template(std: Standard, partnership: str | Path | None = None) -> tuple[str, list[str]]:
    """The Markdown write-up template and notes for the user (what could not be pre-filled)."""
    prefill = partnership_prefill(partnership) if partnership else Prefill({}, [])
    return render_writeup(std.model, prefill.blocks), prefill.notes


def write_template(
    out: str | Path,
    *,
    framework: str | Path | None = None,
    partnership: str | Path | None = None,
    force: bool = False,
) -> list[str]:
    """Write the write-up template to ``out``; the notes say what could not be pre-filled."""
    target = guard(framework, force, partnership).file(out)
    text, notes = writeup_template(load_standard(framework), partnership)
    target.write(text)
    return notes

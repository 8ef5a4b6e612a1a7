"""What the write-up template pre-fills from a partnership: blocks of Markdown by item ID.

Only what the data hold is written: the roster's composition, and the self-assessment summary
from a :class:`~lchd_assess.score.models.ScoreResult`, which never holds a number for a group
below the minimum cell size (the scorer's suppression is kept, nothing is recomputed here).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..core.formatting import interval, md_escape, score
from ..load.partnership import PartnershipFile
from ..score.models import ScoreResult


@dataclass(frozen=True)
class Prefill:
    """Blocks of Markdown placed under items of the write-up template, by item ID."""

    blocks: dict[str, str]
    notes: list[str]


def _md(value: object) -> str:
    return md_escape(str(value))


def roster_block(p: PartnershipFile, labels: Mapping[str, str]) -> str:
    """The partner organisations by sector (sector codes where ``labels`` has no name)."""
    by_sector: dict[str, list[str]] = {}
    for r in p.roster:
        by_sector.setdefault(r.sector, []).append(r.name)
    order = list(labels) + sorted(set(by_sector) - set(labels))
    rows = [
        f"| {_md(labels.get(s, s))} | {len(by_sector[s])} | {_md('; '.join(sorted(by_sector[s])))} |"
        for s in order
        if s in by_sector
    ]
    return "\n".join(
        [
            f"*Pre-filled from `partnership.yaml`: {len(p.roster)} partner organisations of {_md(p.name)} ({_md(p.scale)} scale; serving {_md(p.population_focus)}). Add each partner's role, staff time, and when it joined or left.*",
            "",
            "| Sector | Organisations | Partners |",
            "|---|---|---|",
            *rows,
        ]
    )


def measures_block(r: ScoreResult) -> str:
    reps = ", ".join(f"{_md(s.label)}: {_md(s.display)}" for s in r.representation.by_sector if s.on_roster)
    silent = (
        f" No one answered from: {_md(', '.join(r.representation.silent_sectors))}."
        if r.representation.silent_sectors
        else ""
    )
    return "\n".join(
        [
            f"*Pre-filled from the self-assessment: members answered the LCHD readiness self-assessment (instrument {_md(r.instrument_id)} {_md(r.instrument_version)}, scoring rules {_md(r.scoring_rules_version)}, framework {_md(r.framework_version)}) in {'wave' if len(r.waves_available) == 1 else 'waves'} {_md(', '.join(r.waves_available))}; {r.n_respondents} respondents in wave {_md(r.wave)}.*",
            "",
            f"Respondents by sector (groups smaller than {r.method.min_cell_size} are not shown): {reps}.{silent}",
        ]
    )


def outcomes_block(r: ScoreResult) -> str:
    lines = [
        f"*Pre-filled from the self-assessment, wave {_md(r.wave)} ({r.n_respondents} respondents). Scores are 0–100 readiness scores, not outcome measures; interpret them with the partners.*",
        "",
        "| Element | Score | 95% interval | Level | Community vs institutional view |",
        "|---|---|---|---|---|",
    ]
    gaps = {g.id: g for g in r.gaps}
    for e in r.elements:
        g = gaps.get(e.id)
        view = _md(g.code.replace("-", " ")) if g else ""
        name = _md(e.name) if e.id == "overall" else f"{_md(e.id)} {_md(e.name)}"
        lines.append(
            f"| {name} | {score(e.score, 1)} | {interval(e.interval, 1)} | {_md(e.level_label or '—')} | {view} |"
        )
    if r.change is not None:
        changed = [
            f"{_md(c.id)} {c.flag.replace('-', ' ')}" + (f" ({c.delta:+.1f})" if c.delta is not None else "")
            for c in r.change.elements
        ]
        lines += [
            "",
            f"Change since wave {_md(r.change.previous_wave)} (meaningful change: {r.change.threshold:g} points or more): {'; '.join(changed)}.",
        ]
    lines += ["", f"{_md(r.gating.explanation)}"]
    return "\n".join(lines)

"""The self-assessment's scoring rules and recommended actions as models, with their kinds.

``scoring-rules`` holds every number the scorer uses (level bands, coverage, cell size, gap and
change thresholds, the gate, the interval settings), so the method is data, not code;
``recommended-actions`` holds what a partnership scoring low on an element can do next.
Loaded together with the instrument by :func:`lchd_assess.load.instrument.load_assessment`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from . import models
from .documents import Kind
from .fields import COMPONENT_REF, ELEMENT_REF
from .models import SEMVER, ChangelogEntry, Ref, Source, Strict, Text


class LevelBand(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    label: Text
    min: float = Field(ge=0, le=100, description="Lower bound, inclusive (0–100 scale).")
    max: float = Field(ge=0, le=100, description="Upper bound, exclusive except for the top level.")
    description: Text = Field(description="What a partnership at this level looks like.")


class Gate(Strict):
    threshold: float = Field(
        ge=0, le=100, description="A foundational structure below this score caps the overall level."
    )
    elements: list[str] = Ref(
        "principle",
        "structure",
        min_length=1,
        description="The elements the gate applies to: the foundational structures, and P4 (equity in praxis) from scoring rules 1.1.0.",
    )
    ready_level: str = Field(description="Level ID meaning 'ready'.")
    cap_level: str = Field(
        description="Highest overall level allowed while any gated structure is below the threshold (the level below ready)."
    )


class Interval(Strict):
    method: Literal["percentile-bootstrap"]
    confidence: float = Field(gt=0, lt=1)
    resamples: int = Field(ge=100, le=100000)
    seed: int = Field(ge=0)


class ReportCaution(Strict):
    """When page 1 of a partnership report warns that its scores stand on little."""

    min_respondents: int = Field(ge=1, description="A wave with fewer respondents than this gets a caution.")
    max_silent_sectors: int = Field(
        ge=0, description="More roster sectors than this without any respondent gets a caution (0: any silent sector)."
    )
    max_dont_know_share: float = Field(
        gt=0, le=1, description="A larger share of don't-know answers (of all answer cells) than this gets a caution."
    )


class PortfolioRules(Strict):
    """How a funder's portfolio compares partnerships."""

    min_partnerships_for_percentiles: int = Field(
        ge=2,
        description="Percentiles are shown only when the portfolio has at least this many partnerships; among fewer they say more about who else is in the portfolio than about the partnership.",
    )


class ScoringRulesFile(models.FileBase):
    """`assessments/scoring-rules.yaml`: every number the scorer uses."""

    kind: Literal["scoring-rules"]
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str = Field(pattern=SEMVER)
    instrument: str = Field(description="ID of the instrument these rules score.")
    instrument_version: str = Field(pattern=SEMVER, description="Instrument version the rules were written for.")
    release_date: str = Field(pattern=models.DATE)
    scale_multiplier: float = Field(gt=0, description="Item means (0–4) times this give the 0–100 scale.")
    decimals: int = Field(
        ge=0,
        le=3,
        description="Scores and intervals are rounded to this many decimals before levels, gaps and changes are read from them.",
    )
    min_item_coverage: float = Field(
        gt=0, le=1, description="An element is scored only when at least this share of its items has a valid answer."
    )
    min_respondents: int = Field(
        ge=1, description="An element is scored only when at least this many respondents gave it a valid answer."
    )
    min_cell_size: int = Field(ge=3, description="Smallest group ever shown (never below 3).")
    gap_thresholds: tuple[float, float] = Field(
        description="Absolute community − institutional differences below the first are coded similar, below the second some-difference, otherwise large-difference."
    )
    meaningful_change: float = Field(
        gt=0, description="Smallest change between waves (0–100 scale) flagged as improved or declined."
    )
    levels: list[LevelBand] = Field(min_length=2)
    gate: Gate
    interval: Interval
    caution: ReportCaution
    portfolio: PortfolioRules
    changelog: list[ChangelogEntry] = Field(min_length=1)

    def level_for(self, score: float | None) -> LevelBand | None:
        if score is None:
            return None
        for band in self.levels:
            if band.min <= score < band.max:
                return band
        return self.levels[-1] if score >= self.levels[-1].min else None

    def level(self, level_id: str) -> LevelBand:
        return next(b for b in self.levels if b.id == level_id)

    def level_rank(self, level_id: str) -> int:
        return [b.id for b in self.levels].index(level_id)


class RecommendedAction(Strict):
    id: str = models.Id("recommended-action")
    element: str = Ref(*ELEMENT_REF, description="Element the action helps with.")
    components: list[str] = Ref(*COMPONENT_REF, default_factory=list, description="Components the action works on.")
    up_to_level: str = Field(description="Suggest the action while the element's level is at or below this level ID.")
    title: Text
    text: Text = Field(description="What to do, in plain words.")
    source: Source = Field(description="Where in the paper the action comes from.")
    status: Literal["active", "retired"] = Field(
        default="active", description="A retired action keeps its ID and is never suggested."
    )
    retired_in: str | None = Field(
        default=None, pattern=SEMVER, description="For a retired action: the version that dropped it."
    )
    replaced_by: list[str] = Field(
        default_factory=list, description="For a retired action: the action(s) that take its place."
    )


class RecommendedActionsFile(models.FileBase):
    """`assessments/recommended-actions.yaml`: next steps per element, each citing the paper."""

    kind: Literal["recommended-actions"]
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str = Field(pattern=SEMVER)
    instrument: str
    instrument_version: str = Field(pattern=SEMVER)
    actions: list[RecommendedAction] = Field(min_length=1)
    changelog: list[ChangelogEntry] = Field(min_length=1)


SCORING_RULES = Kind(
    "scoring-rules",
    ScoringRulesFile,
    "The readiness self-assessment's scoring rules: level bands, coverage, cell size, gap and change thresholds, gate and interval.",
    "instrument",
)
RECOMMENDED_ACTIONS = Kind(
    "recommended-actions",
    RecommendedActionsFile,
    "Recommended next steps per framework element, each citing its place in the paper.",
    "instrument",
)

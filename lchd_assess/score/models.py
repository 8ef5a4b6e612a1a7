"""The scorer's input (a wave's answers) and result: the contract between the scorer, the reports and the portfolio.

``lchd-assess score --format json`` prints ``ScoreResult.model_dump(mode="json")``; the report
and portfolio contexts are built from this model only, so a report can never show something
the scorer did not compute (and suppress).  Every field has help text: it is the documented
data of the reports.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..load.fields import Scale

if TYPE_CHECKING:  # pragma: no cover
    # annotations only: reading a saved result must not load the findings catalogue
    from ..core.findings import Finding

# -- The scorer's input: one wave's answers, as formats.responses reads them ------------------

Answer = Union[int, str, None]  # 0–4, "DK", "NA", or None (blank)


@dataclass(frozen=True)
class Respondent:
    id: str
    sector: str
    role: str
    answers: dict[str, Answer]
    comments: dict[str, str]
    row: int


@dataclass
class Responses:
    """One wave's answer file as read: its respondents, and findings for what could not be read."""

    file: str
    wave: str
    items: list[str] = field(default_factory=list)
    respondents: list[Respondent] = field(default_factory=list)
    version: str | None = None
    findings: "list[Finding]" = field(default_factory=list)
    #: Things the reader did on purpose (columns ignored, blank rows skipped, respondents who
    #: answered nothing left out): reported, never a reason to refuse the file.
    notes: "list[Finding]" = field(default_factory=list)
    #: The delimiter the file was read with ("," ";" or "\t"); collect writes new rows with it.
    delimiter: str = ","
    #: The wave an answer file or workbook says it was made for (None when it names none).
    declared_wave: str | None = None


# -- The scorer's result ---------------------------------------------------------------------


class _M(BaseModel):
    """A part of the score result. Fields are declared in alphabetical order in every part:
    pydantic writes JSON in declaration order and the toolkit's JSON has sorted keys, so the
    result is written by the compiled encoder with no Python pass to sort the keys
    (:func:`lchd_assess.formats.score_output.to_json`; tests/test_score_output_json.py)."""

    # defer_build: a site build or report that reads no score never pays for building the 15
    # validators and serializers (4.5 ms at import); the score command builds them on first use.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


GapCode = Literal["similar", "some-difference", "large-difference", "not-shown"]
#: Scoring rules 1.0.0 named the gap codes after the triangulation codes of Blebu et al. (2023);
#: 1.1.0 gives them neutral names (ours compare scores, theirs compare qualitative accounts, and
#: a hidden group is not "silent").  A result saved with the old names reads with the new ones.
LEGACY_GAP_CODES = {
    "agreement": "similar",
    "partial-agreement": "some-difference",
    "disagreement": "large-difference",
    "silence": "not-shown",
}
#: A side whose share of don't-know answers is at least this much above the other side's is
#: named in the gap's explanation: the element's score then rests mostly on the other side.
DK_RATE_NOTE = 0.25
GroupId = Literal[
    "residents-families", "community-organisations", "health-care", "related-sectors", "backbone", "community"
]
ChangeFlag = Literal["improved", "declined", "no-meaningful-change", "not-comparable"]


class PartnershipInfo(_M):
    id: str = Field(description="Folder name of the partnership (stable code).")
    name: str = Field(description="The partnership's name as it gave it.")
    population_focus: str = Field(description="Who the partnership serves.")
    scale: Scale = Field(description="Geographic scale.")


class ItemScore(_M):
    id: str = Field(description="Item ID.")
    n_blank: int = Field(description="Respondents who left it empty.")
    n_dont_know: int = Field(description="Respondents who answered don't know.")
    n_not_applicable: int = Field(description="Respondents who answered not applicable.")
    n_valid: int = Field(description="Respondents who gave a 0–4 answer.")
    score: float | None = Field(
        description="Mean of valid answers on the 0–4 scale; null when nobody gave a valid answer."
    )


class ElementScore(_M):
    coverage: float = Field(description="Share of this element's items with at least one valid answer (0–1).")
    id: str = Field(description="P1–P4, FS1–FS4, or 'overall'.")
    interval: tuple[float, float] | None = Field(
        description="95% interval for the score (method in ScoreResult.method)."
    )
    items: list[ItemScore] = Field(default_factory=list, description="Per-item results (empty for overall).")
    kind: Literal["principle", "structure", "overall"]
    level: str | None = Field(description="Readiness level ID from the scoring rules (null when not computable).")
    level_label: str | None = Field(description="Readiness level as shown to people.")
    n_dont_know: int = Field(description="Don't-know answers across this element's items.")
    n_not_applicable: int = Field(description="Not-applicable answers across this element's items.")
    n_respondents: int = Field(description="Respondents with at least one valid answer on this element's items.")
    name: str = Field(description="Element name from the framework.")
    reason: str | None = Field(default=None, description="Why the score is null, in plain words.")
    score: float | None = Field(
        description="0–100 (mean of item means × 25; overall = mean of the eight element scores); null when not computable."
    )
    sd: float | None = Field(description="Standard deviation across respondents of their element scores (0–100 scale).")


class GroupElement(_M):
    dont_know_rate: float | None = Field(
        default=None,
        description="Share (0–1) of this group's answers to the element's items that were DK; null when hidden (or in results scored before scoring rules 1.1.0).",
    )
    id: str
    n_respondents: int | None = Field(description="Group members who answered this element; null when hidden.")
    score: float | None = Field(
        description="The group's element score; null when not computable or hidden (fewer than the minimum cell size answered it, or hidden to protect another group)."
    )


class GroupResult(_M):
    elements: list[GroupElement] | None = Field(description="Element scores for the group; null when suppressed.")
    group: GroupId = Field(
        description="Sector group ('community' only in results scored with instrument 1.0.0, which pooled residents, families and community-based organisations)."
    )
    label: str = Field(description="Sector group as shown to people.")
    n: int | None = Field(description="Respondents in the group; null when suppressed.")
    suppressed: bool = Field(
        description="True when the group is below the minimum cell size, or hidden so that another small group cannot be recovered by subtraction."
    )
    suppression_reason: Literal["below-minimum-cell-size", "complementary"] | None = None


class Gap(_M):
    code: GapCode = Field(
        description="How far apart the two perspectives are: similar, some-difference or large-difference (thresholds in the method), or not-shown when one side has fewer respondents than the minimum cell size or no score. Adapted from, not the same as, the triangulation codes of Blebu et al. (2023)."
    )
    community: float | None = Field(
        description="Community perspective score (residents, families, youth and community-based organisations); null when hidden or not computable."
    )
    community_dont_know_rate: float | None = Field(
        default=None,
        description="Share (0–1) of the community side's answers to this element's items that were DK; null when that side is below the minimum cell size.",
    )
    difference: float | None = Field(description="community − institutional, on the 0–100 scale.")
    explanation: str = Field(description="One sentence saying what the code means here.")
    id: str = Field(description="Element ID.")
    institutional: float | None = Field(
        description="Institutional perspective score (everyone else); null when hidden or not computable."
    )
    institutional_dont_know_rate: float | None = Field(
        default=None,
        description="Share (0–1) of the institutional side's answers to this element's items that were DK; null when that side is below the minimum cell size.",
    )

    @field_validator("code", mode="before")
    @classmethod
    def _legacy_code(cls, v: object) -> object:
        return LEGACY_GAP_CODES.get(v, v) if isinstance(v, str) else v


class Gating(_M):
    capped: bool
    capping_elements: list[str] = Field(description="Gated elements below the gate.")
    explanation: str
    level: str | None = Field(description="The overall readiness level after the gate.")
    level_label: str | None
    threshold: float = Field(
        description="A gated element (a foundational structure, or P4 from scoring rules 1.1.0) scoring below this caps the overall readiness level."
    )
    uncapped_level: str | None = Field(description="The level the overall score alone would give.")


class SectorCount(_M):
    display: str = Field(description="What a report shows: a number, 'fewer than k', or 'none'.")
    label: str
    n: int | None = Field(
        description="Respondents from this sector; null when hidden (fewer than the minimum cell size)."
    )
    on_roster: bool = Field(description="The partner roster lists an organisation of this sector.")
    sector: str
    status: Literal["ok", "few", "silent", "not-on-roster"] = Field(
        description="'silent': on the roster but nobody answered; 'few': some answered but fewer than the cell size."
    )


class Representation(_M):
    by_sector: list[SectorCount]
    few_sectors: list[str] = Field(description="Roster sectors with fewer respondents than the cell size.")
    residents_display: str
    residents_share: float | None = Field(
        description="Share of respondents who are residents, family members or young people (the resident sector's group, 0–1); null when that would expose a small group."
    )
    silent_sectors: list[str] = Field(description="Roster sectors with no respondent.")


class ElementChange(_M):
    current: float | None
    delta: float | None
    flag: ChangeFlag
    id: str
    previous: float | None
    reason: str | None = Field(default=None, description="Why not comparable, when it is not.")


class Change(_M):
    elements: list[ElementChange]
    previous_wave: str
    threshold: float = Field(description="Meaningful-change threshold on the 0–100 scale.")


class Method(_M):
    gap_thresholds: tuple[float, float] = Field(
        description="Absolute differences below the first are similar; below the second some difference; otherwise a large difference."
    )
    gate_cap_level: str = Field(
        default="developing",
        description="The level ID the gate caps the overall level at (scoring rules' gate.cap_level).",
    )
    gate_elements: list[str] = Field(
        default_factory=lambda: ["FS1", "FS2", "FS3", "FS4"],
        description="The elements the gate applies to (scoring rules' gate.elements); files written before it was recorded gated FS1–FS4.",
    )
    gate_threshold: float
    interval: str = Field(description="Interval method in words, with its settings.")
    level_bands: list[tuple[str, str, float, float]] = Field(
        description="(level ID, label, lower bound inclusive, upper bound exclusive except the top)."
    )
    meaningful_change: float
    min_cell_size: int
    min_item_coverage: float
    min_respondents: int
    scale_multiplier: float = Field(
        default=25.0,
        description="An element's score is the mean of its item scores (0–4) times this (scoring rules' scale_multiplier); files written before it was recorded were scored with 25.",
    )


class Comment(_M):
    item: str
    sector_group: str | None = Field(
        description="Sector group of the commenter; null when that group is below the cell size."
    )
    text: str


class ScoreResult(_M):
    change: Change | None = Field(description="Against the previous wave when one exists.")
    comments: list[Comment] | None = Field(
        default=None, description="Only when asked for (--comments); escaped by the renderer."
    )
    elements: list[ElementScore] = Field(description="P1–P4, FS1–FS4, then overall.")
    framework_version: str
    gaps: list[Gap]
    gating: Gating
    groups: list[GroupResult]
    instrument_id: str
    instrument_version: str
    method: Method
    n_respondents: int
    partnership: PartnershipInfo
    representation: Representation
    scoring_rules_version: str
    wave: str
    waves_available: list[str]

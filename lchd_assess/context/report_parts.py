"""What the partnership report's pages share: its inputs besides the ScoreResult (the framework,
the instrument's guidance, the roster), element references, labels and the rules that choose
priorities and actions.

A lower module of its own, so page 1 (context/meeting.py) and the other sections
(context/report_sections.py) build on it and context/report_context.py puts them together,
without the two importing each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

from pydantic import Field

from ..core import formatting as filters
from ..core.addresses import permanent_url, versioned_url
from ..score.models import ElementScore, Representation, ScoreResult
from .base import _Ctx, _Trusted
from .method_words import MethodWords, gated_words, method_words

if TYPE_CHECKING:  # pragma: no cover
    from ..load.framework import Framework


# -- Inputs besides the ScoreResult ------------------------------------------------------------


class FrameworkInfo(_Ctx):
    """What a report says about the framework it was scored against."""

    title: str = Field(description="The framework's full title.")
    version: str = Field(description="Framework version (semantic).")
    base_url: str = Field(description="Documentation site address, ending in '/'; element pages live under it.")
    paper_citation: str = Field(description="Citation of the framework paper (Vancouver style).")
    paper_url: str = Field(description="DOI address of the framework paper.")
    toolkit_citation: str = Field(description="How to cite the framework data and toolkit, with the version.")


class GuidanceAction(_Ctx):
    """A recommended action from the instrument data (assessments/recommended-actions.yaml)."""

    id: str = Field(description="Action ID, e.g. P1.A1.")
    element: str = Field(description="Element the action helps with.")
    up_to_level: str | None = Field(
        default=None, description="Suggested while the element's level is at or below this level ID; null: always."
    )
    title: str = Field(description="Short title of the action.")
    text: str = Field(description="What to do, in plain words.")
    source: str = Field(default="", description="Where in the paper the action comes from.")


class CautionRules(_Ctx):
    """When page 1 cautions the meeting (scoring-rules.yaml ``caution``)."""

    min_respondents: int = Field(description="Fewer respondents than this: caution.")
    max_silent_sectors: int = Field(description="More silent roster sectors than this: caution.")
    max_dont_know_share: float = Field(description="A larger share of don't-know answers than this: caution.")


class Guidance(_Ctx):
    """Instrument data the report uses: item wording, level order and recommended actions."""

    item_stems: dict[str, str] = Field(default_factory=dict, description="Item ID → question wording.")
    level_order: list[str] = Field(default_factory=list, description="Level IDs from lowest to highest.")
    level_meanings: dict[str, str] = Field(
        default_factory=dict, description="Level ID → what the level means, in plain words (scoring-rules.yaml)."
    )
    actions: list[GuidanceAction] = Field(default_factory=list, description="Recommended actions, in file order.")
    caution: CautionRules | None = Field(default=None, description="When page 1 cautions the meeting; null: never.")
    min_partnerships_for_percentiles: int = Field(
        default=10, description="Portfolios with fewer partnerships show no percentiles (scoring-rules.yaml)."
    )
    instrument_version: str = Field(
        default="",
        description="The current instrument's version; a portfolio leaves out scores made with another ('' : unknown, none left out).",
    )
    min_cell_size: int = Field(
        default=5,
        description="The current scoring rules' minimum cell size, re-applied to a saved scores file before it is rendered.",
    )
    perspectives: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Perspective (community, institutional) → its sector group IDs, for re-applying the privacy rules.",
    )
    sector_groups: dict[str, str] = Field(
        default_factory=dict,
        description="Sector ID → its sector group ID, for re-applying the privacy rules to a saved file's sector counts.",
    )


class RosterOrganisation(_Ctx):
    """A partner organisation on the roster (organisations only, never people)."""

    name: str = Field(description="Organisation name as the partnership wrote it.")
    sector: str = Field(description="Sector code.")


# -- Shared pieces -----------------------------------------------------------------------------


class ElementRef(_Trusted):
    """A framework element named in a sentence or list, with its documentation page."""

    id: str = Field(description="Element ID (P1–P4, FS1–FS4).")
    name: str = Field(description="Element name from the framework.")
    url: str = Field(description="Permanent address of the element's page on the documentation site.")
    score: str = Field(description="The element's score as shown (whole number or '—').")
    level: str = Field(description="Readiness level label, or 'not computable'.")


class DocMeta(_Trusted):
    """Document metadata: the HTML <head> and the PDF's information dictionary."""

    title: str = Field(description="Document title (HTML <title>, PDF Title).")
    author: str = Field(description="PDF Author: who the report is of/for.")
    subject: str = Field(description="PDF Subject (<meta name=description>).")
    keywords: list[str] = Field(description="PDF Keywords (<meta name=keywords>).")
    generator: str = Field(description="Toolkit name and version (<meta name=generator>).")
    lang: str = Field(description="Language of the document (BCP 47).")
    css: str = Field(
        description="The packaged stylesheet (lchd_assess/assets/report.css), inlined unescaped in <style>."
    )


GAP_LABELS = {
    "similar": "Similar",
    "some-difference": "Some difference",
    "large-difference": "Large difference",
    "not-shown": "Not shown (one side too small or not computable)",
}
FLAG_LABELS = {
    "improved": "Improved",
    "declined": "Declined",
    "no-meaningful-change": "No meaningful change",
    "not-comparable": "Not comparable",
}
STATUS_LABELS = {
    "ok": "Answered",
    "few": "Fewer than the cell size",
    "silent": "Silent: on the roster, nobody answered",
    "not-on-roster": "Not on the roster",
}
SCALE_LABELS = {"neighbourhood": "Neighbourhood", "city": "City", "county": "County", "region": "Region"}

SUMMARY_RULE = (
    "Priorities are the foundational structures below the gate, then the lowest-scoring elements, "
    "up to three; strengths are the three highest-scoring of the remaining elements. Ties go to "
    "the framework's order (P1–P4, then FS1–FS4). Elements without a score are neither."
)


def report_method_words(score: ScoreResult) -> MethodWords:
    """The method's sentences for the rules ``score`` was made with (context/method_words.py:
    the same sentences as the site's page on scoring)."""
    return method_words(score.method, {e.id: e.name for e in score.elements})


def gated_elements(score: ScoreResult) -> str:
    """The elements the gate applies to, in words, from the rules the scores were made with:
    'the four foundational structures (FS1–FS4)', and any other gated element by ID and name."""
    return gated_words(score.method.gate_elements, {e.id: e.name for e in score.elements})


def summary_rule(score: ScoreResult) -> str:
    """How strengths and priorities are chosen (:func:`choose_priorities`), in words."""
    if score.method.gate_elements == ["FS1", "FS2", "FS3", "FS4"]:
        return SUMMARY_RULE
    return SUMMARY_RULE.replace(
        "the foundational structures below the gate", f"{gated_elements(score)} when below the gate"
    )


def element_url(fw: FrameworkInfo, element_id: str) -> str:
    """Permanent page of a principle or structure in the release the report was scored with
    (``…/1.0/principles/P1/``), so the page a reader opens says what the report meant."""
    if element_id.startswith("FS"):
        return permanent_url(fw.base_url, fw.version, "structure", element_id)
    if element_id.startswith("P"):
        return permanent_url(fw.base_url, fw.version, "principle", element_id)
    return ""


def framework_info(fw: "Framework", paper_citation: str) -> FrameworkInfo:
    """The report's view of the framework (title, version, site, citations).

    ``paper_citation`` comes from formats.citation (the one place citations are formatted).
    """
    pub = fw.meta.source_publication
    toolkit = f"{fw.meta.title}, version {fw.meta.version} ({fw.meta.release_date}). {versioned_url(fw.meta.base_url, fw.meta.version)}"
    return FrameworkInfo(
        title=fw.meta.title,
        version=fw.meta.version,
        base_url=fw.meta.base_url,
        paper_citation=paper_citation,
        paper_url=f"https://doi.org/{pub.doi}",
        toolkit_citation=toolkit,
    )


def guidance_from_assessment(assessment: Any) -> Guidance:
    """Item wording, level order and actions from the validated instrument data
    (``instrument.load_assessment()``)."""
    stems = {it.id: it.stem for it in assessment.instrument.items}
    levels = [b.id for b in assessment.rules.levels]
    actions = [
        GuidanceAction(
            id=a.id, element=a.element, up_to_level=a.up_to_level, title=a.title, text=a.text, source=a.source.label()
        )
        for a in assessment.actions.actions
        if a.status == "active"  # a retired action keeps its ID but is never suggested
    ]
    perspectives: dict[str, list[str]] = {}
    for g in assessment.instrument.sector_groups:
        perspectives.setdefault(g.perspective, []).append(g.id)
    # Results scored with instrument 1.0.0 have one "community" group (residents, families and
    # community organisations together); it sits on the community side when they are re-read.
    if "community" not in {g.id for g in assessment.instrument.sector_groups}:
        perspectives.setdefault("community", []).append("community")
    rules = assessment.rules
    return Guidance(
        item_stems=stems,
        level_order=levels,
        actions=actions,
        level_meanings={b.id: b.description for b in rules.levels},
        caution=CautionRules(
            min_respondents=rules.caution.min_respondents,
            max_silent_sectors=rules.caution.max_silent_sectors,
            max_dont_know_share=rules.caution.max_dont_know_share,
        ),
        min_partnerships_for_percentiles=rules.portfolio.min_partnerships_for_percentiles,
        min_cell_size=rules.min_cell_size,
        perspectives=perspectives,
        sector_groups={x.id: x.group for x in assessment.instrument.sectors},
        instrument_version=assessment.instrument.version,
    )


def select_actions(guidance: Guidance, element: str, level: str | None) -> list[GuidanceAction]:
    """Actions for ``element`` at ``level``: those whose ``up_to_level`` is at or above it;
    all of them when the level is unknown. The one place this rule lives."""
    rank = {lid: i for i, lid in enumerate(guidance.level_order)}
    return [
        a
        for a in guidance.actions
        if a.element == element
        and (
            level is None
            or level not in rank
            or a.up_to_level is None
            or a.up_to_level not in rank
            or rank[level] <= rank[a.up_to_level]
        )
    ]


def signed(value: float | None) -> str:
    if value is None:
        return "—"
    text = f"{value:+.0f}"
    return "0" if text in ("+0", "-0") else text.replace("-", "−")


def sector_labels(rep: Representation, sector_ids: Sequence[str]) -> list[str]:
    """The labels of ``sector_ids`` as the scorer gave them (the code when it gave none)."""
    label_of = {s.sector: s.label for s in rep.by_sector}
    return [label_of.get(x, x) for x in sector_ids]


def element_ref(fw: FrameworkInfo, e: ElementScore) -> ElementRef:
    return ElementRef.trusted(
        id=e.id,
        name=e.name,
        url=element_url(fw, e.id),
        score=filters.score(e.score),
        level=e.level_label or "not computable",
    )


def choose_priorities(score: ScoreResult) -> tuple[list[ElementScore], list[ElementScore]]:
    """(strengths, priorities) by :data:`SUMMARY_RULE`."""
    core = [e for e in score.elements if e.kind != "overall"]
    order = {e.id: i for i, e in enumerate(core)}
    scored = [e for e in core if e.score is not None]
    capping = [e for e in scored if e.id in set(score.gating.capping_elements)]
    capping.sort(key=lambda e: (e.score, order[e.id]))
    rest = sorted((e for e in scored if e not in capping), key=lambda e: (e.score, order[e.id]))
    priorities = (capping + rest)[:3]
    remaining = [e for e in scored if e not in priorities]
    strengths = sorted(remaining, key=lambda e: (-e.score, order[e.id]))[:3]  # type: ignore[operator]
    return strengths, priorities

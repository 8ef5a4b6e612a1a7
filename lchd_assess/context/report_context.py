"""Typed contexts of the report templates, built from a ScoreResult (and nothing about respondents
that the ScoreResult does not already show).

Each template receives exactly one model from this module as its variables
(``template.render(**context.template_vars())``); every field carries a description, and
``tests/test_report_context.py`` renders each template through a proxy that records which
fields it reads and fails if it reads anything undocumented.

Inputs:
* :class:`~lchd_assess.score.models.ScoreResult`: the only source of scores, counts and
  suppression (a group the scorer hid stays hidden: we never recompute a breakdown);
* :class:`FrameworkInfo`: the framework's title, version, site address and citation;
* :class:`Guidance`: item wording and recommended actions from the instrument data;
* the partner roster (organisation names and sectors, never people).

Values are formatted here (scores as whole numbers, intervals as ``lo–hi``, shares as
percentages) so templates only place text, and the HTML is byte-identical for the same input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

from pydantic import BaseModel, ConfigDict, Field

from ..core import formatting as filters
from ..core.addresses import permanent_url, versioned_url
from ..score.models import ElementScore, Representation, ScoreResult

if TYPE_CHECKING:  # pragma: no cover
    from .meeting import Meeting
    from ..load.framework import Framework


class _Ctx(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def template_vars(self) -> dict[str, Any]:
        """The model's fields as top-level template variables (shallow: nested models stay models)."""
        return {name: getattr(self, name) for name in type(self).model_fields}


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


class RosterOrganisation(_Ctx):
    """A partner organisation on the roster (organisations only, never people)."""

    name: str = Field(description="Organisation name as the partnership wrote it.")
    sector: str = Field(description="Sector code.")


# -- Shared pieces -----------------------------------------------------------------------------


class ElementRef(_Ctx):
    """A framework element named in a sentence or list, with its documentation page."""

    id: str = Field(description="Element ID (P1–P4, FS1–FS4).")
    name: str = Field(description="Element name from the framework.")
    url: str = Field(description="Permanent address of the element's page on the documentation site.")
    score: str = Field(description="The element's score as shown (whole number or '—').")
    level: str = Field(description="Readiness level label, or 'not computable'.")


class Chart(_Ctx):
    """An inline SVG chart and the ID of the table that holds the same numbers."""

    svg: str = Field(
        description="The chart as an <svg role='img'> element, built and escaped by lchd_assess.render.charts (inserted unescaped)."
    )
    table_id: str = Field(description="HTML id of the table with the chart's numbers (the data fallback).")
    caption: str = Field(description="Caption under the chart.")


class DocMeta(_Ctx):
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


# -- Partnership report ------------------------------------------------------------------------


class Summary(_Ctx):
    """What page 1 shows besides :class:`~lchd_assess.context.meeting.Meeting`."""

    not_computable: list[ElementRef] = Field(description="Elements without a score.")
    n_respondents: int = Field(description="Respondents in this wave.")


class ElementRow(_Ctx):
    id: str = Field(description="Element ID, or 'overall'.")
    name: str = Field(description="Element name.")
    url: str = Field(description="Documentation page of the element ('' for overall).")
    computable: bool = Field(description="False when the scorer could not compute a score.")
    score: str = Field(description="Score 0–100 as a whole number, or '—'.")
    level: str = Field(description="Readiness level label, or '—'.")
    interval: str = Field(description="95 % interval 'lo–hi', or '—'.")
    n: int = Field(description="Respondents with a valid answer on the element.")
    coverage: str = Field(description="Share of items with a valid answer, as a percentage.")
    sd: str = Field(description="Spread between respondents (standard deviation, 0–100 scale), or '—'.")
    dont_know: int = Field(description="Don't-know answers on the element's items.")
    not_applicable: int = Field(description="Not-applicable answers on the element's items.")
    reason: str = Field(description="Why there is no score ('' when there is one).")


class PerspectiveRow(_Ctx):
    id: str = Field(description="Element ID.")
    name: str = Field(description="Element name.")
    community: str = Field(description="Community perspective score, or '—' when hidden or not computable.")
    institutional: str = Field(description="Institutional perspective score, or '—'.")
    difference: str = Field(description="Community minus institutional, signed, or '—'.")
    code: str = Field(description="Gap code ID (similar, some-difference, large-difference, not-shown).")
    code_label: str = Field(description="Gap code as shown to people.")
    explanation: str = Field(description="The scorer's sentence about the code.")


class GroupColumn(_Ctx):
    label: str = Field(description="Sector group label.")
    n: int = Field(description="Respondents in the group (only groups at or above the cell size are columns).")


class GroupRow(_Ctx):
    id: str = Field(description="Element ID.")
    name: str = Field(description="Element name.")
    cells: list[str] = Field(
        description="The element's score per shown group, in column order ('—' when not computable)."
    )


class HiddenGroup(_Ctx):
    label: str = Field(description="Sector group label.")
    text: str = Field(
        description="Why it is not shown: 'fewer than k respondents' or that it protects a smaller group."
    )


class Perspectives(_Ctx):
    rows: list[PerspectiveRow] = Field(description="One row per element.")
    chart: Chart = Field(description="Community vs institutional dot plot.")
    gap_rule: str = Field(description="The gap-coding rule in words.")
    group_columns: list[GroupColumn] = Field(description="Sector groups shown (at or above the cell size).")
    group_rows: list[GroupRow] = Field(description="Element scores per shown sector group.")
    hidden_groups: list[HiddenGroup] = Field(description="Sector groups not shown, with the reason.")
    min_cell_size: int = Field(description="Minimum cell size k.")


class SectorRow(_Ctx):
    label: str = Field(description="Sector label.")
    on_roster: bool = Field(description="The roster lists an organisation of this sector.")
    organisations: list[str] = Field(description="Roster organisations of this sector, sorted.")
    respondents: str = Field(description="Respondents as shown: a number, 'fewer than k' or 'none'.")
    status: str = Field(description="Status ID: ok, few, silent, not-on-roster.")
    status_label: str = Field(description="Status as shown to people.")


class WhoAnswered(_Ctx):
    rows: list[SectorRow] = Field(description="One row per sector.")
    silent: list[str] = Field(description="Labels of roster sectors with no respondent.")
    few: list[str] = Field(description="Labels of roster sectors with fewer respondents than the cell size.")
    residents: str = Field(description="The scorer's sentence on how many respondents are residents or family members.")
    n_respondents: int = Field(description="Respondents in this wave.")
    n_organisations: int = Field(description="Organisations on the roster.")


class ChangeRow(_Ctx):
    id: str = Field(description="Element ID or 'overall'.")
    name: str = Field(description="Element name.")
    previous: str = Field(description="Previous-wave score, or '—'.")
    current: str = Field(description="This wave's score, or '—'.")
    delta: str = Field(description="Signed change in points, or '—'.")
    flag: str = Field(description="Change flag ID: improved, declined, no-meaningful-change, not-comparable.")
    flag_label: str = Field(description="Change flag as shown.")
    reason: str = Field(description="Why not comparable ('' otherwise).")


class ChangeSection(_Ctx):
    previous_wave: str = Field(description="The wave compared with.")
    rule: str = Field(description="The meaningful-change rule in words.")
    rows: list[ChangeRow] = Field(description="One row per element, then overall.")


class ActionItem(_Ctx):
    id: str = Field(description="Action ID.")
    title: str = Field(description="Action title.")
    text: str = Field(description="What to do.")
    source: str = Field(description="Where in the paper it comes from ('' if not given).")


class ActionGroup(_Ctx):
    element: ElementRef = Field(description="The priority element, with its documentation page.")
    why: str = Field(description="Why it is a priority, in words.")
    actions: list[ActionItem] = Field(description="Recommended actions for the element at its level.")


class ItemRow(_Ctx):
    id: str = Field(description="Item ID.")
    stem: str = Field(description="Item wording ('' when the instrument data is not at hand).")
    score: str = Field(description="Mean of valid answers on 0–4, one decimal, or '—'.")
    n_valid: int = Field(description="Valid answers.")
    dont_know: int = Field(description="Don't-know answers.")
    not_applicable: int = Field(description="Not-applicable answers.")
    blank: int = Field(description="Left empty.")


class MethodSection(_Ctx):
    instrument: str = Field(description="Instrument ID and version.")
    framework: str = Field(description="Framework title and version.")
    scoring_rules_version: str = Field(description="Scoring rules version.")
    rules: list[str] = Field(description="The scoring rules in plain sentences.")
    levels: list[str] = Field(description="The readiness levels with their score ranges.")
    items: list[ItemRow] = Field(description="Per-item counts and means.")
    total_dont_know: int = Field(description="Don't-know answers across all elements.")
    total_not_applicable: int = Field(description="Not-applicable answers across all elements.")
    summary_rule: str = Field(description="How strengths and priorities are chosen, in words.")


class CommentRow(_Ctx):
    item: str = Field(description="Item the comment was written on.")
    stem: str = Field(
        description="The item's question, as members read it ('' when the instrument data is not at hand)."
    )
    text: str = Field(description="The comment (escaped by the template).")
    sector: str = Field(description="Sector group of the commenter, or a note that it is not shown.")


class ReportContext(_Ctx):
    """Everything report.html.j2 shows."""

    meta: DocMeta = Field(description="Document metadata and stylesheet.")
    partnership_name: str = Field(description="The partnership's name as it gave it.")
    partnership_id: str = Field(description="Folder name of the partnership.")
    scale: str = Field(description="Geographic scale as shown.")
    population_focus: str = Field(description="Who the partnership serves.")
    wave: str = Field(description="The wave reported.")
    waves_available: list[str] = Field(description="Every wave with answers.")
    framework: FrameworkInfo = Field(description="Framework title, version, site and citation.")
    meeting: "Meeting" = Field(
        description="Page 1, the meeting: level and meaning, caution, gaps, change, priorities, questions (context/meeting.py)."
    )
    summary: Summary = Field(description="Section 1.")
    scores_chart: Chart = Field(description="Section 2's dot plot of scores with intervals.")
    elements: list[ElementRow] = Field(description="Section 2's table: P1–P4, FS1–FS4, overall.")
    perspectives: Perspectives = Field(description="Section 3.")
    who: WhoAnswered = Field(description="Section 4.")
    change: ChangeSection | None = Field(description="Section 5; null when there is no previous wave.")
    actions: list[ActionGroup] = Field(description="Section 6: one group per priority element.")
    method: MethodSection = Field(description="Section 7.")
    comments: list[CommentRow] | None = Field(
        description="Free-text comments; null unless the partnership asked for them (--comments)."
    )


# -- Builders ----------------------------------------------------------------------------------

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


def _signed(value: float | None) -> str:
    if value is None:
        return "—"
    text = f"{value:+.0f}"
    return "0" if text in ("+0", "-0") else text.replace("-", "−")


def sector_labels(rep: Representation, sector_ids: Sequence[str]) -> list[str]:
    """The labels of ``sector_ids`` as the scorer gave them (the code when it gave none)."""
    label_of = {s.sector: s.label for s in rep.by_sector}
    return [label_of.get(x, x) for x in sector_ids]


def _ref(fw: FrameworkInfo, e: ElementScore) -> ElementRef:
    return ElementRef(
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


def build_report_context(
    score: ScoreResult,
    fw: FrameworkInfo,
    guidance: Guidance | None = None,
    roster: list[RosterOrganisation] | None = None,
    *,
    css: str = "",
    generator: str = "lchd-assess",
) -> ReportContext:
    """The partnership report's context. Shows only what ``score`` shows."""
    from ..render.charts import Band, DotRow, Series, dot_plot
    from .meeting import build_meeting

    guidance = guidance or Guidance()
    roster = roster or []
    by_id = {e.id: e for e in score.elements}
    core = [e for e in score.elements if e.kind != "overall"]
    m = score.method
    k = m.min_cell_size

    _strengths, priorities = choose_priorities(score)
    meeting = build_meeting(score, fw, guidance)
    summary = Summary(not_computable=[_ref(fw, e) for e in core if e.score is None], n_respondents=score.n_respondents)

    rows = [
        ElementRow(
            id=e.id,
            name=e.name,
            url=element_url(fw, e.id),
            computable=e.score is not None,
            score=filters.score(e.score),
            level=e.level_label or "—",
            interval=filters.interval(e.interval),
            n=e.n_respondents,
            coverage=filters.percent(e.coverage),
            sd=filters.score(e.sd),
            dont_know=e.n_dont_know,
            not_applicable=e.n_not_applicable,
            reason=e.reason or ("" if e.score is not None else "Not computable."),
        )
        for e in score.elements
    ]
    bands = [Band(label, lo, hi) for _id, label, lo, hi in m.level_bands]
    dot_rows = [
        DotRow(
            label=f"{e.id} {e.name}" if e.kind != "overall" else e.name,
            values=[e.score],
            intervals=[tuple(e.interval) if e.interval else None],
            note="not computable",
            emphasis=e.kind == "overall",
        )  # type: ignore[list-item]
        for e in score.elements
    ]
    scores_svg = dot_plot(
        dot_rows,
        [Series("Score", "#0b5394")],
        title=f"Readiness scores of {score.partnership.name}, wave {score.wave}",
        desc="Score of each principle and foundational structure and the overall score on a 0 to 100 scale, with 95 % intervals as horizontal lines; shaded bands are the readiness levels; the dashed line is the gate. The same numbers are in the table that follows.",
        ident="chart-scores",
        bands=bands,
        reference=(score.gating.threshold, f"Gate ({filters.score(score.gating.threshold)})"),
        width=680,
        label_width=300,
    )

    # Perspectives: the scorer's gaps, and only the groups it did not suppress.
    gap_by_id = {g.id: g for g in score.gaps}
    prow = []
    for e in core:
        g = gap_by_id.get(e.id)
        if g is None:
            continue
        prow.append(
            PerspectiveRow(
                id=e.id,
                name=e.name,
                community=filters.score(g.community),
                institutional=filters.score(g.institutional),
                difference=_signed(g.difference),
                code=g.code,
                code_label=GAP_LABELS[g.code],
                explanation=g.explanation,
            )
        )
    persp_svg = dot_plot(
        [
            DotRow(
                label=f"{e.id} {e.name}",
                values=[gap_by_id[e.id].community, gap_by_id[e.id].institutional],
                note="one side cannot be shown",
            )
            for e in core
            if e.id in gap_by_id
        ],
        [Series("Community", "#b35900", "square", True), Series("Institutional", "#0b5394", "circle", False)],
        title="Community and institutional perspectives per element",
        desc="For each element, the community perspective score (filled square) and the institutional perspective score (hollow circle) on a 0 to 100 scale. The same numbers are in the table that follows.",
        ident="chart-perspectives",
        width=680,
        label_width=300,
    )
    shown = [gr for gr in score.groups if not gr.suppressed and gr.elements is not None and gr.n is not None]
    hidden = [
        HiddenGroup(
            label=gr.label,
            text=(
                f"fewer than {k} respondents, so its scores are not shown"
                if gr.suppression_reason != "complementary"
                else f"its scores and its number of respondents are not shown, so that a group of fewer than {k} cannot be worked out by subtraction (its members are in the total under Who answered)"
            ),
        )
        for gr in score.groups
        if gr.suppressed
    ]
    group_rows = []
    for e in core:
        cells = []
        for gr in shown:
            ge = {x.id: x for x in gr.elements or []}.get(e.id)
            cells.append(filters.score(ge.score) if ge else "—")
        group_rows.append(GroupRow(id=e.id, name=e.name, cells=cells))
    lo, hi = m.gap_thresholds
    perspectives = Perspectives(
        rows=prow,
        chart=Chart(
            svg=str(persp_svg),
            table_id="perspectives-table",
            caption="Community (filled squares) and institutional (hollow circles) perspectives. Numbers in the table below.",
        ),
        gap_rule=f"Similar when the two perspectives differ by less than {filters.score(lo)} points, some difference below {filters.score(hi)} points, a large difference otherwise; not shown when one side has too few answers to show or no score.",
        group_columns=[GroupColumn(label=gr.label, n=gr.n or 0) for gr in shown],
        group_rows=group_rows if shown else [],
        hidden_groups=hidden,
        min_cell_size=k,
    )

    orgs: dict[str, list[str]] = {}
    for o in roster:
        orgs.setdefault(o.sector, []).append(o.name)
    rep = score.representation
    who = WhoAnswered(
        rows=[
            SectorRow(
                label=s.label,
                on_roster=s.on_roster,
                organisations=sorted(orgs.get(s.sector, [])),
                respondents=s.display,
                status=s.status,
                status_label=STATUS_LABELS[s.status],
            )
            for s in rep.by_sector
        ],
        silent=sector_labels(rep, rep.silent_sectors),
        few=sector_labels(rep, rep.few_sectors),
        residents=rep.residents_display if rep.residents_display.endswith(".") else rep.residents_display + ".",
        n_respondents=score.n_respondents,
        n_organisations=len(roster),
    )

    change = None
    if score.change is not None:
        c = score.change
        change = ChangeSection(
            previous_wave=c.previous_wave,
            rule=f"A change counts as meaningful when the score moves by at least {filters.score(c.threshold)} points; smaller moves are within what different respondents or chance alone could give. Elements are compared only when both waves have a score and the items asked the same thing.",
            rows=[
                ChangeRow(
                    id=ch.id,
                    name=by_id[ch.id].name if ch.id in by_id else ch.id,
                    previous=filters.score(ch.previous),
                    current=filters.score(ch.current),
                    delta=_signed(ch.delta),
                    flag=ch.flag,
                    flag_label=FLAG_LABELS[ch.flag],
                    reason=ch.reason or "",
                )
                for ch in c.elements
            ],
        )

    capping_ids = set(score.gating.capping_elements)
    action_groups = []
    for e in priorities:
        acts = select_actions(guidance, e.id, e.level)
        why = (
            f"Below the gate ({filters.score(score.gating.threshold)}): it holds the overall level back."
            if e.id in capping_ids
            else f"Among the lowest scores ({filters.score(e.score)}, {e.level_label or 'no level'})."
        )
        action_groups.append(
            ActionGroup(
                element=_ref(fw, e),
                why=why,
                actions=[ActionItem(id=a.id, title=a.title, text=a.text, source=a.source) for a in acts],
            )
        )

    items = [
        ItemRow(
            id=it.id,
            stem=guidance.item_stems.get(it.id, ""),
            score=filters.score(it.score, 1),
            n_valid=it.n_valid,
            dont_know=it.n_dont_know,
            not_applicable=it.n_not_applicable,
            blank=it.n_blank,
        )
        for e in core
        for it in e.items
    ]
    method = MethodSection(
        instrument=f"{score.instrument_id} {score.instrument_version}",
        framework=f"{fw.title} {score.framework_version}",
        scoring_rules_version=score.scoring_rules_version,
        rules=[
            "Each answer is on a 0–4 scale; don't know, not applicable and blank answers are counted but not scored.",
            # the multiplier is the scoring rules' (carried in the result), never a constant here
            f"An item's score is the mean of its valid answers; an element's score is the mean of its item scores times {m.scale_multiplier:g} (0–100); the overall score is the mean of the eight element scores.",
            f"An element is scored only when at least {filters.percent(m.min_item_coverage)} of its items have a valid answer and at least {m.min_respondents} respondents answered.",
            f"Interval: {m.interval}",
            f"Gate: a foundational structure below {filters.score(m.gate_threshold)} caps the overall readiness level.",
            f"Privacy: a group of fewer than {k} respondents is never shown, nor any group from which it could be worked out by subtraction; comments show a sector group only when that group has at least {k} respondents.",
            f"Meaningful change: a move of at least {filters.score(m.meaningful_change)} points between waves.",
            *(
                [f"Caution on page 1: {meeting.caution_rule[0].lower()}{meeting.caution_rule[1:]}"]
                if meeting.caution_rule
                else []
            ),
        ],
        levels=[
            f"{label}: {filters.score(lo_)} to {'100' if hi_ >= 100 else 'under ' + filters.score(hi_)}"
            for _i, label, lo_, hi_ in m.level_bands
        ],
        items=items,
        total_dont_know=sum(e.n_dont_know for e in core),
        total_not_applicable=sum(e.n_not_applicable for e in core),
        summary_rule=SUMMARY_RULE,
    )

    comments = None
    if score.comments is not None:
        # A sector group is named only when the scorer shows it; a group it hid stays hidden
        # here even if a comment carried its name.
        group_label = {gr.group: gr.label for gr in score.groups if not gr.suppressed}
        # In questionnaire order, so comments sit under each question as members read it.
        position = {item: i for i, item in enumerate(guidance.item_stems)}
        comments = [
            CommentRow(
                item=c.item,
                stem=guidance.item_stems.get(c.item, ""),
                text=c.text,
                sector=group_label.get(c.sector_group or "", f"not shown (group of fewer than {k})"),
            )
            for c in sorted(
                score.comments,
                key=lambda c: (position.get(c.item, len(position)), c.item, c.text, c.sector_group or ""),
            )
        ]

    p = score.partnership
    title = f"Readiness report: {p.name}, wave {score.wave}"
    meta = DocMeta(
        title=title,
        author=p.name,
        subject=f"LCHD partnership readiness self-assessment report for {p.name}, wave {score.wave} (instrument {score.instrument_id} {score.instrument_version}, framework {score.framework_version})",
        keywords=["LCHD", "cross-sector partnership", "readiness self-assessment", f"wave {score.wave}"],
        generator=generator,
        lang="en",
        css=css,
    )
    return ReportContext(
        meta=meta,
        partnership_name=p.name,
        partnership_id=p.id,
        scale=SCALE_LABELS.get(p.scale, p.scale),
        population_focus=p.population_focus,
        wave=score.wave,
        waves_available=list(score.waves_available),
        framework=fw,
        summary=summary,
        meeting=meeting,
        scores_chart=Chart(
            svg=str(scores_svg),
            table_id="scores-table",
            caption="Scores with 95 % intervals; shaded bands are the readiness levels. Numbers in the table below.",
        ),
        elements=rows,
        perspectives=perspectives,
        who=who,
        change=change,
        actions=action_groups,
        method=method,
        comments=comments,
    )


# Page 1's models live in context/meeting.py, which builds on the pieces above; it is imported
# last and completes ReportContext (its "Meeting" field) itself, whichever module loads first.
from . import meeting as _meeting  # noqa: E402,F401

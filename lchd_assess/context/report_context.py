"""Typed contexts of the report templates, built from a ScoreResult (and nothing about respondents
that the ScoreResult does not already show).

Each template receives exactly one model from this module as its variables
(``render.templating.render(env, name, context)``); every field carries a description, and
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
Charts are data (context/charts.py); render/charts.py draws them through the ``chart_svg`` filter.

Where the pieces live: the inputs, labels and shared rules in report_parts.py; page 1 in
meeting.py; section 3 in report_perspectives.py; the other sections' models and builders in
report_sections.py; this module puts them together (and keeps their names importable from here).
"""

from __future__ import annotations

from typing import ClassVar, Sequence

from pydantic import Field

from ..core import formatting as filters
from ..score.models import ScoreResult
from .base import _Ctx, _Trusted
from .charts import DotBand, DotChart, DotRowData
from .meeting import Meeting, build_meeting

# The report's inputs, shared pieces and section models live in report_parts.py,
# report_perspectives.py and report_sections.py; their names stay importable from here, where callers and tests look.
from .report_parts import (  # noqa: F401  (re-exported)
    FLAG_LABELS,
    GAP_LABELS,
    SCALE_LABELS,
    STATUS_LABELS,
    SUMMARY_RULE,
    CautionRules,
    DocMeta,
    ElementRef,
    FrameworkInfo,
    Guidance,
    GuidanceAction,
    RosterOrganisation,
    choose_priorities,
    element_ref,
    element_url,
    framework_info,
    guidance_from_assessment,
    sector_labels,
    select_actions,
    signed,
)
from .report_perspectives import (  # noqa: F401  (re-exported)
    GroupColumn,
    GroupRow,
    HiddenGroup,
    PerspectiveRow,
    Perspectives,
    perspectives_section,
)
from .report_sections import (  # noqa: F401  (re-exported)
    ActionGroup,
    ActionItem,
    ChangeRow,
    ChangeSection,
    CommentRow,
    ElementRow,
    ItemRow,
    MethodSection,
    SectorRow,
    Summary,
    WhoAnswered,
    action_groups,
    change_section,
    comment_rows,
    method_section,
    who_answered,
)

__all__ = ["ReportContext", "build_report_context", "_Ctx"]


class ReportContext(_Trusted):
    """Everything report.html.j2 shows."""

    TEMPLATES: ClassVar[tuple[str, ...]] = ("report/report.html.j2",)

    meta: DocMeta = Field(description="Document metadata and stylesheet.")
    partnership_name: str = Field(description="The partnership's name as it gave it.")
    partnership_id: str = Field(description="Folder name of the partnership.")
    scale: str = Field(description="Geographic scale as shown.")
    population_focus: str = Field(description="Who the partnership serves.")
    wave: str = Field(description="The wave reported.")
    waves_available: list[str] = Field(description="Every wave with answers.")
    framework: FrameworkInfo = Field(description="Framework title, version, site and citation.")
    meeting: Meeting = Field(
        description="Page 1, the meeting: level and meaning, caution, gaps, change, priorities, questions (context/meeting.py)."
    )
    summary: Summary = Field(description="Section 1.")
    scores_chart: DotChart = Field(
        description="Section 2's dot plot of scores with intervals (data; render/charts.py draws it)."
    )
    elements: list[ElementRow] = Field(description="Section 2's table: P1–P4, FS1–FS4, overall.")
    perspectives: Perspectives = Field(description="Section 3.")
    who: WhoAnswered = Field(description="Section 4.")
    change: ChangeSection | None = Field(description="Section 5; null when there is no previous wave.")
    actions: list[ActionGroup] = Field(description="Section 6: one group per priority element.")
    method: MethodSection = Field(description="Section 7.")
    comments: list[CommentRow] | None = Field(
        description="Free-text comments; null unless the partnership asked for them (--comments)."
    )


def _element_rows(score: ScoreResult, fw: FrameworkInfo) -> list[ElementRow]:
    """Section 2's table: every element, then overall."""
    return [
        ElementRow.trusted(
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


def _scores_chart(score: ScoreResult) -> DotChart:
    """Section 2's dot plot of scores with intervals, as data (render/charts.py draws it)."""
    m = score.method
    return DotChart.trusted(
        title=f"Readiness scores of {score.partnership.name}, wave {score.wave}",
        desc="Score of each principle and foundational structure and the overall score on a 0 to 100 scale, with 95% intervals as horizontal lines; shaded bands are the readiness levels; the dashed line is the gate. The same numbers are in the table that follows.",
        ident="chart-scores",
        series=["score"],
        rows=[
            DotRowData.trusted(
                label=f"{e.id} {e.name}" if e.kind != "overall" else e.name,
                values=[e.score],
                intervals=[tuple(e.interval) if e.interval else None],  # type: ignore[list-item]
                note="not computable",
                emphasis=e.kind == "overall",
            )
            for e in score.elements
        ],
        bands=[DotBand.trusted(label=label, lower=lo, upper=hi) for _id, label, lo, hi in m.level_bands],
        reference=(score.gating.threshold, f"Gate ({filters.score(score.gating.threshold)})"),
        width=680.0,
        label_width=300.0,
        table_id="scores-table",
        caption="Scores with 95% intervals; shaded bands are the readiness levels. Numbers in the table below.",
    )


def build_report_context(
    score: ScoreResult,
    fw: FrameworkInfo,
    guidance: Guidance | None = None,
    roster: Sequence[RosterOrganisation] | None = None,
    *,
    css: str = "",
    generator: str = "lchd-assess",
) -> ReportContext:
    """The partnership report's context. Shows only what ``score`` shows.

    ``roster`` is the partner roster's organisations; None when it is not known (a report
    made from a saved scores file, which names only the sectors on the roster).
    """
    guidance = guidance or Guidance()
    core = [e for e in score.elements if e.kind != "overall"]

    _strengths, priorities = choose_priorities(score)
    meeting = build_meeting(score, fw, guidance)
    summary = Summary.trusted(
        not_computable=[element_ref(fw, e) for e in core if e.score is None], n_respondents=score.n_respondents
    )

    rows = _element_rows(score, fw)
    scores_chart = _scores_chart(score)
    perspectives = perspectives_section(score, core)
    who = who_answered(score, None if roster is None else list(roster))
    change = change_section(score)
    actions = action_groups(score, fw, guidance, priorities)
    method = method_section(score, fw, guidance, core, meeting.caution_rule)
    comments = comment_rows(score, guidance)

    p = score.partnership
    meta = _doc_meta(score, css, generator)
    return ReportContext.trusted(
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
        scores_chart=scores_chart,
        elements=rows,
        perspectives=perspectives,
        who=who,
        change=change,
        actions=actions,
        method=method,
        comments=comments,
    )


def _doc_meta(score: ScoreResult, css: str, generator: str) -> DocMeta:
    """The report's document metadata (HTML head and PDF properties)."""
    p = score.partnership
    return DocMeta.trusted(
        title=f"Readiness report: {p.name}, wave {score.wave}",
        author=p.name,
        subject=f"LCHD partnership readiness self-assessment report for {p.name}, wave {score.wave} (instrument {score.instrument_id} {score.instrument_version}, framework {score.framework_version})",
        keywords=["LCHD", "cross-sector partnership", "readiness self-assessment", f"wave {score.wave}"],
        generator=generator,
        lang="en",
        css=css,
    )

"""Section 3 of the partnership report, the perspectives: the scorer's community-versus-
institutional gaps (rows and their dot chart) and the sector groups it did not suppress, with
the reason for each group it did.  Its names stay importable from context/report_context.py.
"""

from __future__ import annotations

from pydantic import Field

from ..core import formatting as filters
from ..score.models import ElementScore, Gap, GroupResult, ScoreResult
from .base import _Trusted
from .charts import DotChart, DotRowData
from .method_words import method_words
from .report_parts import GAP_LABELS, signed


class PerspectiveRow(_Trusted):
    id: str = Field(description="Element ID.")
    name: str = Field(description="Element name.")
    community: str = Field(description="Community perspective score, or '—' when hidden or not computable.")
    institutional: str = Field(description="Institutional perspective score, or '—'.")
    difference: str = Field(description="Community minus institutional, signed, or '—'.")
    code: str = Field(description="Gap code ID (similar, some-difference, large-difference, not-shown).")
    code_label: str = Field(description="Gap code as shown to people.")
    explanation: str = Field(description="The scorer's sentence about the code.")


class GroupColumn(_Trusted):
    label: str = Field(description="Sector group label.")
    n: int = Field(description="Respondents in the group (only groups at or above the cell size are columns).")


class GroupRow(_Trusted):
    id: str = Field(description="Element ID.")
    name: str = Field(description="Element name.")
    cells: list[str] = Field(
        description="The element's score per shown group, in column order ('—' when not computable)."
    )


class HiddenGroup(_Trusted):
    label: str = Field(description="Sector group label.")
    text: str = Field(
        description="Why it is not shown: 'fewer than k respondents' or that it protects a smaller group."
    )


class Perspectives(_Trusted):
    rows: list[PerspectiveRow] = Field(description="One row per element.")
    chart: DotChart = Field(description="Community vs institutional dot plot (data; render/charts.py draws it).")
    gap_rule: str = Field(description="The gap-coding rule in words.")
    group_columns: list[GroupColumn] = Field(description="Sector groups shown (at or above the cell size).")
    group_rows: list[GroupRow] = Field(description="Element scores per shown sector group.")
    hidden_groups: list[HiddenGroup] = Field(description="Sector groups not shown, with the reason.")
    min_cell_size: int = Field(description="Minimum cell size k.")


def perspectives_section(score: ScoreResult, core: list[ElementScore]) -> Perspectives:
    """Section 3: the scorer's gaps, and only the groups it did not suppress."""
    m = score.method
    k = m.min_cell_size
    gap_by_id = {g.id: g for g in score.gaps}
    shown = [gr for gr in score.groups if not gr.suppressed and gr.elements is not None and gr.n is not None]
    return Perspectives.trusted(
        rows=_gap_rows(core, gap_by_id),
        chart=_perspectives_chart(core, gap_by_id),
        # the codes as the method section and the site's scoring page word them
        gap_rule=method_words(m, {}).gap_rule,
        group_columns=[GroupColumn.trusted(label=gr.label, n=gr.n or 0) for gr in shown],
        group_rows=_group_rows(core, shown) if shown else [],
        hidden_groups=_hidden_groups(score, k),
        min_cell_size=k,
    )


def _gap_rows(core: list[ElementScore], gap_by_id: dict[str, Gap]) -> list[PerspectiveRow]:
    """One row per element the scorer compared, field by field from its gap."""
    rows = []
    for e in core:
        g = gap_by_id.get(e.id)
        if g is None:
            continue
        rows.append(
            PerspectiveRow.trusted(
                id=e.id,
                name=e.name,
                community=filters.score(g.community),
                institutional=filters.score(g.institutional),
                difference=signed(g.difference),
                code=g.code,
                code_label=GAP_LABELS[g.code],
                explanation=g.explanation,
            )
        )
    return rows


def _perspectives_chart(core: list[ElementScore], gap_by_id: dict[str, Gap]) -> DotChart:
    """The gap rows as a dot plot (data; render/charts.py draws it)."""
    return DotChart.trusted(
        title="Community and institutional perspectives per element",
        desc="For each element, the community perspective score (filled square) and the institutional perspective score (hollow circle) on a 0 to 100 scale. The same numbers are in the table that follows.",
        ident="chart-perspectives",
        series=["community", "institutional"],
        rows=[
            DotRowData.trusted(
                label=f"{e.id} {e.name}",
                values=[gap_by_id[e.id].community, gap_by_id[e.id].institutional],
                note="one side cannot be shown",
            )
            for e in core
            if e.id in gap_by_id
        ],
        width=680.0,
        label_width=300.0,
        table_id="perspectives-table",
        caption="Community (filled squares) and institutional (hollow circles) perspectives. Numbers in the table below.",
    )


def _hidden_groups(score: ScoreResult, k: int) -> list[HiddenGroup]:
    """The suppressed sector groups, each with why it is not shown."""
    return [
        HiddenGroup.trusted(
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


def _group_rows(core: list[ElementScore], shown: list[GroupResult]) -> list[GroupRow]:
    """Element scores per shown sector group, in column order ('—' when not computable)."""
    rows = []
    for e in core:
        cells = []
        for gr in shown:
            ge = {x.id: x for x in gr.elements or []}.get(e.id)
            cells.append(filters.score(ge.score) if ge else "—")
        rows.append(GroupRow.trusted(id=e.id, name=e.name, cells=cells))
    return rows

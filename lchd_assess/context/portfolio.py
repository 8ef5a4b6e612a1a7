"""The funder's portfolio: many partnerships' ScoreResults side by side (portfolio.html.j2 and
its printed form, portfolio_print.html.j2).

The portfolio shows a documented subset of each partnership's own report
(:data:`lchd_assess.score.portfolio.PORTFOLIO_FIELDS`) and statistics computed only from that subset
(each element's distribution across the portfolio and each partnership's percentile in it). It
never reads respondents, groups or comments: those stay in the partnership's own report.
How anonymised codes are made is in score/portfolio.py.
"""

from __future__ import annotations

from typing import ClassVar, Mapping, Sequence

from pydantic import Field

from ..core import formatting as filters
from ..core.errors import InputError
from ..score.models import ElementChange, ScoreResult
from ..score.portfolio import (
    DERIVED_FIELDS,  # re-exported: the site's funder page lists the CSV's columns from them
    ELEMENT_ORDER,
    PORTFOLIO_FIELDS,
    anonymous_codes,
    element_percentiles,
    holding_back,
    ordered,
    overall_change,
)
from ..score.stats import percentile
from .charts import StripChart, StripSeries
from .portfolio_brief import PortfolioBrief, build_brief
from .report_context import SCALE_LABELS, DocMeta, FrameworkInfo, _Ctx, element_url, sector_labels

__all__ = ["DERIVED_FIELDS", "PORTFOLIO_FIELDS", "PortfolioContext", "build_portfolio_context"]


class PortfolioCell(_Ctx):
    score: str = Field(description="Element score as shown (whole number) or '—'.")
    value: str = Field(description="The score with its decimal, for sorting the table ('' when not computable).")
    interval: str = Field(description="95% interval 'lo–hi' or '—'.")
    percentile: str = Field(description="Percentile within the portfolio, e.g. 'p63', or '—'.")


class PortfolioRow(_Ctx):
    label: str = Field(description="Partnership name, or its anonymous code.")
    report: str = Field(
        description="Relative link to the partnership's own report rendered alongside (--with-reports), or ''."
    )
    scale: str = Field(description="Geographic scale as shown.")
    wave: str = Field(description="Wave reported.")
    n: int = Field(description="Respondents.")
    level: str = Field(description="Overall readiness level after the gate.")
    cells: list[PortfolioCell] = Field(description="One cell per element column (P1–FS4, then overall).")
    gate: str = Field(description="Elements below the gate that hold the level back, or '' when the gate does not cap.")
    flags: list[str] = Field(
        description="Representation flags: silent sectors, sectors below the cell size, residents' share."
    )
    flags_short: str = Field(
        description="The same flags in a few words for the printed table ('2 silent, 1 few'), or ''."
    )
    change: str = Field(description="Overall change since the previous wave, signed, with its meaning ('—' when none).")


class ElementColumn(_Ctx):
    id: str = Field(description="Element ID or 'overall'.")
    name: str = Field(description="Element name.")
    url: str = Field(description="Element page on the documentation site ('' for overall).")


class DistributionRow(_Ctx):
    id: str = Field(description="Element ID or 'overall'.")
    name: str = Field(description="Element name.")
    n: int = Field(description="Partnerships with a score on it.")
    minimum: str = Field(description="Lowest score.")
    q1: str = Field(description="First quartile.")
    median: str = Field(description="Median.")
    q3: str = Field(description="Third quartile.")
    maximum: str = Field(description="Highest score.")


class PortfolioContext(_Ctx):
    """Everything portfolio.html.j2 and portfolio_print.html.j2 show."""

    TEMPLATES: ClassVar[tuple[str, ...]] = ("report/portfolio.html.j2", "report/portfolio_print.html.j2")

    meta: DocMeta = Field(description="Document metadata and stylesheet.")
    title: str = Field(description="Heading of the portfolio.")
    anonymized: bool = Field(description="Names replaced by stable codes.")
    n_partnerships: int = Field(description="Partnerships in the portfolio.")
    columns: list[ElementColumn] = Field(description="Element columns, P1–FS4 then overall.")
    rows: list[PortfolioRow] = Field(description="One row per partnership, by name (or by code when anonymised).")
    chart: StripChart = Field(description="Strip plot data: every element's scores across the portfolio.")
    distribution: list[DistributionRow] = Field(description="Five-number summary per element (the chart's data table).")
    versions: list[str] = Field(
        description="Distinct instrument and framework versions the partnerships were scored with."
    )
    mixed_versions: bool = Field(
        description="True when partnerships were scored with different versions (compare with care)."
    )
    waves: list[str] = Field(
        description="Distinct waves reported (the printed table shows a wave column when there are several)."
    )
    subset: list[str] = Field(description="What the portfolio takes from each partnership's report, in words.")
    derived: list[str] = Field(description="What the portfolio computes across partnerships, in words.")
    anonymization_note: str = Field(description="How codes are made ('' when not anonymised).")
    framework: FrameworkInfo = Field(description="Framework title, version, site and citation.")
    brief: PortfolioBrief = Field(description="Page 1: the two-minute brief (context/portfolio_brief.py).")
    percentiles_shown: bool = Field(
        description="False when the portfolio is too small for percentiles (scoring-rules.yaml portfolio)."
    )
    reports_linked: bool = Field(description="Each row links to the partnership's report rendered alongside.")
    problems: list[str] = Field(
        description="Inputs left out, one line each (not a partnership, a duplicate, another instrument version)."
    )


def check_unique(scores: Sequence[ScoreResult]) -> None:
    seen: set[str] = set()
    for s in scores:
        if s.partnership.id in seen:
            raise InputError(f"{s.partnership.id}: partnership given twice; list each partnership folder once")
        seen.add(s.partnership.id)
    if not scores:
        raise InputError(
            "no partnership to put in the portfolio; give partnership folders (each with a partnership.yaml) or a folder of them"
        )


def _row(s: ScoreResult, label: str, report: str, pct: Mapping[str, Mapping[str, float | None]]) -> PortfolioRow:
    by_id = {e.id: e for e in s.elements}
    cells = []
    for eid in ELEMENT_ORDER:
        e = by_id.get(eid)
        p = pct[eid].get(s.partnership.id)
        cells.append(
            PortfolioCell(
                score=filters.score(e.score if e else None),
                value="" if e is None or e.score is None else f"{e.score:.1f}",
                interval=filters.interval(e.interval if e else None),
                percentile="—" if p is None else f"p{p:.0f}",
            )
        )
    rep = s.representation
    flags = []
    if rep.silent_sectors:
        flags.append("Silent: " + ", ".join(sector_labels(rep, rep.silent_sectors)))
    if rep.few_sectors:
        flags.append("Few: " + ", ".join(sector_labels(rep, rep.few_sectors)))
    short = [f"{len(rep.silent_sectors)} silent"] if rep.silent_sectors else []
    short += [f"{len(rep.few_sectors)} few"] if rep.few_sectors else []
    # the share, not the scorer's sentence: a table cell, read across a thousand rows
    flags.append(
        "Residents' share not shown (small group)"
        if rep.residents_share is None
        else f"Residents: {filters.percent(rep.residents_share)}"
    )
    return PortfolioRow(
        label=label,
        report=report,
        scale=SCALE_LABELS.get(s.partnership.scale, s.partnership.scale),
        wave=s.wave,
        n=s.n_respondents,
        level=s.gating.level_label or "—",
        cells=cells,
        gate=", ".join(holding_back(s)),
        flags=flags,
        flags_short=", ".join(short),
        change=_change_text(overall_change(s)),
    )


#: The largest portfolio whose chart draws one dot per partnership.
DOTS_UP_TO = 150


def _spread(
    scores: Sequence[ScoreResult], columns: Sequence[ElementColumn]
) -> tuple[StripChart, list[DistributionRow]]:
    """The strip plot's data and its five-number table, per element column."""
    series = []
    dist = []
    for col in columns:
        vals = sorted(e.score for s in scores for e in s.elements if e.id == col.id and e.score is not None)
        series.append(
            StripSeries.trusted(
                label=f"{col.id} {col.name}" if col.id != "overall" else col.name,
                values=vals,
                median=percentile(vals, 0.5) if vals else None,
            )
        )
        if not vals:
            dist.append(
                DistributionRow(id=col.id, name=col.name, n=0, minimum="—", q1="—", median="—", q3="—", maximum="—")
            )
            continue
        dist.append(
            DistributionRow(
                id=col.id,
                name=col.name,
                n=len(vals),
                minimum=filters.score(vals[0]),
                q1=filters.score(percentile(vals, 0.25)),
                median=filters.score(percentile(vals, 0.5)),
                q3=filters.score(percentile(vals, 0.75)),
                maximum=filters.score(vals[-1]),
            )
        )
    # Beyond a hundred or so partnerships the dots of a row merge into a smear (and thousands of
    # them take seconds to lay out in the PDF): each row becomes a histogram of 2-point bars.
    binned = len(scores) > DOTS_UP_TO
    shape = (
        "a bar per 2 points of the 0 to 100 scale, as tall as the number of partnerships scoring there"
        if binned
        else "one hollow dot per partnership at its score on a 0 to 100 scale"
    )
    chart = StripChart.trusted(
        title=f"Scores across {len(scores)} partnerships, per element",
        desc=f"For each element, {shape}, and a bar at the median. The five-number summary of each element is in the table that follows.",
        bin_width=2.0 if binned else 0.0,
        ident="chart-portfolio",
        rows=series,
        width=980.0,
        label_width=330.0,
        table_id="distribution-table",
        caption=(
            "Bars show how many partnerships score in each 2-point band" if binned else "Each dot is one partnership"
        )
        + "; the orange bar is the median. Numbers in the table below.",
    )
    return chart, dist


ANONYMIZATION_NOTE = (
    "Names are replaced by codes made from each partnership's folder name with a secret key the funder keeps (HMAC-SHA-256; P- and the first eight hexadecimal digits). "
    "With the same key a partnership gets the same code in every portfolio and every year; without the key nobody can work out which code belongs to which partnership, even knowing the folder names. "
    "The key is not in this document. The population focus is left out."
)


def build_portfolio_context(
    scores: Sequence[ScoreResult],
    fw: FrameworkInfo,
    *,
    key: bytes | None = None,
    css: str = "",
    generator: str = "lchd-assess",
    min_respondents: int = 8,
    min_for_percentiles: int = 10,
    problems: Sequence[str] = (),
    reports: Mapping[str, str] | None = None,
) -> PortfolioContext:
    """The portfolio's context; ``key`` (the funder's secret) replaces names by keyed codes;
    ``reports`` maps a partnership ID to the relative link of its report rendered alongside."""
    anonymize = key is not None
    check_unique(scores)
    codes = anonymous_codes([s.partnership.id for s in scores], key) if key is not None else {}
    pct = element_percentiles(scores, min_for_percentiles)
    names: dict[str, str] = {}
    for s in scores:
        for e in s.elements:
            names.setdefault(e.id, e.name)
    columns = [ElementColumn(id=eid, name=names.get(eid, eid), url=element_url(fw, eid)) for eid in ELEMENT_ORDER]
    links = reports or {}
    rows = [
        _row(s, codes[s.partnership.id] if anonymize else s.partnership.name, links.get(s.partnership.id, ""), pct)
        for s in ordered(scores, codes)
    ]
    chart, dist = _spread(scores, columns)
    versions = sorted(
        {f"instrument {s.instrument_id} {s.instrument_version}, framework {s.framework_version}" for s in scores}
    )
    title = "Portfolio of partnerships" + (" (anonymised)" if anonymize else "")
    return PortfolioContext(
        meta=_meta(title, len(scores), generator, css),
        title=title,
        anonymized=anonymize,
        n_partnerships=len(scores),
        columns=columns,
        rows=rows,
        chart=chart,
        distribution=dist,
        versions=versions,
        mixed_versions=len(versions) > 1,
        waves=sorted({s.wave for s in scores}),
        # Human words only: the CSV's column names are in its header row, not in the brief.
        subset=[meaning for _col, _path, meaning in PORTFOLIO_FIELDS],
        derived=[meaning for _col, meaning in DERIVED_FIELDS],
        anonymization_note=ANONYMIZATION_NOTE if anonymize else "",
        framework=fw,
        brief=build_brief(
            scores, min_respondents=min_respondents, min_for_percentiles=min_for_percentiles, problems=problems
        ),
        percentiles_shown=len(scores) >= min_for_percentiles,
        reports_linked=bool(links),
        problems=list(problems),
    )


def _meta(title: str, n: int, generator: str, css: str) -> DocMeta:
    return DocMeta.trusted(
        title=f"{title}: {n} LCHD partnership readiness reports",
        author="lchd-assess portfolio",
        subject=f"Readiness self-assessment scores of {n} cross-sector partnerships side by side, with each element's distribution and percentiles.",
        keywords=["LCHD", "cross-sector partnership", "readiness self-assessment", "portfolio"],
        generator=generator,
        lang="en",
        css=css,
    )


_CHANGE_WORDS = {
    "improved": "improved",
    "declined": "declined",
    "no-meaningful-change": "no meaningful change",
    "not-comparable": "not comparable",
}


def _change_text(c: ElementChange | None) -> str:
    if c is None:
        return "—"
    if c.delta is None:
        return "not comparable"
    return f"{filters.score(c.delta) if c.delta < 0 else '+' + filters.score(c.delta)} ({_CHANGE_WORDS[c.flag]})"

"""The funder's portfolio: many partnerships' ScoreResults side by side.

The portfolio shows a documented subset of each partnership's own report (:data:`PORTFOLIO_FIELDS`)
and statistics computed only from that subset (each element's distribution across the
portfolio and each partnership's percentile in it). It never reads respondents, groups or
comments: a partnership's sector groups, gaps, items and comments stay in its own report.

Anonymised codes: ``P-`` + the first 8 hex digits of HMAC-SHA-256 of the partnership ID (its
folder name) under a secret key the funder keeps (app/portfolio_key.py), lengthened for every
partnership if two would collide.  Keyed, because an unkeyed hash of a folder name is
recomputed by anyone who can guess folder names (``sha256("harbour-city-family-network")``),
which re-identifies the partnership; without the key a code says nothing about the name.
A keyed hash rather than an ordinal: with the same key the same partnership keeps the same code
in every portfolio and every year, whichever other partnerships are included, so a funder can
follow it over time; an ordinal by sorted ID would change when a partnership joins and would
leak alphabetical order.  Anonymised portfolios are ordered by code, and also drop the
population focus (free text that can name a place).
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Sequence

from pydantic import Field

from ..core import formatting as filters
from ..render.charts import StripRow, strip_plot
from ..score.stats import percentile
from .portfolio_brief import PortfolioBrief, build_brief
from .report_context import SCALE_LABELS, Chart, DocMeta, FrameworkInfo, _Ctx, element_url, sector_labels
from ..score.models import ScoreResult

#: What the portfolio takes from each ScoreResult: (column, ScoreResult field path, meaning).
#: Nothing else of a partnership appears in the portfolio; the percentile and distribution
#: columns are computed across the portfolio from these values only.
PORTFOLIO_FIELDS: list[tuple[str, str, str]] = [
    ("partnership", "partnership.name", "The partnership's name (or its code with --anonymize)."),
    ("id", "partnership.id", "Folder name of the partnership (omitted with --anonymize)."),
    ("scale", "partnership.scale", "Geographic scale."),
    ("wave", "wave", "Wave reported."),
    ("n_respondents", "n_respondents", "Respondents in the wave."),
    ("overall", "elements[overall].score", "Overall readiness score (0–100)."),
    ("overall_low, overall_high", "elements[overall].interval", "95 % interval of the overall score."),
    ("level", "gating.level_label", "Overall readiness level after the gate."),
    ("gate_capped", "gating.capped", "A foundational structure below the gate holds the level back."),
    ("capping_elements", "gating.capping_elements", "Structures below the gate."),
    ("<element>", "elements[P1–FS4].score", "Each element's score (0–100)."),
    ("<element>_low, <element>_high", "elements[P1–FS4].interval", "Each element's 95 % interval."),
    ("silent_sectors", "representation.silent_sectors", "Roster sectors with no respondent."),
    ("few_sectors", "representation.few_sectors", "Roster sectors with fewer respondents than the cell size."),
    (
        "residents_share",
        "representation.residents_share",
        "Share of respondents who are residents or family members (0–1); empty when the report hides it to protect a small group.",
    ),
    (
        "n_silent_sectors, n_few_sectors",
        "representation.silent_sectors, few_sectors",
        "How many roster sectors had no respondent, and how many had fewer than the cell size.",
    ),
    (
        "overall_change, change_flag",
        "change.elements[overall]",
        "Change of the overall score since the partnership's previous wave, and whether it is meaningful.",
    ),
    (
        "instrument, framework_version",
        "instrument_id, instrument_version, framework_version",
        "What it was scored with.",
    ),
]

#: Derived across the portfolio (not in any single report).
DERIVED_FIELDS: list[tuple[str, str]] = [
    (
        "<element>_percentile",
        "Percentile rank within the portfolio: 100 × (partnerships scoring lower + half of those scoring the same, itself included) ÷ partnerships with a score on the element.",
    ),
]

ELEMENT_ORDER = ("P1", "P2", "P3", "P4", "FS1", "FS2", "FS3", "FS4", "overall")


def anonymous_codes(ids: Sequence[str], key: bytes, digits: int = 8) -> dict[str, str]:
    """Keyed pseudonyms ``P-xxxxxxxx`` (see the module docstring), unique within ``ids``."""
    if len(key) < 16:
        raise ValueError("an anonymisation key needs at least 16 bytes")
    unique = sorted(set(ids))
    while True:
        codes = {i: "P-" + hmac.new(key, i.encode("utf-8"), hashlib.sha256).hexdigest()[:digits] for i in unique}
        if len(set(codes.values())) == len(codes) or digits >= 64:
            return codes
        digits += 2


def percentile_ranks(values: dict[str, float | None]) -> dict[str, float | None]:
    """Mid-rank percentile of each value among the non-null values (see DERIVED_FIELDS)."""
    present = [v for v in values.values() if v is not None]
    n = len(present)
    out: dict[str, float | None] = {}
    for key, v in values.items():
        if v is None or n == 0:
            out[key] = None
            continue
        below = sum(1 for x in present if x < v)
        same = sum(1 for x in present if x == v)
        out[key] = 100.0 * (below + 0.5 * same) / n
    return out


def _v(x: float | None) -> str:
    """A score in the CSV: one decimal, or empty when not computable."""
    return "" if x is None else f"{x:.1f}"


class PortfolioCell(_Ctx):
    score: str = Field(description="Element score as shown (whole number) or '—'.")
    value: str = Field(description="The score with its decimal, for sorting the table ('' when not computable).")
    interval: str = Field(description="95 % interval 'lo–hi' or '—'.")
    percentile: str = Field(description="Percentile within the portfolio, e.g. 'p63', or '—'.")


class PortfolioRow(_Ctx):
    label: str = Field(description="Partnership name, or its anonymous code.")
    scale: str = Field(description="Geographic scale as shown.")
    wave: str = Field(description="Wave reported.")
    n: int = Field(description="Respondents.")
    level: str = Field(description="Overall readiness level after the gate.")
    cells: list[PortfolioCell] = Field(description="One cell per element column (P1–FS4, then overall).")
    gate: str = Field(description="Structures below the gate, or '' when the gate does not cap.")
    flags: list[str] = Field(
        description="Representation flags: silent sectors, sectors below the cell size, residents' share."
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
    """Everything portfolio.html.j2 shows."""

    meta: DocMeta = Field(description="Document metadata and stylesheet.")
    title: str = Field(description="Heading of the portfolio.")
    anonymized: bool = Field(description="Names replaced by stable codes.")
    n_partnerships: int = Field(description="Partnerships in the portfolio.")
    columns: list[ElementColumn] = Field(description="Element columns, P1–FS4 then overall.")
    rows: list[PortfolioRow] = Field(description="One row per partnership, by name (or by code when anonymised).")
    chart: Chart = Field(description="Strip plot of every element's scores across the portfolio.")
    distribution: list[DistributionRow] = Field(description="Five-number summary per element (the chart's data table).")
    versions: list[str] = Field(
        description="Distinct instrument and framework versions the partnerships were scored with."
    )
    mixed_versions: bool = Field(
        description="True when partnerships were scored with different versions (compare with care)."
    )
    subset: list[str] = Field(description="What the portfolio takes from each partnership's report, in words.")
    derived: list[str] = Field(description="What the portfolio computes across partnerships, in words.")
    anonymization_note: str = Field(description="How codes are made ('' when not anonymised).")
    framework: FrameworkInfo = Field(description="Framework title, version, site and citation.")
    brief: PortfolioBrief = Field(description="Page 1: the two-minute brief (context/portfolio_brief.py).")
    percentiles_shown: bool = Field(
        description="False when the portfolio is too small for percentiles (scoring-rules.yaml portfolio)."
    )
    problems: list[str] = Field(
        description="Inputs left out, one line each (not a partnership, a duplicate, another instrument version)."
    )


def portfolio_table(
    scores: Sequence[ScoreResult], key: bytes | None = None, min_for_percentiles: int = 10
) -> tuple[list[str], list[list[str]]]:
    """The CSV's header and rows (sorted by label): the documented subset plus percentiles."""
    anonymize = key is not None
    codes = anonymous_codes([s.partnership.id for s in scores], key) if key is not None else {}
    pct = _percentiles(scores, min_for_percentiles)
    header = (
        ["partnership"]
        + ([] if anonymize else ["id"])
        + ["scale", "wave", "n_respondents", "level", "gate_capped", "capping_elements"]
    )
    for eid in ELEMENT_ORDER:
        header += [eid, f"{eid}_low", f"{eid}_high", f"{eid}_percentile"]
    header += [
        "silent_sectors",
        "n_silent_sectors",
        "few_sectors",
        "n_few_sectors",
        "residents_share",
        "overall_change",
        "change_flag",
        "instrument",
        "framework_version",
    ]
    rows = []
    for s in _ordered(scores, codes):
        by_id = {e.id: e for e in s.elements}
        label = codes.get(s.partnership.id) if anonymize else s.partnership.name
        row = (
            [label or ""]
            + ([] if anonymize else [s.partnership.id])
            + [
                s.partnership.scale,
                s.wave,
                str(s.n_respondents),
                s.gating.level_label or "",
                "yes" if s.gating.capped else "no",
                " ".join(s.gating.capping_elements),
            ]
        )
        for eid in ELEMENT_ORDER:
            e = by_id.get(eid)
            iv = e.interval if e is not None else None
            p = pct[eid].get(s.partnership.id)
            row += [
                _v(e.score if e else None),
                _v(iv[0] if iv else None),
                _v(iv[1] if iv else None),
                "" if p is None else f"{p:.0f}",
            ]
        rep = s.representation
        oc = _overall_change(s)
        row += [
            " ".join(rep.silent_sectors),
            str(len(rep.silent_sectors)),
            " ".join(rep.few_sectors),
            str(len(rep.few_sectors)),
            "" if rep.residents_share is None else f"{rep.residents_share:.3f}",
            _v(oc.delta if oc else None),
            (oc.flag if oc else "no-previous-wave"),
            f"{s.instrument_id} {s.instrument_version}",
            s.framework_version,
        ]
        rows.append(row)
    return header, rows


def _overall_change(s: ScoreResult):  # noqa: ANN202 (score.models.ElementChange | None)
    if s.change is None:
        return None
    return next((c for c in s.change.elements if c.id == "overall"), None)


def portfolio_csv(scores: Sequence[ScoreResult], key: bytes | None = None, min_for_percentiles: int = 10) -> str:
    from ..core.outputs import csv_text

    header, rows = portfolio_table(scores, key, min_for_percentiles)
    return csv_text([header, *rows], line_end="\n")


def _ordered(scores: Sequence[ScoreResult], codes: dict[str, str]) -> list[ScoreResult]:
    if codes:
        return sorted(scores, key=lambda s: codes[s.partnership.id])
    return sorted(scores, key=lambda s: (s.partnership.name.casefold(), s.partnership.id))


def _percentiles(scores: Sequence[ScoreResult], min_for_percentiles: int = 10) -> dict[str, dict[str, float | None]]:
    """Each partnership's percentile per element; none at all in a portfolio smaller than the
    rule allows (among four partnerships a percentile says more about the other three)."""
    out: dict[str, dict[str, float | None]] = {}
    if len(scores) < min_for_percentiles:
        return {eid: {s.partnership.id: None for s in scores} for eid in ELEMENT_ORDER}
    for eid in ELEMENT_ORDER:
        vals = {}
        for s in scores:
            e = next((x for x in s.elements if x.id == eid), None)
            vals[s.partnership.id] = e.score if e else None
        out[eid] = percentile_ranks(vals)
    return out


def check_unique(scores: Sequence[ScoreResult]) -> None:
    from ..core.errors import InputError

    seen: dict[str, int] = {}
    for s in scores:
        if s.partnership.id in seen:
            raise InputError(f"{s.partnership.id}: partnership given twice; list each partnership folder once")
        seen[s.partnership.id] = 1
    if not scores:
        raise InputError(
            "no partnership to put in the portfolio; give partnership folders (each with a partnership.yaml) or a folder of them"
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
) -> PortfolioContext:
    """The portfolio's context; ``key`` (the funder's secret) replaces names by keyed codes."""
    anonymize = key is not None
    check_unique(scores)
    codes = anonymous_codes([s.partnership.id for s in scores], key) if key is not None else {}
    pct = _percentiles(scores, min_for_percentiles)
    names: dict[str, str] = {}
    for s in scores:
        for e in s.elements:
            names.setdefault(e.id, e.name)
    columns = [ElementColumn(id=eid, name=names.get(eid, eid), url=element_url(fw, eid)) for eid in ELEMENT_ORDER]
    rows = []
    for s in _ordered(scores, codes):
        by_id = {e.id: e for e in s.elements}
        cells = []
        for eid in ELEMENT_ORDER:
            e = by_id.get(eid)
            p = pct[eid].get(s.partnership.id)
            cells.append(
                PortfolioCell(
                    score=filters.score(e.score if e else None),
                    value=_v(e.score if e else None),
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
        flags.append(rep.residents_display)
        rows.append(
            PortfolioRow(
                label=codes[s.partnership.id] if anonymize else s.partnership.name,
                scale=SCALE_LABELS.get(s.partnership.scale, s.partnership.scale),
                wave=s.wave,
                n=s.n_respondents,
                level=s.gating.level_label or "—",
                cells=cells,
                gate=", ".join(s.gating.capping_elements) if s.gating.capped else "",
                flags=flags,
                change=_change_text(_overall_change(s)),
            )
        )
    strip_rows = []
    dist = []
    for col in columns:
        vals = [e.score for s in scores for e in s.elements if e.id == col.id and e.score is not None]
        strip_rows.append(
            StripRow(
                label=f"{col.id} {col.name}" if col.id != "overall" else col.name,
                values=sorted(vals),
                median=percentile(sorted(vals), 0.5) if vals else None,
            )
        )
        if vals:
            dist.append(
                DistributionRow(
                    id=col.id,
                    name=col.name,
                    n=len(vals),
                    minimum=filters.score(min(vals)),
                    q1=filters.score(percentile(sorted(vals), 0.25)),
                    median=filters.score(percentile(sorted(vals), 0.5)),
                    q3=filters.score(percentile(sorted(vals), 0.75)),
                    maximum=filters.score(max(vals)),
                )
            )
        else:
            dist.append(
                DistributionRow(id=col.id, name=col.name, n=0, minimum="—", q1="—", median="—", q3="—", maximum="—")
            )
    svg = strip_plot(
        strip_rows,
        title=f"Scores across {len(scores)} partnerships, per element",
        desc="For each element, one hollow dot per partnership at its score on a 0 to 100 scale and a bar at the median. The five-number summary of each element is in the table that follows.",
        ident="chart-portfolio",
        width=980,
        label_width=330,
    )
    versions = sorted(
        {f"instrument {s.instrument_id} {s.instrument_version}, framework {s.framework_version}" for s in scores}
    )
    title = "Portfolio of partnerships" + (" (anonymised)" if anonymize else "")
    meta = DocMeta(
        title=f"{title}: {len(scores)} LCHD partnership readiness reports",
        author="lchd-assess portfolio",
        subject=f"Readiness self-assessment scores of {len(scores)} cross-sector partnerships side by side, with each element's distribution and percentiles.",
        keywords=["LCHD", "cross-sector partnership", "readiness self-assessment", "portfolio"],
        generator=generator,
        lang="en",
        css=css,
    )
    return PortfolioContext(
        meta=meta,
        title=title,
        anonymized=anonymize,
        n_partnerships=len(scores),
        columns=columns,
        rows=rows,
        chart=Chart(
            svg=str(svg),
            table_id="distribution-table",
            caption="Each dot is one partnership; the bar is the median. Numbers in the table below.",
        ),
        distribution=dist,
        versions=versions,
        mixed_versions=len(versions) > 1,
        # Human words only: the CSV's column names are in its header row, not in the brief.
        subset=[meaning for _col, _path, meaning in PORTFOLIO_FIELDS],
        derived=[meaning for _col, meaning in DERIVED_FIELDS],
        anonymization_note=(
            "Names are replaced by codes made from each partnership's folder name with a secret key the funder keeps (HMAC-SHA-256; P- and the first eight hexadecimal digits). "
            "With the same key a partnership gets the same code in every portfolio and every year; without the key nobody can work out which code belongs to which partnership, even knowing the folder names. "
            "The key is not in this document. The population focus is left out."
            if anonymize
            else ""
        ),
        framework=fw,
        brief=build_brief(
            scores, min_respondents=min_respondents, min_for_percentiles=min_for_percentiles, problems=problems
        ),
        percentiles_shown=len(scores) >= min_for_percentiles,
        problems=list(problems),
    )


_CHANGE_WORDS = {
    "improved": "improved",
    "declined": "declined",
    "no-meaningful-change": "no meaningful change",
    "not-comparable": "not comparable",
}


def _change_text(c) -> str:  # noqa: ANN001 (score.models.ElementChange | None)
    if c is None:
        return "—"
    if c.delta is None:
        return "not comparable"
    return f"{filters.score(c.delta) if c.delta < 0 else '+' + filters.score(c.delta)} ({_CHANGE_WORDS[c.flag]})"

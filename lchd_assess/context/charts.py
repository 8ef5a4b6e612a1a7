"""Chart data as the templates receive it: what to draw, never the drawing.

A context carries a chart's numbers and words; render/ draws it (the ``chart_svg`` Jinja filter
in render/filters.py calls render/charts.py), so context/ never imports render/ and a template
still gets one typed context.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import _Trusted


class StripSeries(_Trusted):
    """One row of a strip plot: a label, one value per partnership and their median."""

    label: str = Field(description="Row label (element ID and name).")
    values: list[float] = Field(description="One value per partnership with a score, sorted.")
    median: float | None = Field(description="Median of the values (drawn as a bar); null when there are none.")


class StripChart(_Trusted):
    """A strip plot: one row per element, one dot per partnership, a bar at the median."""

    kind: str = Field(default="strip", description="Which drawing render/charts.py makes ('strip').")
    title: str = Field(description="The chart's <title> (read by screen readers and kept in the tagged PDF).")
    desc: str = Field(description="The chart's <desc>: what it shows, in words.")
    ident: str = Field(description="HTML id of the <svg>.")
    rows: list[StripSeries] = Field(description="The rows, top to bottom.")
    width: float = Field(description="Width of the drawing in SVG units.")
    label_width: float = Field(description="Width kept for the row labels.")
    bin_width: float = Field(
        default=0,
        description="0: a dot per partnership; otherwise a histogram per row, one bar per this many points (large portfolios).",
    )
    table_id: str = Field(description="HTML id of the table with the chart's numbers (the data fallback).")
    caption: str = Field(description="Caption under the chart.")


class DotBand(_Trusted):
    """A shaded range of a dot plot's 0–100 axis (a readiness level)."""

    label: str = Field(description="The band's label (a level's name).")
    lower: float = Field(description="Lower end on the 0–100 axis.")
    upper: float = Field(description="Upper end on the 0–100 axis.")


class DotRowData(_Trusted):
    """One row of a dot plot: a label and, per series, a value and its interval."""

    label: str = Field(description="Row label (element ID and name, or 'Overall').")
    values: list[float | None] = Field(description="One value per series, in the series' order; null: not shown.")
    intervals: list[tuple[float, float] | None] = Field(
        default_factory=list, description="Per series, the 95% interval drawn as a line; empty or null: none."
    )
    note: str = Field(default="", description="Shown at the right instead of a marker when every value is missing.")
    emphasis: bool = Field(default=False, description="Bold label (the overall score).")


class DotChart(_Trusted):
    """A dot plot on a 0–100 axis: one row per element, one marker per series."""

    kind: Literal["dot"] = Field(default="dot", description="Which drawing render/charts.py makes ('dot').")
    title: str = Field(description="The chart's <title> (read by screen readers and kept in the tagged PDF).")
    desc: str = Field(description="The chart's <desc>: what it shows, in words.")
    ident: str = Field(description="HTML id of the <svg>.")
    series: list[Literal["score", "community", "institutional"]] = Field(
        description="What each value of a row is; render/charts.py gives each its own marker (shape, fill and colour)."
    )
    rows: list[DotRowData] = Field(description="The rows, top to bottom.")
    bands: list[DotBand] = Field(default_factory=list, description="Shaded ranges of the axis, lowest first.")
    reference: tuple[float, str] | None = Field(
        default=None, description="A dashed line at this value with its label (the gate); null: none."
    )
    width: float = Field(description="Width of the drawing in SVG units.")
    label_width: float = Field(description="Width kept for the row labels.")
    table_id: str = Field(description="HTML id of the table with the chart's numbers (the data fallback).")
    caption: str = Field(description="Caption under the chart.")

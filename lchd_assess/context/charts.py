"""Chart data as the templates receive it: what to draw, never the drawing.

A context carries a chart's numbers and words; render/ draws it (the ``chart_svg`` Jinja filter
in render/filters.py calls render/charts.py), so context/ never imports render/ and a template
still gets one typed context.
"""

from __future__ import annotations

from pydantic import Field

from .report_context import _Ctx


class StripSeries(_Ctx):
    """One row of a strip plot: a label, one value per partnership and their median."""

    label: str = Field(description="Row label (element ID and name).")
    values: list[float] = Field(description="One value per partnership with a score, sorted.")
    median: float | None = Field(description="Median of the values (drawn as a bar); null when there are none.")


class StripChart(_Ctx):
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

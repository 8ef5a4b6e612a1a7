"""The Jinja filters: the text functions of :mod:`lchd_assess.core.formatting`, by filter name, and
``chart_svg``, which draws a context's chart data (render/charts.py)."""

from __future__ import annotations

from ..core.formatting import interval, join_and, md_escape, md_prose, md_text, percent, plural, score, slug
from .charts import chart_svg

#: filter name → function; registered by the one environment factory (render/templating.py).
FILTERS = {
    "score": score,
    "interval": interval,
    "percent": percent,
    "plural": plural,
    "join_and": join_and,
    "slug": slug,
    "md_escape": md_escape,
    "md_text": md_text,
    "md_prose": md_prose,
    "chart_svg": chart_svg,
}

__all__ = [
    "FILTERS",
    "chart_svg",
    "interval",
    "join_and",
    "md_escape",
    "md_prose",
    "md_text",
    "percent",
    "plural",
    "score",
    "slug",
]

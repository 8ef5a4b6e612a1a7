"""Charts as inline SVG, written by hand: the same markup in the HTML report, the PDF and the site.

No JavaScript, no chart library. Every chart is ``<svg role="img">`` with a ``<title>`` and a
``<desc>`` (read by screen readers and kept as text in the tagged PDF) and the page that shows it
also shows the numbers in a table (the data fallback). All text passes through
:func:`markupsafe.escape`, so a partnership name cannot inject markup, and every number is
written by :func:`num` with a fixed number of decimals, so the same inputs give byte-identical
SVG.

Charts use shape as well as colour (circle vs. square, filled vs. hollow), so they read in
greyscale print and for colour-blind readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Sequence

from markupsafe import Markup, escape

from .fonts import STACK

if TYPE_CHECKING:  # pragma: no cover
    from ..context.charts import DotChart, StripChart

#: Palette (colour-blind safe, from Okabe & Ito) and greys.
INK = "#1a1a1a"
GRID = "#c8c8c8"
MUTED = "#666666"
BLUE = "#0b5394"
ORANGE = "#b35900"
BAND_FILLS = ("#f4f4f4", "#ffffff")

# The PDFs' shipped family first (render/fonts.py), so a chart in a PDF is drawn with it too.
FONT = STACK


def num(value: float) -> str:
    """A coordinate with one decimal, no trailing ``.0`` and never ``-0``."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text in ("-0", "-0.0") else text


# The drawing's records are NamedTuples, not frozen dataclasses: Python 3.11 compiles a
# dataclass's methods with exec when the class is made (~0.35 ms each, at every report's start-up).


class Band(NamedTuple):
    """A shaded range of the 0–100 axis (a readiness level)."""

    label: str
    lower: float
    upper: float


class Series(NamedTuple):
    """One kind of marker on a dot plot (e.g. 'Score', 'Community', 'Institutional')."""

    label: str
    colour: str
    shape: str = "circle"  # circle | square | diamond
    filled: bool = True


class DotRow(NamedTuple):
    """One row of a dot plot: a label and, per series, a value and an optional interval."""

    label: str
    values: Sequence[float | None]
    intervals: Sequence[tuple[float, float] | None] = ()
    note: str = ""  # shown at the right instead of a marker when every value is missing
    emphasis: bool = False  # bold label (the overall score)


class StripRow(NamedTuple):
    """One row of a strip plot: a label, one value per partnership and their median.

    The median comes computed (context/ has the statistics): a chart only draws."""

    label: str
    values: Sequence[float]
    median: float | None = None  # drawn as a bar; None only when there are no values
    highlight: Sequence[int] = ()  # indexes of values drawn larger


def _marker(series: Series, x: float, y: float, size: float = 4.5) -> str:
    fill = series.colour if series.filled else "#ffffff"
    stroke = f'stroke="{series.colour}" stroke-width="1.6"'
    if series.shape == "square":
        return f'<rect x="{num(x - size)}" y="{num(y - size)}" width="{num(2 * size)}" height="{num(2 * size)}" fill="{fill}" {stroke}/>'
    if series.shape == "diamond":
        s = size * 1.25
        return f'<path d="M{num(x)} {num(y - s)}L{num(x + s)} {num(y)}L{num(x)} {num(y + s)}L{num(x - s)} {num(y)}Z" fill="{fill}" {stroke}/>'
    return f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(size)}" fill="{fill}" {stroke}/>'


def wrap(text: str, width: int) -> list[str]:
    """Split a label into at most two lines of about ``width`` characters (an ellipsis if longer)."""
    words, lines, line = [w for w in text.split(" ") if w], [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    if len(lines[-1]) > width:
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def _label(x: float, cy: float, text: str, chars: int, bold: bool = False) -> str:
    """A right-aligned label, wrapped onto two lines when it is long."""
    lines = wrap(text, chars)
    weight = ' font-weight="bold"' if bold else ""
    if len(lines) == 1:
        return f'<text x="{num(x)}" y="{num(cy + 4)}" text-anchor="end" fill="{INK}"{weight}>{escape(lines[0])}</text>'
    spans = "".join(
        f'<tspan x="{num(x)}" y="{num(cy - 2.5 + 12 * i)}">{escape(t)}</tspan>' for i, t in enumerate(lines)
    )
    return f'<text text-anchor="end" fill="{INK}"{weight}>{spans}</text>'


def _open(width: float, height: float, title: str, desc: str, ident: str) -> list[str]:
    t, d = f"{ident}-title", f"{ident}-desc"
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{t} {d}" '
        f'viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}" '
        f'class="chart" font-family="{FONT}" font-size="11">',
        f'<title id="{t}">{escape(title)}</title>',
        f'<desc id="{d}">{escape(desc)}</desc>',
    ]


def _axis(parts: list[str], x0: float, x1: float, top: float, bottom: float, ticks: Sequence[int], label: str) -> None:
    scale = (x1 - x0) / 100
    for t in ticks:
        x = x0 + t * scale
        parts.append(
            f'<line x1="{num(x)}" y1="{num(top)}" x2="{num(x)}" y2="{num(bottom)}" stroke="{GRID}" stroke-width="0.8"/>'
        )
        parts.append(f'<text x="{num(x)}" y="{num(bottom + 13)}" text-anchor="middle" fill="{MUTED}">{t}</text>')
    parts.append(
        f'<text x="{num((x0 + x1) / 2)}" y="{num(bottom + 27)}" text-anchor="middle" fill="{MUTED}">{escape(label)}</text>'
    )


def _bands(parts: list[str], bands: Sequence[Band], x0: float, x1: float, top: float, bottom: float) -> None:
    scale = (x1 - x0) / 100
    for i, b in enumerate(bands):
        xa, xb = x0 + b.lower * scale, x0 + b.upper * scale
        parts.append(
            f'<rect x="{num(xa)}" y="{num(top)}" width="{num(xb - xa)}" height="{num(bottom - top)}" fill="{BAND_FILLS[i % 2]}"/>'
        )
        parts.append(
            f'<text x="{num((xa + xb) / 2)}" y="{num(top - 5)}" text-anchor="middle" fill="{MUTED}" font-size="10">{escape(b.label)}</text>'
        )


def dot_plot(
    rows: Sequence[DotRow],
    series: Sequence[Series],
    *,
    title: str,
    desc: str,
    ident: str,
    bands: Sequence[Band] = (),
    reference: tuple[float, str] | None = None,
    axis_label: str = "Score (0–100)",
    width: float = 640,
    label_width: float = 220,
) -> Markup:
    """Horizontal dot plot on a 0–100 axis: one row per element, a marker per series and a
    line for each interval. ``reference`` draws a dashed vertical line (e.g. the gate)."""
    chars = int((label_width - 16) / 6.4)
    two_line = any(len(wrap(r.label, chars)) > 1 for r in rows)
    row_h = 32 if two_line else (24 if len(series) == 1 else 28)
    top = 22 if bands else 8
    legend_h = 22 if len(series) > 1 or reference else 0
    x0, x1 = label_width, width - 24
    plot_bottom = top + row_h * len(rows)
    height = plot_bottom + 34 + legend_h
    parts = _open(width, height, title, desc, ident)
    _bands(parts, bands, x0, x1, top, plot_bottom)
    _axis(parts, x0, x1, top, plot_bottom, (0, 25, 50, 75, 100), axis_label)
    scale = (x1 - x0) / 100
    if reference is not None:
        rx = x0 + reference[0] * scale
        parts.append(
            f'<line x1="{num(rx)}" y1="{num(top)}" x2="{num(rx)}" y2="{num(plot_bottom)}" stroke="{ORANGE}" stroke-width="1.2" stroke-dasharray="4 3"/>'
        )
    offsets = [0.0] if len(series) == 1 else [(-5.0 + 10.0 * i / (len(series) - 1)) for i in range(len(series))]
    for r, row in enumerate(rows):
        cy = top + row_h * (r + 0.5)
        parts.append(_label(x0 - 8, cy, row.label, chars, row.emphasis))
        if r:
            parts.append(
                f'<line x1="{num(8)}" y1="{num(top + row_h * r)}" x2="{num(x1)}" y2="{num(top + row_h * r)}" stroke="#e6e6e6" stroke-width="0.6"/>'
            )
        if all(v is None for v in row.values):
            parts.append(
                f'<text x="{num(x0 + 6)}" y="{num(cy + 4)}" fill="{MUTED}" font-style="italic">{escape(row.note or "not computable")}</text>'
            )
            continue
        _dot_markers(parts, row, series, offsets, x0, scale, cy)
    if legend_h:
        _dot_legend(parts, series, reference, x0, height - 8)
    parts.append("</svg>")
    return Markup("\n".join(parts))


def _dot_markers(
    parts: list[str],
    row: DotRow,
    series: Sequence[Series],
    offsets: Sequence[float],
    x0: float,
    scale: float,
    cy: float,
) -> None:
    """One row's markers, each series a little above or below the row's middle, with its interval."""
    for s, (ser, value) in enumerate(zip(series, row.values)):
        if value is None:
            continue
        y = cy + offsets[s]
        iv = row.intervals[s] if s < len(row.intervals) else None
        if iv is not None:
            parts.append(
                f'<line x1="{num(x0 + iv[0] * scale)}" y1="{num(y)}" x2="{num(x0 + iv[1] * scale)}" y2="{num(y)}" stroke="{ser.colour}" stroke-width="2"/>'
            )
            for end in iv:
                parts.append(
                    f'<line x1="{num(x0 + end * scale)}" y1="{num(y - 4)}" x2="{num(x0 + end * scale)}" y2="{num(y + 4)}" stroke="{ser.colour}" stroke-width="1.4"/>'
                )
        parts.append(_marker(ser, x0 + value * scale, y))


def _dot_legend(
    parts: list[str], series: Sequence[Series], reference: tuple[float, str] | None, x0: float, ly: float
) -> None:
    """The legend under the plot: each series' marker (when there are several) and the reference line."""
    lx = x0
    for ser in series if len(series) > 1 else ():
        parts.append(_marker(ser, lx + 5, ly - 4, 4))
        parts.append(f'<text x="{num(lx + 14)}" y="{num(ly)}" fill="{INK}">{escape(ser.label)}</text>')
        lx += 24 + 7 * len(ser.label)
    if reference is not None:
        parts.append(
            f'<line x1="{num(lx)}" y1="{num(ly - 4)}" x2="{num(lx + 18)}" y2="{num(ly - 4)}" stroke="{ORANGE}" stroke-width="1.2" stroke-dasharray="4 3"/>'
        )
        parts.append(f'<text x="{num(lx + 24)}" y="{num(ly)}" fill="{INK}">{escape(reference[1])}</text>')


def strip_plot(
    rows: Sequence[StripRow],
    *,
    title: str,
    desc: str,
    ident: str,
    axis_label: str = "Score (0–100)",
    width: float = 640,
    label_width: float = 220,
    bin_width: float = 0,
) -> Markup:
    """One row per element, one hollow dot per partnership, a bar at the median.

    Dots are spread vertically by their rank among equal-ish values (a deterministic jitter),
    so overlapping partnerships stay visible without randomness.  With ``bin_width`` (a large
    portfolio, where a thousand dots per row are a smear that also takes seconds to lay out in
    a PDF) each row is a small histogram instead: one bar per ``bin_width`` points of the scale,
    as tall as the share of the row's partnerships in it.
    """
    row_h = 32
    top = 8
    chars = int((label_width - 16) / 6.4)
    x0, x1 = label_width, width - 24
    bottom = top + row_h * len(rows)
    height = bottom + 34 + 22
    parts = _open(width, height, title, desc, ident)
    _axis(parts, x0, x1, top, bottom, (0, 25, 50, 75, 100), axis_label)
    scale = (x1 - x0) / 100
    for r, row in enumerate(rows):
        cy = top + row_h * (r + 0.5)
        parts.append(_label(x0 - 8, cy, f"{row.label} (n\u00a0=\u00a0{len(row.values)})", chars))
        if r:
            parts.append(
                f'<line x1="{num(8)}" y1="{num(top + row_h * r)}" x2="{num(x1)}" y2="{num(top + row_h * r)}" stroke="#e6e6e6" stroke-width="0.6"/>'
            )
        if not row.values:
            parts.append(
                f'<text x="{num(x0 + 6)}" y="{num(cy + 4)}" fill="{MUTED}" font-style="italic">no partnership has a score</text>'
            )
            continue
        if bin_width:
            _bins(parts, row.values, bin_width, x0, scale, cy)
        # Deterministic jitter: values sorted, each placed on one of five lanes in turn.
        order = [] if bin_width else sorted(range(len(row.values)), key=lambda i: (row.values[i], i))
        for lane_i, i in enumerate(order):
            y = cy + (lane_i % 5 - 2) * 2.6
            big = i in row.highlight
            parts.append(
                f'<circle cx="{num(x0 + row.values[i] * scale)}" cy="{num(y)}" r="{num(4.2 if big else 2.8)}" fill="{BLUE if big else "none"}" stroke="{BLUE}" stroke-width="1" stroke-opacity="0.8"/>'
            )
        if row.median is None:
            raise ValueError(f"strip row {row.label!r} has values but no median")
        med = row.median
        parts.append(
            f'<line x1="{num(x0 + med * scale)}" y1="{num(cy - 10)}" x2="{num(x0 + med * scale)}" y2="{num(cy + 10)}" stroke="{ORANGE}" stroke-width="2.4"/>'
        )
    _strip_key(parts, x0, height - 8, bin_width)
    parts.append("</svg>")
    return Markup("\n".join(parts))


def _strip_key(parts: list[str], x0: float, ly: float, bin_width: float) -> None:
    """The strip plot's key: what a dot (or a bar) is, and the median's mark."""
    if bin_width:
        parts.append(
            f'<rect x="{num(x0 + 2)}" y="{num(ly - 9)}" width="6" height="9" fill="{BLUE}" fill-opacity="0.6"/>'
        )
        parts.append(
            f'<text x="{num(x0 + 14)}" y="{num(ly)}" fill="{INK}">Partnerships per {num(bin_width)} points</text>'
        )
    else:
        parts.append(
            f'<circle cx="{num(x0 + 5)}" cy="{num(ly - 4)}" r="2.8" fill="none" stroke="{BLUE}" stroke-width="1"/>'
        )
        parts.append(f'<text x="{num(x0 + 14)}" y="{num(ly)}" fill="{INK}">One partnership</text>')
    mx = x0 + (190 if bin_width else 140)  # after the longer histogram key
    parts.append(
        f'<line x1="{num(mx)}" y1="{num(ly - 10)}" x2="{num(mx)}" y2="{num(ly + 2)}" stroke="{ORANGE}" stroke-width="2.4"/>'
    )
    parts.append(f'<text x="{num(mx + 8)}" y="{num(ly)}" fill="{INK}">Median</text>')


def _bins(parts: list[str], values: Sequence[float], width: float, x0: float, scale: float, cy: float) -> None:
    """A row's histogram: bars of ``width`` points, the fullest as tall as the row allows."""
    n_bins = int(-(-100 // width))
    counts = [0] * n_bins
    for v in values:
        counts[min(int(v // width), n_bins - 1)] += 1
    top = max(counts)
    for b, c in enumerate(counts):
        if c:
            h = 22 * c / top
            parts.append(
                f'<rect x="{num(x0 + b * width * scale)}" y="{num(cy + 11 - h)}" width="{num(width * scale)}" height="{num(h)}" fill="{BLUE}" fill-opacity="0.6"/>'
            )


#: How each series of a dot plot is drawn (context/charts.DotChart names them; shape and fill as
#: well as colour, so they read in greyscale).
DOT_SERIES = {
    "score": Series("Score", BLUE),
    "community": Series("Community", ORANGE, "square", True),
    "institutional": Series("Institutional", BLUE, "circle", False),
}


def chart_svg(chart: "StripChart | DotChart") -> Markup:
    """The drawing of a context's chart data (context/charts.py): the ``chart_svg`` Jinja filter,
    so a template gets numbers from its context and the SVG from here."""
    if chart.kind == "dot":
        return dot_plot(
            [
                DotRow(
                    label=r.label,
                    values=list(r.values),
                    intervals=[tuple(i) if i else None for i in r.intervals],  # type: ignore[misc]
                    note=r.note,
                    emphasis=r.emphasis,
                )
                for r in chart.rows  # type: ignore[union-attr]
            ],
            [DOT_SERIES[s] for s in chart.series],  # type: ignore[union-attr]
            title=chart.title,
            desc=chart.desc,
            ident=chart.ident,
            bands=[Band(b.label, b.lower, b.upper) for b in chart.bands],  # type: ignore[union-attr]
            reference=tuple(chart.reference) if chart.reference else None,  # type: ignore[union-attr,arg-type]
            width=chart.width,
            label_width=chart.label_width,
        )
    if chart.kind != "strip":
        raise ValueError(f"no drawing for chart kind {chart.kind!r}")
    rows = [StripRow(label=r.label, values=r.values, median=r.median) for r in chart.rows]
    return strip_plot(
        rows,
        title=chart.title,
        desc=chart.desc,
        ident=chart.ident,
        width=chart.width,
        label_width=chart.label_width,
        bin_width=chart.bin_width,
    )

"""The framework figure as a PNG for slides, painted from the same layout as the SVG.

Presentation software takes a PNG where it will not take an SVG, so the site offers both.  The
PNG paints :mod:`lchd_assess.render.figure_layout`'s boxes, curves and texts with Pillow (which
WeasyPrint already brings) at slide width (1920 px by default), in the Lato the package ships
for its PDFs (:mod:`lchd_assess.render.fonts`), so it looks the same on every machine and needs
no system font.  Pillow draws shapes without smoothing, so the picture is painted at twice the
size and scaled down (that smooths every edge).  It is made at build time, never committed.
The bytes are deterministic for one Pillow version (no time stamp or other metadata is written).
"""

from __future__ import annotations

import io
import math
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .figure_layout import ARROW_COLOUR, BOX_W, FONT, HEADING_COLOUR, HEADING_FONT, TEXT_COLOUR, Curve, Layout
from .fonts import fonts_dir

_ASSETS = Path(__file__).resolve().parents[1] / "assets"
#: Painted at this multiple of the output size, then scaled down (smooth edges).
_SUPERSAMPLE = 2
STROKE = 1.2  # the SVG's line width, in figure units
BOX_STROKE = 1.5
ARROW = 8.4  # the SVG marker's size: 7 × the line width
DASH = (4.0, 3.0)


@lru_cache(maxsize=8)
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "Lato-Bold.ttf" if bold else "Lato-Regular.ttf"
    return ImageFont.truetype(str(fonts_dir(_ASSETS) / name), size)


def _bezier(c: Curve, steps: int = 40) -> list[tuple[float, float]]:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = c.start, c.c1, c.c2, c.end
    out = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        out.append(
            (
                u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
            )
        )
    return out


def _dashes(points: list[tuple[float, float]], on: float, off: float) -> list[list[tuple[float, float]]]:
    """The polyline cut into dashes ``on`` long with gaps ``off`` long (in the points' units)."""
    out: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = [points[0]]
    drawing, left = True, on
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        seg = math.hypot(bx - ax, by - ay)
        pos = 0.0
        while seg - pos > left:
            pos += left
            p = (ax + (bx - ax) * pos / seg, ay + (by - ay) * pos / seg)
            if drawing:
                current.append(p)
                out.append(current)
            else:
                current = [p]
            drawing = not drawing
            left = on if drawing else off
        left -= seg - pos
        if drawing:
            current.append((bx, by))
    if drawing and len(current) > 1:
        out.append(current)
    return out


def _arrowhead(c: Curve, size: float) -> list[tuple[float, float]]:
    """The SVG marker's triangle: its tip at the curve's end, pointing along the last tangent."""
    (ex, ey), (cx, cy) = c.end, c.c2
    angle = math.atan2(ey - cy, ex - cx) if (ex, ey) != (cx, cy) else 0.0
    back = (ex - size * math.cos(angle), ey - size * math.sin(angle))
    half = size / 2
    nx, ny = -math.sin(angle) * half, math.cos(angle) * half
    return [(ex, ey), (back[0] + nx, back[1] + ny), (back[0] - nx, back[1] - ny)]


def figure_png(fig: Layout, width_px: int = 1920) -> bytes:
    """The figure as PNG bytes, ``width_px`` wide (the height follows the figure's shape)."""
    scale = width_px / fig.width
    s = scale * _SUPERSAMPLE
    size = (round(fig.width * s), round(fig.height * s))
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)

    def pt(p: tuple[float, float]) -> tuple[float, float]:
        return (p[0] * s, p[1] * s)

    line_w = max(1, round(STROKE * s))
    for c in fig.curves:
        points = [pt(p) for p in _bezier(c)]
        for part in _dashes(points, DASH[0] * s, DASH[1] * s) if c.dashed else [points]:
            draw.line(part, fill=c.colour, width=line_w, joint="curve")
        draw.polygon([pt(p) for p in _arrowhead(c, ARROW)], fill=ARROW_COLOUR)
    heading = _font(True, round(HEADING_FONT * s))
    for h in fig.headings:
        draw.text(pt((h.x, h.y)), h.text, font=heading, fill=HEADING_COLOUR, anchor="ms")
    regular, bold = _font(False, round(FONT * s)), _font(True, round(FONT * s))
    for b in fig.boxes:
        draw.rounded_rectangle(
            [b.x * s, b.y * s, (b.x + BOX_W) * s, (b.y + b.height) * s],
            radius=round(7 * s),
            fill=b.fill,
            outline=b.stroke,
            width=max(1, round(BOX_STROKE * s)),
        )
        for li, (text, baseline) in enumerate(zip(b.lines, b.baselines)):
            x, y = pt((b.x + 10, baseline))
            if li == 0:  # the ID in bold, then the name, as the SVG's tspan
                draw.text((x, y), b.box.id, font=bold, fill=TEXT_COLOUR, anchor="ls")
                x += bold.getlength(b.box.id) + regular.getlength(" ")
            draw.text((x, y), text, font=regular, fill=TEXT_COLOUR, anchor="ls")
    img = img.resize((width_px, round(fig.height * scale)), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()

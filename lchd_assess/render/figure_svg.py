"""The framework figure as inline SVG, drawn from its layout (no plotting library, no script).

The geometry is :mod:`lchd_assess.render.figure_layout`'s (the PNG for slides paints the same
layout).  Each box links to its element's page.  The SVG carries ``role="img"``, a ``<title>``
and a ``<desc>``; the page shows the same content as a list for readers who cannot see it.
Output is plain text and deterministic, so it is tested as text.
"""

from __future__ import annotations

from html import escape
from typing import Callable

from .figure_layout import (
    ARROW_COLOUR,
    BOX_W,
    FONT,
    HEADING_COLOUR,
    HEADING_FONT,
    TEXT_COLOUR,
    Layout,
    framework_layout,
)


def _esc(text: str) -> str:
    return escape(text, quote=True)


def figure_svg(fig: Layout, svg_id: str = "framework-figure") -> str:
    """The figure as one SVG element (no blank lines, so Markdown keeps it as one HTML block)."""
    t_id, d_id = f"{svg_id}-title", f"{svg_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{_esc(svg_id)}" class="lchd-figure" viewBox="0 0 {fig.width:.0f} {fig.height:.0f}" '
        f'width="100%" role="img" aria-labelledby="{t_id} {d_id}" font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif">',
        f'<title id="{t_id}">{_esc(fig.title)}</title>',
        f'<desc id="{d_id}">{_esc(fig.desc)}</desc>',
        '<defs><marker id="lchd-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        f'<path d="M 0 0 L 10 5 L 0 10 z" fill="{ARROW_COLOUR}"/></marker></defs>',
    ]
    for h in fig.headings:
        parts.append(
            f'<text x="{h.x:.0f}" y="{h.y:.0f}" text-anchor="middle" font-size="{HEADING_FONT}" font-weight="700" fill="{HEADING_COLOUR}">{_esc(h.text)}</text>'
        )
    for c in fig.curves:
        (x1, y1), (c1x, c1y), (c2x, c2y), (x2, y2) = c.start, c.c1, c.c2, c.end
        dash = ' stroke-dasharray="4 3"' if c.dashed else ""
        parts.append(
            f'<path d="M {x1:.0f} {y1:.1f} C {c1x:.1f} {c1y:.1f} {c2x:.1f} {c2y:.1f} {x2:.0f} {y2:.1f}" fill="none" stroke="{c.colour}" stroke-width="1.2"{dash} marker-end="url(#lchd-arrow)"/>'
        )
    for b in fig.boxes:
        box = b.box
        parts.append(f'<a href="{_esc(box.href)}"><title>{_esc(box.id)}: {_esc(box.label)}</title>')
        parts.append(
            f'<rect x="{b.x:.0f}" y="{b.y:.1f}" width="{BOX_W}" height="{b.height:.0f}" rx="7" fill="{b.fill}" stroke="{b.stroke}" stroke-width="1.5"/>'
        )
        for li, (text, baseline) in enumerate(zip(b.lines, b.baselines)):
            id_part = f'<tspan font-weight="700">{_esc(box.id)}</tspan> ' if li == 0 else ""
            parts.append(
                f'<text x="{b.x + 10:.0f}" y="{baseline:.1f}" font-size="{FONT}" fill="{TEXT_COLOUR}">{id_part}{_esc(text)}</text>'
            )
        parts.append("</a>")
    parts.append("</svg>")
    return "\n".join(parts)


def figure_from_framework(fw: object, href: Callable[[str], str]) -> str:
    """Figure 2 of the paper drawn from a :class:`~lchd_assess.load.framework.Framework`."""
    return figure_svg(framework_layout(fw, href))

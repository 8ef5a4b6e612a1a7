"""The framework figure as inline SVG, drawn from the data (no plotting library, no script).

Four columns, as in Figure 2 of the paper: concepts → characteristics of life-course
interventions → guiding principles → foundational structures.  A line joins two boxes when the
data says so (a characteristic's ``concepts``, a principle's ``characteristics``, a structure's
``supports_principles``); arcs on the right join structures that build on one another.  Each
box links to its element's page.  The SVG carries ``role="img"``, a ``<title>`` and a
``<desc>``; the page shows the same content as a list for readers who cannot see it.
Output is plain text and deterministic, so it is tested as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable, Iterator, Sequence

BOX_W = 230
BOX_H = 74
GAP_X = 46
GAP_Y = 12
TOP = 60
FONT = 16
LINE = 20
WRAP = 25
LEFT = 12
RIGHT_ARC_ROOM = 46

COLUMN_STYLE = (  # fill, stroke: one calm colour per column, dark text on all of them
    ("#e8f1fb", "#2f6db5"),
    ("#eaf6ee", "#2e7d4f"),
    ("#fdf2e3", "#b56a12"),
    ("#f1ebfa", "#6a44a8"),
)


@dataclass(frozen=True)
class Box:
    id: str
    label: str
    href: str


@dataclass(frozen=True)
class Column:
    title: str
    boxes: Sequence[Box]


def _esc(text: str) -> str:
    return escape(text, quote=True)


def wrap(text: str, width: int = WRAP, lines: int = 3, first_indent: int = 0) -> list[str]:
    """Words into at most ``lines`` lines of about ``width`` characters; '…' if cut.

    ``first_indent`` reserves room on the first line (for the ID printed before the text).
    """
    out: list[str] = []
    current = ""
    words = text.split()
    for word in words:
        candidate = f"{current} {word}".strip()
        room = width - (first_indent if not out else 0)
        if len(candidate) <= room or not current:
            current = candidate
            continue
        out.append(current)
        current = word
        if len(out) == lines:
            break
    else:
        if current:
            out.append(current)
        return out
    last = out[-1]
    out[-1] = (last if len(last) < width else last[: width - 1].rstrip()) + "…"
    return out


def _placed(
    links: Sequence[tuple[str, str]], pos: dict[str, tuple[float, float, int]]
) -> Iterator[tuple[tuple[float, float], tuple[float, float]]]:
    """The top-left corners of both ends of each link; links to a box not drawn are skipped."""
    for a, b in links:
        if a in pos and b in pos:
            yield pos[a][:2], pos[b][:2]


def framework_figure(
    columns: Sequence[Column],
    edges: Sequence[tuple[str, str]],
    arcs: Sequence[tuple[str, str]] = (),
    title: str = "",
    desc: str = "",
    svg_id: str = "framework-figure",
) -> str:
    """The figure as one SVG element (no blank lines, so Markdown keeps it as one HTML block).

    ``edges`` join a box to a box in the next column; ``arcs`` join two boxes of the last
    column (drawn on its right side, arrow at the second).
    """
    pos: dict[str, tuple[float, float, int]] = {}  # id → (x, y centre, column)
    tallest = max(len(c.boxes) for c in columns)
    height = TOP + tallest * (BOX_H + GAP_Y) + 8
    width = LEFT * 2 + len(columns) * BOX_W + (len(columns) - 1) * GAP_X + RIGHT_ARC_ROOM
    for ci, col in enumerate(columns):
        x = LEFT + ci * (BOX_W + GAP_X)
        # centre shorter columns vertically
        offset = (tallest - len(col.boxes)) * (BOX_H + GAP_Y) / 2
        for bi, box in enumerate(col.boxes):
            y = TOP + offset + bi * (BOX_H + GAP_Y)
            pos[box.id] = (x, y, ci)
    t_id, d_id = f"{svg_id}-title", f"{svg_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{_esc(svg_id)}" class="lchd-figure" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="100%" role="img" aria-labelledby="{t_id} {d_id}" font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif">',
        f'<title id="{t_id}">{_esc(title)}</title>',
        f'<desc id="{d_id}">{_esc(desc)}</desc>',
        '<defs><marker id="lchd-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
    ]
    for ci, col in enumerate(columns):
        x = LEFT + ci * (BOX_W + GAP_X)
        parts.append(
            f'<text x="{x + BOX_W / 2:.0f}" y="{TOP - 24}" text-anchor="middle" font-size="{FONT + 2}" font-weight="700" fill="#222">{_esc(col.title)}</text>'
        )
    for (ax, ay), (bx, by) in _placed(edges, pos):
        x1, y1, x2, y2 = ax + BOX_W, ay + BOX_H / 2, bx, by + BOX_H / 2
        mid = (x1 + x2) / 2
        parts.append(
            f'<path d="M {x1:.0f} {y1:.1f} C {mid:.1f} {y1:.1f} {mid:.1f} {y2:.1f} {x2 - 2:.0f} {y2:.1f}" fill="none" stroke="#888" stroke-width="1.2" marker-end="url(#lchd-arrow)"/>'
        )
    for (ax, ay), (_bx, by) in _placed(arcs, pos):
        x = ax + BOX_W
        y1, y2 = ay + BOX_H / 2, by + BOX_H / 2
        bulge = x + 18 + 6 * min(abs(y2 - y1) / (BOX_H + GAP_Y), 4)
        parts.append(
            f'<path d="M {x:.0f} {y1:.1f} C {bulge:.1f} {y1:.1f} {bulge:.1f} {y2:.1f} {x + 2:.0f} {y2:.1f}" fill="none" stroke="#6a44a8" stroke-width="1.2" stroke-dasharray="4 3" marker-end="url(#lchd-arrow)"/>'
        )
    for ci, col in enumerate(columns):
        fill, stroke = COLUMN_STYLE[ci % len(COLUMN_STYLE)]
        for box in col.boxes:
            x, y, _ = pos[box.id]
            lines = wrap(box.label, first_indent=len(box.id) + 1)
            parts.append(f'<a href="{_esc(box.href)}"><title>{_esc(box.id)}: {_esc(box.label)}</title>')
            parts.append(
                f'<rect x="{x:.0f}" y="{y:.1f}" width="{BOX_W}" height="{BOX_H}" rx="7" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'
            )
            ty = y + BOX_H / 2 - (len(lines) - 1) * LINE / 2 + FONT * 0.35
            for li, text in enumerate(lines):
                id_part = f'<tspan font-weight="700">{_esc(box.id)}</tspan> ' if li == 0 else ""
                parts.append(
                    f'<text x="{x + 10:.0f}" y="{ty + li * LINE:.1f}" font-size="{FONT}" fill="#1a1a1a">{id_part}{_esc(text)}</text>'
                )
            parts.append("</a>")
    parts.append("</svg>")
    return "\n".join(parts)


def figure_from_framework(fw: object, href: Callable[[str], str]) -> str:
    """Figure 2 of the paper drawn from a :class:`~lchd_assess.load.framework.Framework`."""
    cols = [
        Column("Concepts", [Box(c.id, c.name, href(c.id)) for c in fw.concepts]),  # type: ignore[attr-defined]
        Column("Characteristics", [Box(c.id, c.name, href(c.id)) for c in fw.characteristics]),  # type: ignore[attr-defined]
        Column("Guiding principles", [Box(p.id, p.name, href(p.id)) for p in fw.principles]),  # type: ignore[attr-defined]
        Column("Foundational structures", [Box(s.id, s.name, href(s.id)) for s in fw.structures]),  # type: ignore[attr-defined]
    ]
    edges: list[tuple[str, str]] = []
    for ch in fw.characteristics:  # type: ignore[attr-defined]
        edges += [(c, ch.id) for c in ch.concepts]
    for p in fw.principles:  # type: ignore[attr-defined]
        edges += [(c, p.id) for c in p.characteristics]
    for s in fw.structures:  # type: ignore[attr-defined]
        edges += [(p, s.id) for p in s.supports_principles]
    arcs = [(b, s.id) for s in fw.structures for b in s.builds_on]  # type: ignore[attr-defined]
    title = "The LCHD cross-sector partnership framework: concepts, characteristics, guiding principles and foundational structures"
    desc = (
        f"{len(cols[0].boxes)} concepts of life course health development lead to {len(cols[1].boxes)} characteristics of "
        f"life-course interventions, which the {len(cols[2].boxes)} guiding principles answer; "
        f"{len(cols[3].boxes)} foundational structures equip a partnership to carry the principles out. "
        "Lines show which element follows from or supports which; dashed arcs show structures that build on one another."
    )
    return framework_figure(cols, sorted(set(edges)), sorted(set(arcs)), title=title, desc=desc)

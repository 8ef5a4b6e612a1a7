"""The framework figure's geometry: where every box, line of text, link line and heading goes.

One layout, two drawings: :mod:`lchd_assess.render.figure_svg` writes it as SVG (the site's
inline figure and its SVG download) and :mod:`lchd_assess.render.figure_png` paints it as a PNG
for slides.  Both draw exactly these boxes, curves and texts, so the two can never disagree.

Four columns, as in Figure 2 of the paper: concepts → characteristics of life-course
interventions → guiding principles → foundational structures.  A curve joins two boxes when the
data says so; arcs on the right join structures that build on one another.  A box is as tall as
its wrapped name needs (the concepts' names are sentences), never cut short, and each column is
centred on the tallest one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

BOX_W = 230
BOX_H = 74  # the smallest box: up to three lines
PAD_Y = 12  # above the first line and below the last
GAP_X = 46
GAP_Y = 12
TOP = 60
FONT = 16
HEADING_FONT = FONT + 2
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
TEXT_COLOUR = "#1a1a1a"
HEADING_COLOUR = "#222"
EDGE_COLOUR = "#888"
ARC_COLOUR = "#6a44a8"
ARROW_COLOUR = "#555"


@dataclass(frozen=True)
class Box:
    id: str
    label: str
    href: str


@dataclass(frozen=True)
class Column:
    title: str
    boxes: Sequence[Box]


@dataclass(frozen=True)
class PlacedBox:
    """A box where it is drawn: top-left corner, size, colours, and its name in lines (the
    first line starts with the ID in bold), each line's baseline given."""

    box: Box
    x: float
    y: float
    height: float
    fill: str
    stroke: str
    lines: tuple[str, ...]
    baselines: tuple[float, ...]


@dataclass(frozen=True)
class Curve:
    """A cubic Bézier from ``start`` to ``end`` with control points ``c1`` and ``c2``, with an
    arrowhead at ``end``; ``dashed`` for the arcs between structures."""

    start: tuple[float, float]
    c1: tuple[float, float]
    c2: tuple[float, float]
    end: tuple[float, float]
    colour: str
    dashed: bool


@dataclass(frozen=True)
class Heading:
    """A column's title, centred on ``x`` with its baseline at ``y``."""

    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    headings: tuple[Heading, ...]
    curves: tuple[Curve, ...]  # drawn first, under the boxes
    boxes: tuple[PlacedBox, ...]
    title: str
    desc: str


def wrap(text: str, width: int = WRAP, first_indent: int = 0) -> list[str]:
    """Words into lines of about ``width`` characters; a word longer than a line stands alone.

    ``first_indent`` reserves room on the first line (for the ID printed before the text).
    """
    out: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        room = width - (first_indent if not out else 0)
        if len(candidate) <= room or not current:
            current = candidate
            continue
        out.append(current)
        current = word
    if current:
        out.append(current)
    return out


def box_height(lines: int) -> float:
    return max(BOX_H, lines * LINE + 2 * PAD_Y)


def layout(
    columns: Sequence[Column],
    edges: Sequence[tuple[str, str]],
    arcs: Sequence[tuple[str, str]] = (),
    title: str = "",
    desc: str = "",
) -> Layout:
    """Place the columns' boxes, the ``edges`` (a box to a box in the next column) and the
    ``arcs`` (two boxes of the last column, on its right side, arrow at the second)."""
    wrapped = [[wrap(b.label, first_indent=len(b.id) + 1) for b in col.boxes] for col in columns]
    heights = [[box_height(len(lines)) for lines in col] for col in wrapped]
    column_h = [sum(h) + GAP_Y * max(len(h) - 1, 0) for h in heights]
    tallest = max(column_h)
    height = TOP + tallest + GAP_Y + 8
    width = LEFT * 2 + len(columns) * BOX_W + (len(columns) - 1) * GAP_X + RIGHT_ARC_ROOM
    boxes: list[PlacedBox] = []
    headings: list[Heading] = []
    for ci, col in enumerate(columns):
        x = LEFT + ci * (BOX_W + GAP_X)
        headings.append(Heading(x + BOX_W / 2, TOP - 24, col.title))
        fill, stroke = COLUMN_STYLE[ci % len(COLUMN_STYLE)]
        y = TOP + (tallest - column_h[ci]) / 2  # shorter columns centred vertically
        for box, lines, h in zip(col.boxes, wrapped[ci], heights[ci]):
            first = y + h / 2 - (len(lines) - 1) * LINE / 2 + FONT * 0.35
            baselines = tuple(first + li * LINE for li in range(len(lines)))
            boxes.append(PlacedBox(box, x, y, h, fill, stroke, tuple(lines), baselines))
            y += h + GAP_Y
    at = {b.box.id: b for b in boxes}
    curves: list[Curve] = []
    for a, b in edges:
        if a in at and b in at:  # a link to a box not drawn is skipped
            pa, pb = at[a], at[b]
            x1, y1, x2, y2 = pa.x + BOX_W, pa.y + pa.height / 2, pb.x, pb.y + pb.height / 2
            mid = (x1 + x2) / 2
            curves.append(Curve((x1, y1), (mid, y1), (mid, y2), (x2 - 2, y2), EDGE_COLOUR, False))
    for a, b in arcs:
        if a in at and b in at:
            pa, pb = at[a], at[b]
            x = pa.x + BOX_W
            y1, y2 = pa.y + pa.height / 2, pb.y + pb.height / 2
            bulge = x + 18 + 6 * min(abs(y2 - y1) / (BOX_H + GAP_Y), 4)
            curves.append(Curve((x, y1), (bulge, y1), (bulge, y2), (x + 2, y2), ARC_COLOUR, True))
    return Layout(width, height, tuple(headings), tuple(curves), tuple(boxes), title, desc)


def framework_layout(fw: object, href: Callable[[str], str]) -> Layout:
    """Figure 2 of the paper laid out from a :class:`~lchd_assess.load.framework.Framework`;
    ``href(id)`` is each box's link (the SVG's; the PNG has none)."""
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
    return layout(cols, sorted(set(edges)), sorted(set(arcs)), title=title, desc=desc)

"""The framework figure: one layout drawn twice, as SVG (the site) and PNG (slides)."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from lchd_assess.load.framework import load_framework
from lchd_assess.render.figure_layout import BOX_W, Box, Column, framework_layout, layout, wrap
from lchd_assess.render.figure_png import figure_png
from lchd_assess.render.figure_svg import figure_svg


@pytest.fixture(scope="module")
def fig():
    return framework_layout(load_framework(), lambda i: f"#{i}")


@pytest.fixture(scope="module")
def png(fig):
    return figure_png(fig)


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def test_every_element_name_is_shown_whole_however_long(fig):
    fw = load_framework()
    names = {e.id: e.name for e in [*fw.concepts, *fw.characteristics, *fw.principles, *fw.structures]}
    assert max(len(n) for n in names.values()) > 90  # the concepts' names are sentences
    for b in fig.boxes:
        assert " ".join(b.lines) == names[b.box.id]
        assert not any("…" in line for line in b.lines)


def test_a_box_grows_with_its_name_and_never_overlaps_the_next(fig):
    by_column: dict[float, list] = {}
    for b in fig.boxes:
        assert b.baselines[0] > b.y and b.baselines[-1] < b.y + b.height  # text inside its box
        by_column.setdefault(b.x, []).append(b)
    for boxes in by_column.values():
        for upper, lower in zip(boxes, boxes[1:]):
            assert upper.y + upper.height < lower.y
    assert max(b.height for b in fig.boxes) > min(b.height for b in fig.boxes)
    assert max(b.y + b.height for b in fig.boxes) < fig.height


def test_wrap_keeps_every_word_and_a_long_word_stands_alone():
    assert wrap("a " * 60, 10) == ["a a a a a"] * 12
    assert wrap("Supercalifragilisticexpialidocious is long", 10) == ["Supercalifragilisticexpialidocious", "is long"]


def test_the_svg_draws_the_layout_every_box_linked(fig):
    svg = figure_svg(fig)
    assert f'viewBox="0 0 {fig.width:.0f} {fig.height:.0f}"' in svg
    assert len(re.findall(r"<rect ", svg)) == len(fig.boxes)
    assert len(re.findall(r"<path d=\"M [0-9.]+ [0-9.]+ C ", svg)) == len(fig.curves)
    for b in fig.boxes:
        assert f'<a href="#{b.box.id}">' in svg
        assert f'height="{b.height:.0f}"' in svg


def test_the_png_is_slide_width_with_the_figures_shape(fig, png):
    img = Image.open(io.BytesIO(png))
    assert img.format == "PNG" and img.width == 1920
    assert img.height == round(fig.height * 1920 / fig.width)


def test_the_png_paints_each_box_where_the_layout_puts_it(fig, png):
    img = Image.open(io.BytesIO(png)).convert("RGB")
    s = img.width / fig.width
    for b in fig.boxes:
        # inside the bottom-right corner: no text there, clear of the border
        inside = img.getpixel((round((b.x + BOX_W - 5) * s), round((b.y + b.height - 5) * s)))
        assert all(abs(p - q) <= 2 for p, q in zip(inside, _hex(b.fill))), (b.box.id, inside, b.fill)
        # just outside the box, to its left: the white page
        assert img.getpixel((round((b.x - 3) * s), round((b.y + 4) * s))) == (255, 255, 255)


def test_the_png_has_text_in_every_box(fig, png):
    img = Image.open(io.BytesIO(png)).convert("L")
    s = img.width / fig.width
    for b in fig.boxes:
        first_line = img.crop(
            (round((b.x + 10) * s), round((b.baselines[0] - 12) * s), round((b.x + 60) * s), round(b.baselines[0] * s))
        )
        assert first_line.getextrema()[0] < 80, b.box.id  # dark pixels: the bold ID was painted


def test_the_png_is_the_same_bytes_every_time(fig, png):
    assert figure_png(fig) == png


def test_a_tiny_figure_lays_out_and_paints():
    fig = layout(
        [Column("A", [Box("A1", "one", "#")]), Column("B", [Box("B1", "two", "#"), Box("B2", "three", "#")])],
        [("A1", "B2")],
    )
    assert len(fig.curves) == 1 and len(fig.boxes) == 3
    assert Image.open(io.BytesIO(figure_png(fig, width_px=600))).width == 600

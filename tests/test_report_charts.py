"""Inline SVG charts: accessible, escaped, deterministic."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from lchd_assess.render.charts import Band, DotRow, Series, StripRow, dot_plot, num, strip_plot, wrap
from lchd_assess.score.scoring import percentile

SVG = "{http://www.w3.org/2000/svg}"


def _dots(label: str = "P1 Proactive") -> str:
    rows = [
        DotRow(label, [62.5], [(55.0, 70.25)]),
        DotRow("FS4 Money", [None], note="not computable"),
        DotRow("Overall", [48.0], [(40.0, 56.0)], emphasis=True),
    ]
    return str(
        dot_plot(
            rows,
            [Series("Score", "#0b5394")],
            title="Scores",
            desc="Scores with intervals",
            ident="c",
            bands=[Band("Low", 0, 50), Band("High", 50, 100)],
            reference=(40, "Gate (40)"),
        )
    )


def test_a_dot_plot_is_an_image_with_a_title_and_description_for_screen_readers():
    root = ET.fromstring(_dots())
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Scores"
    assert root.find(f"{SVG}desc").text == "Scores with intervals"
    assert root.get("aria-labelledby") == "c-title c-desc"
    assert "script" not in _dots().lower()


def test_markers_sit_where_the_scores_are_on_the_axis():
    root = ET.fromstring(_dots())
    circles = root.findall(f"{SVG}circle")
    # x0 = 220, x1 = 616: 62.5 → 220 + 62.5 × 3.96 = 467.5; 48 → 410.1
    assert [c.get("cx") for c in circles] == ["467.5", "410.1"]
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "not computable" in texts and "Gate (40)" in texts


def test_labels_and_titles_are_escaped():
    svg = _dots(label='<script>alert(1)</script> & "x"')
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    ET.fromstring(svg)  # still well-formed XML


def test_the_same_input_gives_the_same_svg_in_another_process():
    """Two fresh interpreters with different hash seeds draw the very same bytes as this one:
    nothing in a chart may depend on set or dict order (the process boundary is the point)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    tests = Path(__file__).resolve().parent
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from test_report_charts import _dots; sys.stdout.write(_dots())"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code, str(tests)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert outs == {_dots()}


def test_numbers_have_one_decimal_at_most_and_no_negative_zero():
    assert [num(x) for x in (1.0, 1.25, -0.04, 100, 3.14159)] == ["1", "1.2", "0", "100", "3.1"]


def test_long_labels_wrap_onto_two_lines_and_are_cut_after_that():
    assert wrap("FS3 Linked data and communication platforms", 30) == ["FS3 Linked data and", "communication platforms"]
    assert wrap("short", 30) == ["short"]
    lines = wrap("a " * 60, 10)
    assert len(lines) == 2 and lines[1].endswith("…")


def test_a_strip_plot_draws_one_dot_per_partnership_and_a_median_bar():
    svg = str(
        strip_plot(
            [StripRow("P1", [10.0, 20.0, 30.0], median=20.0), StripRow("P2", [])], title="t", desc="d", ident="s"
        )
    )
    root = ET.fromstring(svg)
    dots = [c for c in root.findall(f"{SVG}circle") if c.get("r") == "2.8" and c.get("fill") == "none"]
    assert len(dots) == 3 + 1  # three partnerships and the legend's dot
    assert "no partnership has a score" in svg


def test_median_and_quartiles_match_the_usual_definitions():
    assert percentile([1, 2, 3], 0.5) == 2 and percentile([1, 2, 3, 4], 0.5) == 2.5
    assert percentile([1, 2, 3, 4, 5], 0.25) == 2 and percentile([1, 2, 3, 4], 0.75) == 3.25

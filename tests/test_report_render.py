"""The partnership report as a reader gets it: golden snapshots of the typed context for the
examples, checks of the rendered HTML's structure, PDF text and metadata, determinism, and
hostile text rendered inert."""

from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path

import pypdf
import pytest
from golden_files import assert_golden

from lchd_assess import __version__
from lchd_assess.app.score import example_folders
from lchd_assess.app.report import (
    REPORT_TEMPLATE,
    default_guidance,
    load_partnership_scores,
    render_report,
    render_template,
    report_context,
)
from lchd_assess.context.report_context import RosterOrganisation

from report_helpers import GUIDANCE, ROSTER, fixture_score, fw_info, incomplete_score

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = example_folders()
assert EXAMPLES, "no example partnerships under assessments/examples/"
GOLDEN = Path(__file__).parent / "golden" / "reports"
SECTIONS = [
    "1. For the meeting",
    "2. Scores by principle and structure",
    "3. Perspectives",
    "4. Who answered",
    "5. Change since the previous wave",
    "6. What to do next",
    "7. Method and data quality",
]


def snapshot(ctx) -> str:
    """The report's context as reviewable JSON: every value the template places, as text.

    Left out: the stylesheet (kept in assets/) and the toolkit version.  The charts are data
    here (what to draw; render/charts.py draws it, checked by tests/test_report_charts.py), so
    a change of drawing does not churn these files."""
    from lchd_assess.core.outputs import dumps_json

    data = ctx.model_dump(mode="json")
    data["meta"]["css"] = "(lchd_assess/assets/report.css)"
    data["meta"]["generator"] = data["meta"]["generator"].replace(__version__, "VERSION")
    return dumps_json(data)


def inputs(case: str):
    if case == "fixture":
        return fixture_score(), GUIDANCE, ROSTER
    score, roster = load_partnership_scores(ROOT / "assessments" / "examples" / case, comments=True)
    return score, default_guidance(), roster


@lru_cache(maxsize=None)
def rendered(case: str):
    score, guidance, roster = inputs(case)
    return score, render_report(score, fw_info(), guidance, roster)


def report_html_only(score) -> str:
    """The report's HTML as render_report makes it, without rendering the PDF (for tests that
    read only the HTML)."""
    return render_template(REPORT_TEMPLATE, report_context(score, fw_info()))


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


CASES = ["fixture", *[p.name for p in EXAMPLES]]


@pytest.mark.parametrize("case", CASES)
def test_report_context_matches_the_golden_snapshot(case, update_golden):
    from lchd_assess.app.report import report_context

    score, guidance, roster = inputs(case)
    got = snapshot(report_context(score, fw_info(), guidance, roster))
    assert_golden(got, GOLDEN / case / "context.json", f"{case}: report context", update_golden)


@pytest.mark.parametrize("case", CASES)
def test_the_rendered_report_has_its_sections_in_order_and_page_one_for_the_meeting(case):
    from html.parser import HTMLParser

    from lchd_assess.app.report import report_context

    score, guidance, roster = inputs(case)
    ctx = report_context(score, fw_info(), guidance, roster)
    html = rendered(case)[1].html

    class Outline(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.headings: list[tuple[str, str]] = []  # (tag, text)
            self.section: list[str] = []
            self.classes: list[str] = []
            self._tag: str | None = None

        def handle_starttag(self, tag, attrs):  # noqa: ANN001
            a = dict(attrs)
            if tag == "section":
                self.section.append(a.get("id") or "")
            if a.get("class"):
                self.classes.append(f"{self.section[-1] if self.section else ''}:{a['class']}")
            if tag in ("h2", "h3"):
                self._tag, self._text = tag, ""

        def handle_data(self, data):  # noqa: ANN001
            if self._tag:
                self._text += data

        def handle_endtag(self, tag):  # noqa: ANN001
            if tag == self._tag:
                self.headings.append((tag, " ".join(self._text.split())))
                self._tag = None

    o = Outline()
    o.feed(html)
    h2 = [t for tag, t in o.headings if tag == "h2"]
    assert [h for h in h2 if h != "Comments"] == SECTIONS
    assert o.section[0] == "summary"
    # Page 1: the caution box exactly when there is something to caution about.
    assert ("summary:caution" in o.classes) == bool(ctx.meeting.cautions)
    page1 = html[html.index('<section id="summary"') : html.index('<section id="scores"')]
    for e in ctx.meeting.priorities + [g.element for g in ctx.meeting.gaps]:
        assert f'href="{e.url}"' in page1
    # the gate is defined on page 1 under one label ("The gate." or "Held back by the gate."), not two
    assert ctx.meeting.level_meaning.split(":")[0] in page1 and ctx.meeting.gate_definition in page1
    assert "The gate:" not in page1
    if ctx.meeting.change:
        assert f"Since wave {ctx.meeting.change.previous_wave}" in page1
    # Comments sit under their question's wording.
    if ctx.comments:
        questions = [
            t
            for tag, t in o.headings
            if tag == "h3" and any(t == c.item or t.startswith(c.item + ": ") for c in ctx.comments)
        ]
        assert len(questions) == len({c.item for c in ctx.comments})


@pytest.mark.parametrize("case", CASES)
def test_the_pdf_has_every_section_and_no_suppressed_group_with_a_number(case):
    score, out = rendered(case)
    text = pdf_text(out.pdf)
    flat = re.sub(r"\s+", " ", text)
    for heading in SECTIONS:
        assert heading in flat, heading
    k = score.method.min_cell_size
    for group in score.groups:
        if group.suppressed:
            assert f"{group.label} (n = " not in flat
            assert f"{group.label}: " in flat  # named, with the reason
    assert f"fewer than {k}" in flat
    # Every element's row of the scores table: its name, score, level and interval together (a
    # bare "62" would be found somewhere in any report). Spaces are left out of the comparison:
    # text extraction drops some at line wraps ("learning50").
    packed = re.sub(r"\s+", "", text)
    for e in score.elements:
        if e.score is not None:
            label = e.name if e.kind == "overall" else f"{e.id} {e.name}"
            row = f"{label} {e.score:.0f} {e.level_label}" + (
                f" {e.interval[0]:.0f}–{e.interval[1]:.0f}" if e.interval else ""
            )
            assert re.sub(r"\s+", "", row) in packed, row


def test_pdf_metadata_names_the_report_and_the_pdf_is_tagged_for_accessibility():
    score, out = rendered("fixture")
    reader = pypdf.PdfReader(io.BytesIO(out.pdf))
    info = reader.metadata
    assert info.title == "Readiness report: Riverside Families Partnership, wave 2026"
    assert info.author == "Riverside Families Partnership"
    assert "wave 2026" in info.subject
    assert "readiness self-assessment" in info["/Keywords"]
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert "/CreationDate" not in info  # nothing that changes between runs


def test_the_same_input_gives_byte_identical_html_and_pdf():
    a = rendered("fixture")[1]  # rendered once for the other tests; b is a second, fresh render
    b = render_report(fixture_score(), fw_info(), GUIDANCE, ROSTER)
    assert a.html == b.html
    assert a.scores_json == b.scores_json
    assert a.pdf == b.pdf


def test_comments_appear_only_when_asked_for(tmp_path):
    case = EXAMPLES[0]
    without, _ = load_partnership_scores(case)
    with_, _ = load_partnership_scores(case, comments=True)
    assert without.comments is None
    html = report_html_only(without)
    assert 'id="comments"' not in html
    assert with_.comments, "the example has comments; --comments must load them"
    assert with_.comments[0].text.split("&")[0][:20] in report_html_only(with_).replace("&#39;", "'")


HOSTILE = ['<script>alert("x")</script>', "<img src=file:///etc/passwd>", '<img src="file:///etc/passwd">']


@lru_cache(maxsize=None)
def hostile_report():
    """One report with every payload in the partnership's name, the roster and the comments
    (one PDF render for all of them: each payload is checked on its own below)."""
    base = fixture_score()
    everything = " | ".join(HOSTILE)
    comments = [c.model_copy(update={"text": f"before {everything} after"}) for c in base.comments or []]
    assert comments, "the fixture needs comments"
    partnership = base.partnership.model_copy(update={"name": f"Partnership {everything}"})
    score = base.model_copy(update={"partnership": partnership, "comments": comments})
    roster = [RosterOrganisation(name=f"Clinic {payload}", sector="health-care") for payload in HOSTILE]
    out = render_report(score, fw_info(), GUIDANCE, roster)
    return out.html.split("</style>", 1)[1], pdf_text(out.pdf)


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_in_names_and_comments_is_inert_in_html_and_pdf(payload):
    body, text = hostile_report()
    assert "<script" not in body and "<img" not in body
    escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
    assert escaped in body or escaped.replace("&#34;", "&quot;") in body, escaped
    assert "root:x:0:0" not in text
    assert ("etc/passwd" if "passwd" in payload else "alert") in text  # shown as text, not acted on


def test_scores_json_beside_the_report_is_the_scorers_result():
    score, out = rendered("fixture")
    from lchd_assess.score.models import ScoreResult

    assert ScoreResult.model_validate_json(out.scores_json) == score


def test_an_element_without_a_score_and_no_overall_score_read_as_such_in_html_and_pdf():
    score = incomplete_score()
    out = render_report(score, fw_info(), GUIDANCE, ROSTER)
    flat = re.sub(r"\s+", " ", pdf_text(out.pdf))
    assert "Not computable" in flat and "Only 1 of 7 items had a valid answer" in flat
    assert "Without a score: FS4" in flat
    assert "FS4" not in [g for g in re.findall(r"Priorities.*?Without", flat)[0].split() if g == "FS4"]


def test_the_tagged_pdf_has_headings_tables_and_charts_with_alternative_text():
    _score, out = rendered("fixture")
    reader = pypdf.PdfReader(io.BytesIO(out.pdf))
    tags, alts = set(), []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for x in node:
                walk(x)
            return
        if not isinstance(node, dict):
            return
        if "/S" in node:
            tags.add(str(node["/S"]))
            if node["/S"] == "/Figure":
                alts.append(str(node.get("/Alt", "")))
        if "/K" in node:
            walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert {"/H1", "/H2", "/H3", "/Table", "/TH", "/Caption", "/Figure", "/Link"} <= tags
    assert alts == [
        "Readiness scores of Riverside Families Partnership, wave 2026",
        "Community and institutional perspectives per element",
    ]


def test_the_pdf_holds_no_local_path_so_it_does_not_depend_on_where_the_toolkit_is_installed():
    import zlib

    _score, out = rendered("fixture")
    streams = [out.pdf]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", out.pdf, re.S):
        try:
            streams.append(zlib.decompress(m.group(1)))
        except zlib.error:
            pass
    for data in streams:
        assert str(ROOT).encode() not in data and b"file:" not in data

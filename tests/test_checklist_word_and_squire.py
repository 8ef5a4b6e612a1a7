"""`checklist render --format docx` (Word) and `--as squire` (the same answers as SQUIRE 2.0)."""

from __future__ import annotations

import docx
import pytest

from lchd_assess.load.checklist import CHECKLIST
from lchd_assess.app import checklist_render as cr
from lchd_assess.context.checklist_squire import COVERS, squire_context, squire_crosswalk
from lchd_assess.load.documents import load_document
from lchd_assess.load.framework import load_standard

EXAMPLE = "assessments/examples/harbour-city-family-network/reporting-checklist.yaml"


@pytest.fixture(scope="module")
def std():
    return load_standard()


@pytest.fixture(scope="module")
def rendered(root, tmp_path_factory, std):
    out = tmp_path_factory.mktemp("word")
    result = cr.render(root / EXAMPLE, out, std, formats=("docx",))
    squire = cr.render(root / EXAMPLE, out, std, formats=("docx", "md"), view="squire")
    assert result.report.ok and squire.report.ok
    return out


def _rows(path):
    d = docx.Document(str(path))
    return [[c.text for c in r.cells] for t in d.tables for r in t.rows[1:]]


def test_the_word_checklist_has_every_item_with_its_answer(rendered, root, std):
    model = load_document(root / EXAMPLE, CHECKLIST).model
    rows = _rows(rendered / "checklist.docx")
    assert [r[0] for r in rows] == [i.number for i in std.items()]
    for row, item in zip(rows, std.items()):
        assert row[1].startswith(item.title) and item.what_to_report in row[1]
        entry = model.items[item.id]
        assert (entry.reported_at and row[2] == str(entry.reported_at)) or (
            entry.not_done and entry.not_done.split(":", 1)[-1].strip() in row[2]
        )


def test_the_word_checklist_names_the_report_the_standard_and_its_version(rendered, std):
    d = docx.Document(str(rendered / "checklist.docx"))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Harbour City" in d.paragraphs[0].text and f"version {std.version}" in text
    assert d.core_properties.title.startswith("Reporting checklist: ")


def test_the_same_checklist_gives_the_same_word_bytes(root, tmp_path, std):
    a, b = tmp_path / "a", tmp_path / "b"
    cr.render(root / EXAMPLE, a, std, formats=("docx",))
    cr.render(root / EXAMPLE, b, std, formats=("docx",))
    assert (a / "checklist.docx").read_bytes() == (b / "checklist.docx").read_bytes()


def test_the_squire_view_lists_every_squire_element_in_squires_order(rendered, std):
    cw = squire_crosswalk(std)
    rows = _rows(rendered / "squire-checklist.docx")
    assert [r[0] for r in rows] == [e.number for e in cw.elements]


def test_a_squire_element_takes_answers_only_from_items_that_cover_it_in_full(root, std):
    model = load_document(root / EXAMPLE, CHECKLIST).model
    ctx = squire_context(std, model, "final")
    rows = {r.number: r for s in ctx.sections for r in s.rows}
    for el in squire_crosswalk(std).elements:
        row = rows[el.number]
        if any(m.relationship in COVERS for m in el.mappings):
            assert row.status != "flagged", el.number
            assert "LCHD item" in row.answer
        else:
            assert row.status == "flagged", el.number
    assert ctx.counts["flagged"] == sum(
        1 for e in squire_crosswalk(std).elements if not any(m.relationship in COVERS for m in e.mappings)
    )


def test_the_squire_markdown_marks_what_the_author_must_check(rendered):
    md = (rendered / "squire-checklist.md").read_text(encoding="utf-8")
    assert "SQUIRE 2.0, answered from the" in md
    assert "**Check:**" in md


def test_render_word_from_the_command_line(cli, root, tmp_path):
    out = tmp_path / "o"
    r = cli("checklist", "render", EXAMPLE, "--out", str(out), "--format", "docx", "--as", "squire")
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["squire-checklist.docx"]

"""`checklist check` reports every finding in one pass, in words, and requires the report's title."""

from __future__ import annotations

import json

import pytest

from lchd_assess.formats import checklist as cl
from lchd_assess.check.checklist import check_file
from lchd_assess.load.framework import load_standard
from lchd_assess.load.yaml_words import quote_value


@pytest.fixture(scope="module")
def std():
    return load_standard()


@pytest.fixture(scope="module")
def example(root):
    return (root / "assessments/examples/harbour-city-family-network/reporting-checklist.yaml").read_text(
        encoding="utf-8"
    )


def _line(path, text):
    """1-based number of the first line of ``path`` containing ``text``."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_the_example_checklist_is_complete(root, std):
    assert check_file(root / "assessments/examples/harbour-city-family-network/reporting-checklist.yaml", std).ok


def test_an_unquoted_colon_is_explained_with_the_quoted_line_to_write(tmp_path, std, example):
    p = tmp_path / "c.yaml"
    p.write_text(example.replace('reported_at: "Title page"', "reported_at: Title page: line 1", 1), encoding="utf-8")
    report = check_file(p, std)
    line = _line(p, "reported_at: Title page: line 1")
    assert [f.format_text() for f in report.findings] == [
        f'{report.findings[0].file}:{line}:28: yaml-syntax: quote text that contains a colon: write reported_at: "Title page: line 1"'
    ]
    assert report.exit_code == 1


def test_every_finding_arrives_in_the_first_run(tmp_path, std, example):
    """Two unquoted colons, two misspelt fields and an empty title: all five at once, in file order."""
    text = example.replace('title: "A city-wide', 'title: ""\n  old_title: "A city-wide', 1)
    text = text.replace('reported_at: "Title page"', "reported_at: Title page: line 1", 1)
    text = text.replace('reported_at: "Abstract (structured)"', "reported_at: Abstract: structured", 1)
    text = text.replace("  RS-abstract:\n", "  RS-abstract:\n    where: Abstract\n", 1)
    p = tmp_path / "c.yaml"
    p.write_text(text, encoding="utf-8")
    report = check_file(p, std)
    assert [(f.line, f.code) for f in report.sorted()] == [
        (_line(p, 'title: ""'), "checklist-title-missing"),
        (_line(p, "old_title:"), "schema-unknown-field"),
        (_line(p, "reported_at: Title page: line 1"), "yaml-syntax"),
        (_line(p, "where: Abstract"), "schema-unknown-field"),
        (_line(p, "reported_at: Abstract: structured"), "yaml-syntax"),
    ]
    # the item whose shape is wrong is reported once, never also as "missing"
    assert "checklist-item-missing" not in report.codes()


def test_an_empty_report_title_is_a_finding(tmp_path, std, example):
    p = tmp_path / "c.yaml"
    p.write_text(cl.blank_checklist(std, answers={i.id: ("Methods", "") for i in std.items()}), encoding="utf-8")
    report = check_file(p, std)
    assert report.codes() == ["checklist-title-missing"] and report.findings[0].path == ("report", "title")


def test_check_json_lists_the_same_findings_as_the_library(cli, tmp_path, std, example):
    p = tmp_path / "c.yaml"
    p.write_text(example.replace('reported_at: "Title page"', "reported_at: Title page: line 1", 1), encoding="utf-8")
    out = cli("checklist", "check", str(p), "--format", "json")
    assert out.returncode == 1
    assert [f["code"] for f in json.loads(out.stdout)["findings"]] == check_file(p, std).codes()


@pytest.mark.parametrize(
    "line, fixed",
    [
        ("    reported_at: Title page: line 1", '    reported_at: "Title page: line 1"'),
        ('  - name: a "b": c', '  - name: "a \\"b\\": c"'),
        ('    reported_at: "already: quoted"', None),
        ("just text: here", 'just text: "here"'),
    ],
)
def test_quote_value_quotes_only_the_value(line, fixed):
    assert quote_value(line) == fixed

from __future__ import annotations

from lchd_assess.load.yamlload import parse_yaml_text


def codes(text):
    return sorted({f.code for f in parse_yaml_text(text, "t.yaml").findings})


def test_only_true_and_false_are_booleans_and_dates_stay_text():
    y = parse_yaml_text("a: true\nb: False\nc: '2022-01-01'\nd: 2022-01-01\n", "t.yaml")
    assert y.data == {"a": True, "b": False, "c": "2022-01-01", "d": "2022-01-01"}


def test_yes_no_on_off_are_findings_not_booleans():
    for word in ("yes", "No", "ON", "off"):
        assert codes(f"a: {word}\n") == ["yaml-yes-no-boolean"]
    assert codes("a: 'yes'\n") == []


def test_positions_are_one_based_line_and_column():
    y = parse_yaml_text("kind: x\nitems:\n  - id: A\n    name: B\n", "t.yaml")
    assert y.positions[("items", 0, "name")] == (4, 11)
    assert y.key_positions[("items", 0, "name")] == (4, 5)
    assert y.position(("items", 0, "missing")) == (3, 5)


def test_a_few_aliases_are_fine_but_many_are_refused():
    assert codes("a: &x 1\nb: *x\n") == []
    many = "a: &x 1\nb: [" + ", ".join(["*x"] * 150) + "]\n"
    assert codes(many) == ["yaml-alias-limit"]


def test_duplicate_key_names_the_first_place():
    y = parse_yaml_text("a: 1\nb: 2\na: 3\n", "t.yaml")
    (f,) = y.findings
    assert f.code == "yaml-duplicate-key" and (f.line, f.column) == (3, 1) and "line 1" in f.message

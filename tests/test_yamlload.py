from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# -- The loader's own tag resolution gives PyYAML's tags ----------------------------------------

_DOC = """\
a: ~
b: null
c: NULL
d:
e: ''
f: [true, True, TRUE, false, yes, No, on, OFF, y, n]
g: [0, -3, +4, 0x1F, 0o17, 1_000, 0b101, '7']
h: [1.5, .5, -2., 1e3, 6.02e+23, .inf, -.Inf, .NaN, 1_0.5]
i: [2022-01-01, 2022-01-01T10:00:00Z, 12:30:00]
j: {<<: {x: 1}, =: v, plain text: "quoted", 'single': !!str 12}
k: !!int "5"
l: !custom thing
m: |
  literal 1
n: [[1, [2]], {p: q}]
"""


def _tags(node):
    """(kind, tag, value) of each node of a composed tree, depth first."""
    from yaml.nodes import MappingNode, SequenceNode

    out = [(type(node).__name__, node.tag, None if isinstance(node, (MappingNode, SequenceNode)) else node.value)]
    if isinstance(node, SequenceNode):
        for child in node.value:
            out += _tags(child)
    elif isinstance(node, MappingNode):
        for k, v in node.value:
            out += _tags(k) + _tags(v)
    return out


def _reference_tags(text):
    import yaml

    from lchd_assess.load import yaml_nodes

    class Reference(yaml.SafeLoader):  # PyYAML's own composer and resolve(), the same table
        yaml_implicit_resolvers = yaml_nodes.IMPLICIT

    return _tags(yaml.compose(text, Loader=Reference))


def _our_tags(text):
    from lchd_assess.load import yamlload

    loader = yamlload._Loader(text)
    try:
        return _tags(loader.get_single_node())
    finally:
        loader.dispose()


def test_the_loader_resolves_every_plain_and_quoted_scalar_to_the_tag_pyyaml_gives():
    assert _our_tags(_DOC) == _reference_tags(_DOC)
    # and the table still keeps dates as text
    assert ("ScalarNode", "tag:yaml.org,2002:str", "2022-01-01") in _our_tags(_DOC)


@given(st.text(alphabet="0123456789.+-_eExXoObB:~nNuUlLtTrRfFaAsSyYiI &*!<=' ", min_size=0, max_size=12))
@settings(max_examples=300, deadline=None)
def test_random_scalars_get_the_tags_pyyaml_gives(word):
    import yaml

    text = f"- {word}\n- [{word}]\n- {{k: {word}}}\n"
    try:
        expected = _reference_tags(text)
    except yaml.YAMLError:
        with pytest.raises(yaml.YAMLError):
            _our_tags(text)
        return
    assert _our_tags(text) == expected

"""The toolkit's JSON writer equals json.dumps(indent=2, sort_keys=True, ensure_ascii=False)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lchd_assess.core.outputs import _JSON_HIDDEN, _compiled, _NotPlain, dumps_json

ROOT = Path(__file__).resolve().parent.parent


def _reference(v) -> str:  # noqa: ANN001
    return json.dumps(v, indent=2, sort_keys=True, ensure_ascii=False)


def _written(v) -> str:  # noqa: ANN001
    """What dumps_json must give: json.dumps's text with hidden characters escaped, and a newline."""
    return _JSON_HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", _reference(v) + "\n")


@pytest.mark.parametrize("path", sorted(ROOT.glob("tests/golden/**/*.json")), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_golden_json_file_is_written_exactly_as_json_dumps_would(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert dumps_json(data) == _written(data)
    # text such as "squire-2" or "wave-2" is not taken for a number's exponent: the compiled
    # writer writes every golden file itself
    assert _compiled(data) == _reference(data) + "\n"


scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_random_documents_are_written_exactly_as_json_dumps_would(doc):
    assert dumps_json(doc) == _written(doc)
    try:
        assert _compiled(doc) == _reference(doc) + "\n"
    except _NotPlain:
        pass  # written by json.dumps instead, checked above


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(allow_nan=False, allow_infinity=False) | st.floats(-1e-3, 1e-3), max_size=20))
def test_the_compiled_encoder_writes_every_float_as_python_does_or_declines(xs):
    try:
        assert _compiled(xs) == _reference(xs) + "\n"
    except _NotPlain:
        assert any(0 < abs(x) < 1e-4 for x in xs)


def test_small_floats_and_lone_surrogates_are_left_to_the_python_writer():
    for doc in ({"x": 1e-05}, [5.2e-05], {"x": -3e-9}, ["\ud800"]):
        with pytest.raises(_NotPlain):
            _compiled(doc)
        assert dumps_json(doc) == _written(doc)


def test_values_it_does_not_write_fall_back_to_json_dumps():
    for doc in ({"a": float("nan")}, {1: "x"}, {"t": (1, 2)}, [float("inf")]):
        text = dumps_json(doc)
        assert text == _reference(doc) + "\n" or text.replace("\\u", "") == (_reference(doc) + "\n").replace("\\u", "")

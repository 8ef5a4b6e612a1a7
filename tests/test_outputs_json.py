"""The toolkit's JSON writer equals json.dumps(indent=2, sort_keys=True, ensure_ascii=False)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lchd_assess.core.outputs import _indented, dumps_json

ROOT = Path(__file__).resolve().parent.parent


def _reference(v) -> str:  # noqa: ANN001
    return json.dumps(v, indent=2, sort_keys=True, ensure_ascii=False)


@pytest.mark.parametrize("path", sorted(ROOT.glob("tests/golden/**/*.json")), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_golden_json_file_is_written_exactly_as_json_dumps_would(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert _indented(data, "\n") == _reference(data)


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
    assert _indented(doc, "\n") == _reference(doc)


def test_values_it_does_not_write_fall_back_to_json_dumps():
    for doc in ({"a": float("nan")}, {1: "x"}, {"t": (1, 2)}, [float("inf")]):
        text = dumps_json(doc)
        assert text == _reference(doc) + "\n" or text.replace("\\u", "") == (_reference(doc) + "\n").replace("\\u", "")

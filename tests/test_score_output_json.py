"""A score result's JSON, written by pydantic's compiled encoder, is byte for byte the toolkit's JSON style."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from lchd_assess.app.score import score_partnership
from lchd_assess.core.outputs import dumps_json
from lchd_assess.formats import score_output
from lchd_assess.formats.score_output import to_json
from lchd_assess.load.partnership import partnership_folders
from lchd_assess.score.models import ScoreResult

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = partnership_folders(ROOT / "assessments" / "examples") + sorted(
    p for p in (ROOT / "tests" / "golden" / "score").iterdir() if (p / "partnership.yaml").is_file()
)


def _style(result: ScoreResult) -> str:
    """The toolkit's JSON style, by its definition: sorted keys, written by dumps_json."""
    return dumps_json(result.model_dump(mode="json"))


def test_every_part_of_a_score_result_declares_its_fields_in_sorted_order():
    # Otherwise to_json silently takes the slower way (and this says which part to reorder).
    assert score_output._fields_sorted(ScoreResult)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
@pytest.mark.parametrize("comments", [False, True])
def test_the_json_of_every_bundled_partnership_is_the_toolkit_style_byte_for_byte(folder, comments):
    result = score_partnership(folder, comments=comments)
    assert to_json(result) == _style(result)


def _example() -> ScoreResult:
    return score_partnership(FOLDERS[0])


@pytest.mark.parametrize(
    "name",
    [
        "Café « Réseau » ünïcode",
        "bidi \u202e override and zero\u200bwidth and DEL \x7f",
        "lone \ud800 surrogate",
        "wave-2 e-5 1e-05 looks like numbers",
    ],
)
def test_names_with_unusual_characters_are_written_as_the_toolkit_style(name):
    r = _example()
    r = r.model_copy(update={"partnership": r.partnership.model_copy(update={"name": name})})
    assert to_json(r) == _style(r)


@pytest.mark.parametrize("value", [1e-05, 0.00012, 1e-7, 123456789.125, 0.1 + 0.2])
def test_awkward_floats_are_written_as_the_toolkit_style(value):
    r = _example()
    r = r.model_copy(update={"elements": [r.elements[0].model_copy(update={"coverage": value}), *r.elements[1:]]})
    assert to_json(r) == _style(r)


def test_a_model_with_unsorted_fields_or_a_dict_is_not_taken_for_sorted():
    class Unsorted(BaseModel):
        b: int
        a: int

    class WithDict(BaseModel):
        a: dict[str, int]

    class Outer(BaseModel):
        inner: list[Unsorted] | None

    assert not score_output._fields_sorted(Unsorted)
    assert not score_output._fields_sorted(WithDict)
    assert not score_output._fields_sorted(Outer)

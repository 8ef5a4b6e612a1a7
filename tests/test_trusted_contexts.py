"""Contexts made without validation (``_Ctx.trusted``, context/base.py) are exactly the contexts
validation would make: for every example's report (from its folder and from its saved scores),
the fixture scores, the examples' portfolio, the questionnaire, the blank checklist and every
page of the built site (the contexts of tests/golden/contexts), ``Model.model_validate(ctx.model_dump())`` equals the context, field by
field and type by type (an ``int`` where the model says ``float``, or a tuple where it says
``list``, renders differently and would pass a plain ``==``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from lchd_assess.app.report import load_partnership_scores, report_context
from lchd_assess.app.report_inputs import default_guidance
from lchd_assess.app.score import example_folders
from lchd_assess.context.base import TemplateContext
from lchd_assess.context.checklist import build_context
from lchd_assess.context.file_contexts import ChecklistPage
from lchd_assess.context.portfolio import build_portfolio_context
from lchd_assess.context.questionnaire import questionnaire_context
from lchd_assess.load.framework import load_standard
from lchd_assess.load.instrument import load_assessment

from report_helpers import GUIDANCE, fixture_score, fw_info


def _differences(made: Any, validated: Any, where: str = "") -> list[str]:
    """Where ``made`` and ``validated`` differ in value or in type (recursively).

    A site page holds some loaded models and dataclasses (an element, a guide, a finding type),
    and could hold named tuples, in fields it declares loosely (``Any``): validating the dump
    gives their dict or plain tuple back, so those are compared by their JSON form."""
    loose_record = isinstance(made, tuple) and hasattr(made, "_fields") and type(validated) is tuple
    if loose_record or (isinstance(validated, dict) and not isinstance(made, dict)):
        same = to_jsonable_python(made) == to_jsonable_python(validated)
        return [] if same else [f"{where}: {type(made).__name__} made differs from its dump"]
    if type(made) is not type(validated):
        return [f"{where or '(top)'}: {type(made).__name__} made, {type(validated).__name__} when validated"]
    if isinstance(made, BaseModel):
        return [
            d
            for name in type(made).model_fields
            for d in _differences(getattr(made, name), getattr(validated, name), f"{where}.{name}")
        ]
    if isinstance(made, (list, tuple)):
        if len(made) != len(validated):
            return [f"{where}: {len(made)} items made, {len(validated)} when validated"]
        return [d for i, (m, v) in enumerate(zip(made, validated)) for d in _differences(m, v, f"{where}[{i}]")]
    if isinstance(made, dict):
        if list(made) != list(validated):
            return [f"{where}: keys {list(made)} made, {list(validated)} when validated"]
        return [d for k in made for d in _differences(made[k], validated[k], f"{where}[{k!r}]")]
    return [] if made == validated else [f"{where}: {made!r} made, {validated!r} when validated"]


def assert_as_validated(ctx: TemplateContext, name: str) -> None:
    validated = type(ctx).model_validate(ctx.model_dump())
    assert _differences(ctx, validated) == [], name


@pytest.mark.parametrize("folder", example_folders(), ids=lambda p: p.name)
def test_an_examples_report_context_is_what_validation_makes(folder, tmp_path):
    fw, guidance = fw_info(), default_guidance()
    score, roster = load_partnership_scores(folder, comments=True)
    assert_as_validated(report_context(score, fw, guidance, roster), f"{folder.name} with its roster")
    # the saved-scores path: no roster, comments as the file holds them
    assert_as_validated(report_context(score, fw, guidance, None), f"{folder.name} from scores.json")


GOLDEN_SCORE_CASES = sorted(p.parent for p in (Path(__file__).parent / "golden" / "score").glob("*/partnership.yaml"))


@pytest.mark.parametrize("folder", GOLDEN_SCORE_CASES, ids=lambda p: p.name)
def test_a_golden_score_cases_report_context_is_what_validation_makes(folder):
    # the edge cases: not computable, gate-capped, complementary suppression, heavy DK, two waves
    fw, guidance = fw_info(), default_guidance()
    score, roster = load_partnership_scores(folder, comments=True)
    assert_as_validated(report_context(score, fw, guidance, roster), f"{folder.name} with its roster")
    assert_as_validated(report_context(score, fw, guidance, None), f"{folder.name} from scores.json")


def test_the_fixture_scores_report_context_is_what_validation_makes():
    assert_as_validated(report_context(fixture_score(), fw_info(), GUIDANCE, None), "fixture")


def test_the_portfolio_questionnaire_and_checklist_contexts_are_what_validation_makes():
    scores = [load_partnership_scores(folder)[0] for folder in example_folders()]
    assert_as_validated(build_portfolio_context(scores, fw_info()), "portfolio")
    assert_as_validated(questionnaire_context(load_assessment().instrument), "questionnaire")
    assert_as_validated(ChecklistPage(c=build_context(load_standard(), None, "blank")), "checklist")


def test_every_site_page_context_is_what_validation_makes(built_site):
    site, _result, _folder = built_site
    assert site.pages
    for page in site.pages:
        assert_as_validated(page.context, page.path)


def test_trusted_leaves_the_same_instance_as_model_construct_with_or_without_defaults():
    from lchd_assess.context.report_parts import ElementRef, GuidanceAction

    def state(m):
        return (list(m.__dict__.items()), m.__pydantic_fields_set__, m.__pydantic_extra__, m.__pydantic_private__)

    every = {"level": "l", "score": "3", "url": "u", "name": "n", "id": "P1.E1"}  # not in declaration order
    assert list(ElementRef.trusted(**every).__dict__) == list(ElementRef.model_fields)
    assert state(ElementRef.trusted(**every)) == state(ElementRef.model_construct(**every))
    some = {"id": "P1.A1", "element": "P1.E1", "title": "t", "text": "x"}  # defaults filled
    assert state(GuidanceAction.trusted(**some)) == state(GuidanceAction.model_construct(**some))
    with pytest.raises(TypeError, match="unknown \\['extra'\\], missing \\['name'\\]"):
        ElementRef.trusted(id="P1.E1", url="u", score="3", level="l", extra=1)

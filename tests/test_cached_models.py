"""Models rebuilt from the site cache's JSON without validation (app/cached_models.py) are the
objects validation gives, value by value and type by type; JSON of the wrong shape is refused,
so a damaged cache entry is made again rather than read."""

from __future__ import annotations

from typing import Any, Literal, Optional, Union

import pytest
from pydantic import BaseModel, ConfigDict, Field

from lchd_assess.app.cached_models import Unrebuildable, rebuild
from lchd_assess.app.site_inputs import _ASSESSMENT_PARTS
from lchd_assess.app.site_prepare import citations_for
from lchd_assess.context.release_changes import release_changes
from lchd_assess.core.paths import citation_file
from lchd_assess.formats.citation import load_cff
from lchd_assess.load.framework import load_framework
from lchd_assess.load.instrument import load_assessment
from lchd_assess.load.kinds import KINDS
from lchd_assess.load.translation import available_languages, load_translation


def _same(a: Any, b: Any, where: str = "") -> None:
    """Equal, and of the same type all the way down (a tuple is no list, 1.0 no 1)."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, BaseModel):
        assert a.__dict__.keys() == b.__dict__.keys(), where
        for k in a.__dict__:
            _same(a.__dict__[k], b.__dict__[k], f"{where}.{k}")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            _same(x, y, f"{where}[{i}]")
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for k in a:
            _same(a[k], b[k], f"{where}[{k!r}]")
    else:
        assert a == b, where


def _models_the_site_cache_keeps() -> list[BaseModel]:
    fw = load_framework()
    a = load_assessment()
    models: list[BaseModel] = [m for kind in KINDS for m in fw.files(kind)]
    models += [getattr(a, part) for part in _ASSESSMENT_PARTS]
    languages = available_languages(a.folder)
    assert languages  # the repository has translations: they are compared too
    models += [load_translation(a.folder, lang, a.instrument).model for lang in languages]
    return models


def test_every_model_the_site_cache_keeps_is_rebuilt_as_validation_builds_it():
    models = _models_the_site_cache_keeps()
    assert len({type(m) for m in models}) >= 10  # the framework's kinds, the assessment, a translation
    for m in models:
        data = m.model_dump(mode="json", by_alias=True)
        rebuilt = rebuild(type(m), data)
        _same(rebuilt, type(m).model_validate(data), type(m).__name__)
        _same(rebuilt, m, type(m).__name__)  # and the object the YAML loader made


def test_the_prepared_contexts_the_site_cache_keeps_are_rebuilt_as_validation_builds_them():
    fw = load_framework()
    made = [citations_for(fw, load_cff(citation_file())), release_changes(fw.root, fw.meta.version)]
    for m in made:
        data = m.model_dump(mode="json")
        _same(rebuild(type(m), data), type(m).model_validate(data), type(m).__name__)
        _same(rebuild(type(m), data), m, type(m).__name__)


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str
    weight: float = 1.0


class _Whole(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=False)
    kind: Literal["whole"]
    parts: tuple[_Part, ...]
    by_name: dict[str, list[_Part]] = {}
    note: Optional[str] = None
    size: int | None = Field(default=None, alias="size-of")
    pair: tuple[str, int] = ("a", 1)


def test_nested_models_tuples_aliases_and_defaults_are_rebuilt_as_validation_builds_them():
    data = {"kind": "whole", "parts": [{"name": "p", "weight": 2}], "by_name": {"x": [{"name": "q"}]}, "size-of": 3}
    _same(rebuild(_Whole, data), _Whole.model_validate(data))


@pytest.mark.parametrize(
    "data",
    [
        {"parts": []},  # kind is missing
        {"kind": "other", "parts": []},  # not the literal
        {"kind": "whole", "parts": {"name": "p"}},  # an object where a list belongs
        {"kind": "whole", "parts": [{"name": 5}]},  # a number where text belongs
        {"kind": "whole", "parts": [], "size-of": True},  # true is no whole number
        {"kind": "whole", "parts": [], "pair": ["a"]},  # a pair of one
        ["not", "an", "object"],
    ],
)
def test_json_of_the_wrong_shape_is_refused(data):
    with pytest.raises(Unrebuildable):
        rebuild(_Whole, data)


def test_a_field_that_cannot_be_told_apart_without_validation_is_refused():
    class Either(BaseModel):
        value: Union[_Part, _Whole]

    with pytest.raises(Unrebuildable):
        rebuild(Either, {"value": {"name": "p"}})

"""Models rebuilt from their own JSON, as a cache keeps them, without validating them again.

The site's inputs cache (app/site_inputs.py) keeps the validated framework, self-assessment and
prepared contexts as each model's ``model_dump(mode="json", by_alias=True)``, in an entry named
by a hash of every file they were made from and of the toolkit's own code.  Validating that JSON
again on every build makes pydantic build each model's validator first (its core schema, the
larger part of defining a model class), which a build from the cache otherwise never needs.  So
:func:`rebuild` makes the objects with ``model_construct``, converting each value by its field's
annotation: nested models, lists, tuples, dictionaries, optional values, literals and plain
JSON types.  What validation would add is not needed (the data passed it when the entry was
made), but the shape is still checked, so a damaged entry fails here and is made again:
:class:`Unrebuildable` (a ``ValueError``) for a value of the wrong JSON type, a missing
required field or a field type this module does not know.

Tested: for the repository's data, what :func:`rebuild` gives equals what validation gives,
value by value and type by type (tests/test_site_inputs.py).
"""

from __future__ import annotations

import types
import typing
from typing import Any, Callable

from pydantic import BaseModel


class Unrebuildable(ValueError):
    """The JSON does not have the model's shape, or a field's type is not one rebuilt here."""


Convert = Callable[[Any], Any]

#: model class → [(key in the JSON, converter, required?)], made once per class
_PLANS: dict[type[BaseModel], list[tuple[str, Convert, bool]]] = {}


def rebuild(cls: type[BaseModel], data: Any) -> Any:
    """``cls``'s instance from ``data`` (its ``model_dump(mode="json", by_alias=True)``)."""
    if not isinstance(data, dict):
        raise Unrebuildable(f"{cls.__name__}: expected an object")
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = [
            (field.alias or name, _converter(field.annotation), field.is_required())
            for name, field in cls.model_fields.items()
        ]
    values = {}
    for key, convert, required in plan:
        if key in data:
            values[key] = convert(data[key])
        elif required:
            raise Unrebuildable(f"{cls.__name__}: {key} is missing")
    return cls.model_construct(**values)


def _plain(*kinds: type) -> Convert:
    def convert(value: Any) -> Any:
        # bool is an int in Python, never in JSON Schema: True is no answer to an int field
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            raise Unrebuildable(f"expected {' or '.join(k.__name__ for k in kinds)}, not {type(value).__name__}")
        return value

    return convert


def _float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Unrebuildable(f"expected a number, not {type(value).__name__}")
    return float(value)


def _literal(allowed: tuple[Any, ...]) -> Convert:
    def convert(value: Any) -> Any:
        if value not in allowed:
            raise Unrebuildable(f"{value!r} is not one of {allowed!r}")
        return value

    return convert


def _sequence(item: Convert, make: type) -> Convert:
    def convert(value: Any) -> Any:
        if not isinstance(value, list):
            raise Unrebuildable(f"expected a list, not {type(value).__name__}")
        return make(item(v) for v in value)

    return convert


def _fixed_tuple(items: list[Convert]) -> Convert:
    def convert(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list) or len(value) != len(items):
            raise Unrebuildable(f"expected a list of {len(items)}")
        return tuple(c(v) for c, v in zip(items, value))

    return convert


def _mapping(item: Convert) -> Convert:
    def convert(value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Unrebuildable(f"expected an object, not {type(value).__name__}")
        return {k: item(v) for k, v in value.items()}

    return convert


def _optional(inner: Convert) -> Convert:
    return lambda value: None if value is None else inner(value)


def _model(cls: type[BaseModel]) -> Convert:
    return lambda value: rebuild(cls, value)


_PLAIN: dict[Any, Convert] = {
    str: _plain(str),
    int: _plain(int),
    bool: _plain(bool),
    float: _float,
    type(None): _literal((None,)),
    Any: lambda value: value,
}


def _converter(annotation: Any) -> Convert:
    """How a JSON value becomes the value of a field annotated ``annotation``."""
    try:
        plain = _PLAIN.get(annotation)
    except TypeError:  # an unhashable annotation (Annotated with unhashable metadata)
        plain = None
    if plain is not None:
        return plain
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model(annotation)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _converter(args[0])
    if origin is typing.Literal:
        return _literal(args)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return _optional(_converter(rest[0])) if len(rest) < len(args) else _converter(rest[0])
        # several types: only plain JSON values can be told apart without validating
        if all(a in _PLAIN for a in rest):
            kinds = tuple(a for a in rest if isinstance(a, type))
            inner = _plain(*kinds) if float not in kinds else _plain(*kinds, int)
            return _optional(inner) if len(rest) < len(args) else inner
        raise Unrebuildable(f"a union of {annotation} is not rebuilt without validation")
    if origin is list:
        return _sequence(_converter(args[0]) if args else _PLAIN[Any], list)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return _sequence(_converter(args[0]), tuple)
        return _fixed_tuple([_converter(a) for a in args]) if args else _sequence(_PLAIN[Any], tuple)
    if origin is dict:
        if args and args[0] is not str:
            raise Unrebuildable(f"{annotation}: JSON keys are text")
        return _mapping(_converter(args[1]) if args else _PLAIN[Any])
    raise Unrebuildable(f"{annotation!r} is not rebuilt without validation")

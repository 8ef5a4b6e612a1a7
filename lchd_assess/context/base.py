"""The base of every template context model: frozen, no undocumented fields."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict
from typing_extensions import Self


class _Ctx(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: The templates this model is the context of (render/templating.render refuses any other);
    #: empty for the models nested inside a context.  The whole table: context/templates.py.
    TEMPLATES: ClassVar[tuple[str, ...]] = ()

    def template_vars(self) -> dict[str, Any]:
        """The model's fields as top-level template variables (shallow: nested models stay models)."""
        return {name: getattr(self, name) for name in type(self).model_fields}

    @classmethod
    def trusted(cls, **values: Any) -> Self:
        """The context from values the toolkit made itself out of validated data, not validated
        again (``model_construct``: a site build makes over a hundred page contexts, and the
        tests validate every one of them); a name that is not a field, or a missing field, is
        still refused, so a builder and its model cannot drift apart unnoticed."""
        fields = cls.model_fields
        unknown = values.keys() - fields.keys()
        missing = [n for n, f in fields.items() if f.is_required() and n not in values]
        if unknown or missing:
            raise TypeError(f"{cls.__name__}: unknown {sorted(unknown)}, missing {missing}")
        return cls.model_construct(**values)


class _Trusted(_Ctx):
    """The base of contexts made only with :meth:`_Ctx.trusted`: their validators are built on
    first validation (the tests), never at import — building them cost a forced site build
    ≈ 40–80 ms (a pydantic model's schema is made when its class is created)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


#: The public name of the base: every template is rendered with one of these (render/templating.render).
TemplateContext = _Ctx

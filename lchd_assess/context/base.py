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
        again (``model_construct``).  The one way the toolkit skips validation: a site build
        makes over a hundred page contexts, and a report's context some hundred nested models
        whose validators would otherwise be built at import and run once.

        Shallow: a nested model must itself be made with ``trusted`` (or validated), and every
        value must already have the type its field declares (``680.0`` for a ``float``, a list
        for a ``list``), since nothing converts it.  tests/test_trusted_contexts.py checks, for
        every example's report, the portfolio, the questionnaire, the checklist and every site
        page, that validating the dumped context gives back the same values of the same types,
        so a builder cannot slip a wrong type past this.  A name that is not a field, or a
        missing field, is refused here, so a builder and its model cannot drift apart unnoticed.
        Data read from a file is never passed here: it is validated (``model_validate``)."""
        plan = _PLANS.get(cls) or _plan(cls)
        names, required, order, plain = plan
        unknown = values.keys() - names
        missing = [n for n in required if n not in values]
        if unknown or missing:
            raise TypeError(f"{cls.__name__}: unknown {sorted(unknown)}, missing {missing}")
        if not plain or len(values) != len(order):
            return cls.model_construct(**values)  # defaults to fill in: pydantic's own way
        # Every field given, no aliases, private attributes or post-init: exactly what
        # model_construct leaves (fields in declaration order, the set of fields given, no
        # extras), without its per-field alias and default look-ups (a report makes ~180 of these).
        m = cls.__new__(cls)
        _set(m, "__dict__", {n: values[n] for n in order})
        _set(m, "__pydantic_fields_set__", set(values))
        _set(m, "__pydantic_extra__", None)
        _set(m, "__pydantic_private__", None)
        return m


_set = object.__setattr__

#: Per context class: its field names, the required ones and all in declaration order, and
#: whether :meth:`_Ctx.trusted` may fill an instance directly (see there).
_PLANS: dict[type, tuple[frozenset[str], tuple[str, ...], tuple[str, ...], bool]] = {}


def _plan(cls: type[_Ctx]) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...], bool]:
    fields = cls.model_fields
    plain = (
        not cls.__pydantic_post_init__
        and not cls.__private_attributes__
        and not cls.__pydantic_root_model__
        and cls.model_config.get("extra") == "forbid"
        and all(f.alias is None and f.validation_alias is None for f in fields.values())
    )
    plan = (frozenset(fields), tuple(n for n, f in fields.items() if f.is_required()), tuple(fields), plain)
    _PLANS[cls] = plan
    return plan


class _Trusted(_Ctx):
    """The base of contexts made only with :meth:`_Ctx.trusted`: their validators are built on
    first validation (the tests), never at import — building them cost a forced site build
    ≈ 40–80 ms and every report ≈ 5 ms (a pydantic model's schema is made when its class is
    created).  A model the toolkit validates at run time (read from a file or a cache:
    the report's ``FrameworkInfo`` and ``Guidance``) stays a :class:`_Ctx`, since its validator
    is needed anyway."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


#: The public name of the base: every template is rendered with one of these (render/templating.render).
TemplateContext = _Ctx

"""The base of every template context model: frozen, no undocumented fields."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class _Ctx(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def template_vars(self) -> dict[str, Any]:
        """The model's fields as top-level template variables (shallow: nested models stay models)."""
        return {name: getattr(self, name) for name in type(self).model_fields}

"""Every kind of YAML file the toolkit reads, in one literal table.

A file names its ``kind`` at the top; :data:`KINDS` maps that name to the file's model, the
description its JSON Schema carries, and its family.  Each kind is defined next to its models;
this table only lists them, so what the toolkit knows never depends on what was imported
first.  A new kind of file is added here (see CONTRIBUTING.md).
"""

from __future__ import annotations

from . import models
from .checklist import CHECKLIST
from .documents import Kind
from .instrument import INSTRUMENT, RECOMMENDED_ACTIONS, SCORING_RULES
from .partnership import PARTNERSHIP
from .standard import GUIDELINE_CROSSWALK, REPORTING_STANDARD
from .translation import TRANSLATION


def _framework_kind(name: str, model: type[models.FileBase]) -> Kind:
    # the schema's description is the first line of the model's docstring
    return Kind(name, model, (model.__doc__ or f"The framework's {name}.").strip().splitlines()[0], "framework")


#: kind name → :class:`~lchd_assess.load.documents.Kind`, sorted by name.
KINDS: dict[str, Kind] = dict(
    sorted(
        {
            **{name: _framework_kind(name, model) for name, model in models.FRAMEWORK_KINDS.items()},
            "reporting-standard": REPORTING_STANDARD,
            "guideline-crosswalk": GUIDELINE_CROSSWALK,
            "checklist": CHECKLIST,
            "instrument": INSTRUMENT,
            "scoring-rules": SCORING_RULES,
            "recommended-actions": RECOMMENDED_ACTIONS,
            "instrument-translation": TRANSLATION,
            "partnership": PARTNERSHIP,
        }.items()
    )
)

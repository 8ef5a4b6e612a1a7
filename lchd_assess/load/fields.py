"""What every model of our YAML shares: the strict base model, ID rules and reference fields.

The ID pattern, label and example of every kind of element (:data:`ID_PATTERNS`,
:data:`KIND_LABELS`, :data:`ID_EXAMPLES`), the ``Id``/``Ref`` fields that carry them into the
JSON Schemas, semantic versions and dates.  The models themselves are :mod:`.models` (the
framework), :mod:`.instrument`, :mod:`.partnership`, :mod:`.standard` and the other kinds.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

#: A partnership's geographic scale (partnership.yaml, and the scorer's result).
Scale = Literal["neighbourhood", "city", "county", "region"]

SEMVER = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$"
DATE = r"^\d{4}-\d{2}-\d{2}$"

#: The ID pattern of every kind of element; also used for reference checks and site URLs.
ID_PATTERNS: dict[str, str] = {
    "concept": r"^C[1-9][0-9]*$",
    "characteristic": r"^CH[1-9][0-9]*$",
    "attribute": r"^CH[1-9][0-9]*\.[1-9][0-9]*$",
    "principle": r"^P[1-9][0-9]*$",
    "principle-component": r"^P[1-9][0-9]*\.[1-9][0-9]*$",
    "structure": r"^FS[1-9][0-9]*$",
    "structure-component": r"^FS[1-9][0-9]*\.[1-9][0-9]*$",
    "limitation": r"^L[1-9][0-9]*$",
    "partnership-model": r"^M[1-9][0-9]*$",
    "innovation": r"^M[1-9][0-9]*\.I[1-9][0-9]*$",
    "model-limitation": r"^M[1-9][0-9]*\.L[1-9][0-9]*$",
    "reporting-domain": r"^RD[1-9][0-9]*$",
    "research-priority": r"^RP[1-9][0-9]*$",
    "term": r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
    "reference": r"^REF([1-9][0-9]*|-[a-z0-9]+(-[a-z0-9]+)*)$",
    "crosswalk": r"^CW-[a-z0-9]+(-[a-z0-9]+)*$",
    "crosswalk-source": r"^[A-Z]{2,3}[1-9][0-9]*$",
    "reporting-item": r"^RS-[a-z]+(-[a-z]+)*$",
    "guideline-crosswalk": r"^GX-[a-z0-9]+(-[a-z0-9]+)*$",
    # the self-assessment's own IDs (assessments/), which share the framework's namespace
    "item": r"^(P|FS)[1-9][0-9]*\.Q[1-9][0-9]*$",
    "recommended-action": r"^(P|FS)[1-9][0-9]*\.A[1-9][0-9]*$",
}

#: Human names for each kind, used in messages and on the site.
KIND_LABELS: dict[str, str] = {
    "concept": "concept",
    "characteristic": "characteristic",
    "attribute": "characteristic attribute",
    "principle": "guiding principle",
    "principle-component": "principle component",
    "structure": "foundational structure",
    "structure-component": "structure component",
    "limitation": "limitation",
    "partnership-model": "partnership model",
    "innovation": "model innovation",
    "model-limitation": "model limitation",
    "reporting-domain": "reporting domain",
    "research-priority": "research priority",
    "term": "glossary term",
    "reference": "reference",
    "crosswalk": "crosswalk",
    "crosswalk-source": "crosswalk source element",
    "reporting-item": "reporting standard item",
    "guideline-crosswalk": "reporting guideline crosswalk",
    "item": "instrument item",
    "recommended-action": "recommended action",
}

ID_EXAMPLES: dict[str, str] = {
    "concept": "C1",
    "characteristic": "CH1",
    "attribute": "CH1.1",
    "principle": "P1",
    "principle-component": "P4.1",
    "structure": "FS1",
    "structure-component": "FS1.1",
    "limitation": "L1",
    "partnership-model": "M1",
    "innovation": "M1.I1",
    "model-limitation": "M1.L1",
    "reporting-domain": "RD1",
    "research-priority": "RP1",
    "term": "wrong-pocket",
    "reference": "REF26 or REF-squire-2",
    "crosswalk": "CW-building-blocks",
    "crosswalk-source": "BB1",
    "reporting-item": "RS-partner-roster",
    "guideline-crosswalk": "GX-squire-2",
    "item": "P1.Q1 or FS3.Q2",
    "recommended-action": "P1.A1 or FS4.A2",
}


def Ref(*kinds: str, description: str = "", **kw: Any) -> Any:
    """A field holding the ID of another element of one of ``kinds``."""
    return Field(description=description, json_schema_extra={"x-refers-to": list(kinds)}, **kw)


def Id(kind: str, description: str = "") -> Any:
    return Field(
        pattern=ID_PATTERNS[kind],
        description=description or f"Stable ID of this {KIND_LABELS[kind]} (e.g. {ID_EXAMPLES[kind]}); never reused.",
        json_schema_extra={"x-id-kind": kind},
    )


Text = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    # defer_build: a model's validator is built on its first use, not when its module is
    # imported. Commands answered from a cache (a site build, a report from a saved scores file)
    # import these modules without validating most of the models they define; building every
    # validator at import cost ~30 ms CPU of ~100 (medians of 3, in process). A model that is
    # used is built once, as before.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False, defer_build=True)


#: The element kinds an instrument item or recommended action measures or reaches.
ELEMENT_REF = ("principle", "structure")
COMPONENT_REF = ("principle-component", "structure-component")


def version_tuple(v: str) -> tuple[int, int, int]:
    m = re.match(r"^(\d+)\.(\d+)\.(\d+)", v)
    if not m:
        raise ValueError(f"not a semantic version: {v!r}")
    return (int(m.group(1)), int(m.group(2)), int(m.group(3)))

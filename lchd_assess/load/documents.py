"""Kinds of YAML document and their schema check.

Every YAML file the toolkit reads names its ``kind``.  :data:`KINDS` maps each kind to the
pydantic model of the whole file; JSON Schemas are generated from those models, and a file is
checked against its schema with jsonschema so that findings keep jsonschema's paths.  Other
pipeline stages (instrument, partnership, reporting standard, checklist) add their kinds with
:func:`register_kind`.
"""

from __future__ import annotations

import difflib
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

import jsonschema
from pydantic import BaseModel, ValidationError
from pydantic.json_schema import GenerateJsonSchema

from . import models
from ..core.findings import Finding, PathT
from .pattern_words import pattern_in_words
from .yamlload import LoadedYaml, load_yaml

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_BASE_URL = "https://lchd-toolkit.github.io/lchd-framework/schemas/"


@dataclass(frozen=True)
class Kind:
    name: str
    model: type[BaseModel]
    description: str
    #: "framework" kinds make up the framework itself and are merged into one Framework.
    family: str


KINDS: dict[str, Kind] = {}


def register_kind(name: str, model: type[BaseModel], description: str, family: str) -> None:
    if name in KINDS:
        raise ValueError(f"kind {name!r} registered twice")
    KINDS[name] = Kind(name, model, description, family)
    if "schema_for" in globals():
        schema_for.cache_clear()
        _validator.cache_clear()




class _WithDialect(GenerateJsonSchema):
    """pydantic omits ``$schema``; the committed schemas name their dialect (2020-12)."""

    def generate(self, schema: Any, mode: Any = "validation") -> dict[str, Any]:
        out = super().generate(schema, mode=mode)
        return {"$schema": JSON_SCHEMA_DIALECT, **out}


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


@functools.lru_cache(maxsize=None)
def schema_for(kind: str) -> dict[str, Any]:
    model = KINDS[kind].model
    schema = model.model_json_schema(schema_generator=_WithDialect)
    schema["$id"] = SCHEMA_BASE_URL + schema_file_name(kind)
    schema.setdefault("description", KINDS[kind].description)
    return schema


@functools.lru_cache(maxsize=None)
def _validator(kind: str) -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator(schema_for(kind))


def schema_json(kind: str) -> str:
    from ..core.outputs import dumps_json

    return dumps_json(schema_for(kind))


# -- jsonschema errors → findings ------------------------------------------------------------

_JSON_TYPES = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false", "array": "a list", "object": "a mapping", "null": "nothing (null)"}


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (null)"
    return "a value"


def _show(value: Any, limit: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(path: PathT) -> str:
    return "/".join(str(p) for p in path) or "the top level"


def _leaf(error: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """Dig into anyOf/oneOf (how pydantic writes optional fields) for the telling error."""
    while error.validator in ("anyOf", "oneOf") and error.context:
        non_null = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        candidates = non_null or list(error.context)
        error = jsonschema.exceptions.best_match(candidates) or candidates[0]
    return error


def schema_findings(kind: str, data: Any, loaded: LoadedYaml) -> list[Finding]:
    out: list[Finding] = []
    for err in sorted(_validator(kind).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        out.extend(_convert(_leaf(err), loaded))
    return out


def _convert(err: jsonschema.ValidationError, loaded: LoadedYaml) -> list[Finding]:
    path = tuple(err.absolute_path)
    v, inst, sch = err.validator, err.instance, err.schema if isinstance(err.schema, dict) else {}
    field = path[-1] if path and isinstance(path[-1], str) else None

    def f(code: str, msg: str, p: PathT = path, key: bool = False) -> Finding:
        return loaded.locate(Finding(code, msg, path=p, value=None), key=key)

    if v == "required":
        out = []
        for name in err.validator_value:
            if isinstance(inst, dict) and name not in inst:
                code = "missing-source" if name == "source" else "schema-required"
                fix = " (say where in the paper it comes from: a section heading or figure)" if code == "missing-source" else ""
                out.append(f(code, f"{_where(path)} is missing the required field '{name}'; add it{fix}", path + (name,)))
        return out
    if v == "additionalProperties":
        known = sorted((sch.get("properties") or {}).keys())
        out = []
        for name in sorted(set(inst) - set(known)) if isinstance(inst, dict) else []:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; allowed fields: {', '.join(known)}"
            out.append(f("schema-unknown-field", f"unknown field '{name}' in {_where(path)}{hint}", path + (name,), key=True))
        return out
    if v == "type":
        want = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        want_s = " or ".join(_JSON_TYPES.get(w, w) for w in want)
        return [f("schema-type", f"{_where(path)} must be {want_s}, not {_type_of(inst)} ('{_show(inst)}')")]
    if v == "pattern":
        id_kind = sch.get("x-id-kind")
        if id_kind:
            return [f("bad-id-pattern", f"'{_show(inst)}' is not a valid {models.KIND_LABELS.get(id_kind, id_kind)} ID; use the form {models.ID_EXAMPLES.get(id_kind, err.validator_value)}")]
        if err.validator_value == models.SEMVER:
            return [f("bad-version", f"version '{_show(inst)}' at {_where(path)} is not MAJOR.MINOR.PATCH (e.g. 1.0.0)")]
        if err.validator_value == models.DATE:
            return [f("schema-value", f"'{_show(inst)}' at {_where(path)} is not a date in the form YYYY-MM-DD")]
        return [f("schema-value", f"'{_show(inst)}' at {_where(path)} is not in the required form: {pattern_in_words(err.validator_value)}")]
    if v in ("const", "enum"):
        allowed = [err.validator_value] if v == "const" else err.validator_value
        if field == "kind":
            return [f("unknown-kind", f"kind '{_show(inst)}' does not fit this file; expected {', '.join(map(str, allowed))}")]
        return [f("schema-value", f"'{_show(inst)}' is not allowed at {_where(path)}; use one of: {', '.join(map(str, allowed))}")]
    if v in ("minItems", "minLength"):
        return [f("schema-value", f"{_where(path)} must not be empty")]
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "maxItems", "maxLength"):
        return [f("schema-value", f"'{_show(inst)}' at {_where(path)} is out of range ({v} {err.validator_value})")]
    return [f("schema-value", f"{_where(path)}: value '{_show(inst)}' is not allowed ({v})")]


def pydantic_findings(exc: ValidationError, loaded: LoadedYaml) -> list[Finding]:
    """For rules the JSON Schema cannot say (model validators); ``loc`` kept as the path."""
    out = []
    for e in exc.errors(include_url=False):
        path = tuple(p for p in e["loc"] if isinstance(p, (str, int)))
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "string_pattern_mismatch":  # pydantic's own message prints the regular expression
            msg = f"'{_show(e['input'])}' is not in the required form: {pattern_in_words(str(e['ctx']['pattern']))}"
        out.append(loaded.locate(Finding("schema-value", f"{_where(path)}: {msg}", path=path)))
    return out


# -- Loading one document --------------------------------------------------------------------


@dataclass
class Document:
    """One YAML file: where it is, what it holds, and what is wrong with it."""

    loaded: LoadedYaml
    kind: str | None = None
    model: BaseModel | None = None

    @property
    def file(self) -> str:
        return self.loaded.file

    @property
    def findings(self) -> list[Finding]:
        return self.loaded.findings


def load_document(path: str | Path, display: str | None = None, expect: str | set[str] | None = None) -> Document:
    """Load and schema-check one YAML file; the model is set only when it has no findings."""
    loaded = load_yaml(path, display=display)
    return check_loaded(loaded, expect)


def check_loaded(loaded: LoadedYaml, expect: str | set[str] | None = None) -> Document:
    doc = Document(loaded)
    if loaded.findings or loaded.data is None:
        return doc
    data = loaded.data
    if not isinstance(data, dict):
        loaded.findings.append(loaded.locate(Finding("yaml-not-mapping", f"the top level is {_type_of(data)}; it must be a mapping that starts with `kind:`")))
        return doc
    kind = data.get("kind")
    expected = {expect} if isinstance(expect, str) else expect
    known = sorted(expected or KINDS)
    if not isinstance(kind, str) or kind not in KINDS or (expected and kind not in expected):
        what = "has no `kind`" if kind is None else f"has kind '{_show(kind)}'"
        loaded.findings.append(loaded.locate(Finding("unknown-kind", f"the file {what}; use one of: {', '.join(known)}", path=("kind",))))
        return doc
    doc.kind = kind
    found = schema_findings(kind, data, loaded)
    if found:
        loaded.findings.extend(found)
        return doc
    try:
        doc.model = KINDS[kind].model.model_validate(data)
    except ValidationError as exc:
        loaded.findings.extend(pydantic_findings(exc, loaded))
    return doc


# -- Check registries ---------------------------------------------------------------------
# Kept here, not in validate.py, so a kind module registers its checks on import without
# importing the validator (which imports this module: that was an import cycle).

#: Extra checkers by file suffix, for files that are not YAML (response CSVs register here).
FILE_CHECKERS: dict[str, Callable[..., list[Finding]]] = {}
#: Extra semantic checks over all loaded documents: ``check(documents, index) -> findings``.
SEMANTIC_CHECKS: list[Callable[..., Iterable[Finding]]] = []


def add_semantic_check(check: Callable[..., Iterable[Finding]]) -> None:
    """Register ``check`` in :data:`SEMANTIC_CHECKS` once."""
    if check not in SEMANTIC_CHECKS:
        SEMANTIC_CHECKS.append(check)


for _name, _model in models.FRAMEWORK_KINDS.items():
    register_kind(_name, _model, (_model.__doc__ or f"The framework's {_name}.").strip().splitlines()[0], "framework")

#: Modules that register further kinds (instrument, partnership, reporting standard, checklist).
#: Imported here, after everything above is defined, so each may import this module.
_KIND_MODULES: tuple[str, ...] = (
    "lchd_assess.load.standard",
    "lchd_assess.formats.checklist",
    "lchd_assess.load.instrument",
    "lchd_assess.load.partnership",
)

for _mod in _KIND_MODULES:
    __import__(_mod)

"""Kinds of YAML document and their schema check.

Every YAML file the toolkit reads names its ``kind``.  A :class:`Kind` ties a kind's name to
the pydantic model of the whole file; JSON Schemas are generated from those models, and a file
is checked against its schema with jsonschema so that findings keep jsonschema's paths.  Each
model module defines its own kinds next to its models; :data:`lchd_assess.load.kinds.KINDS` is
the one table of all of them.  This module imports no model module, so every model module may
import it.
"""

from __future__ import annotations

import difflib
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from pydantic import BaseModel, ValidationError
from pydantic.json_schema import GenerateJsonSchema

from ..core.findings import Finding, PathT
from ..core.outputs import dumps_json
from . import models
from .pattern_words import pattern_in_words
from .yamlload import LoadedYaml, load_yaml

if TYPE_CHECKING:  # pragma: no cover - annotations only: jsonschema is imported when a file is checked
    import jsonschema

#: The file names the toolkit reads as YAML documents.
YAML_SUFFIXES = (".yaml", ".yml")
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_BASE_URL = "https://lchd-toolkit.github.io/lchd-framework/schemas/"


@dataclass(frozen=True)
class Kind:
    name: str
    model: type[BaseModel]
    description: str
    #: "framework" kinds make up the framework itself and are merged into one Framework.
    family: str


class _WithDialect(GenerateJsonSchema):
    """pydantic omits ``$schema``; the committed schemas name their dialect (2020-12)."""

    def generate(self, schema: Any, mode: Any = "validation") -> dict[str, Any]:
        out = super().generate(schema, mode=mode)
        return {"$schema": JSON_SCHEMA_DIALECT, **out}


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


@functools.cache
def schema_for(kind: Kind) -> dict[str, Any]:
    schema = kind.model.model_json_schema(schema_generator=_WithDialect)
    schema["$id"] = SCHEMA_BASE_URL + schema_file_name(kind.name)
    schema.setdefault("description", kind.description)
    return schema


@functools.cache
def _validator(kind: Kind) -> jsonschema.protocols.Validator:
    import jsonschema  # lazily: ~0.03 s of start-up, needed only to check a file read from disk; a build answered from the content cache (site build, report) reads none

    return jsonschema.Draft202012Validator(schema_for(kind))


def schema_json(kind: Kind) -> str:
    return dumps_json(schema_for(kind))


# -- jsonschema errors → findings ------------------------------------------------------------

_JSON_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "nothing (null)",
}


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
        import jsonschema.exceptions  # already loaded by _validator, which made the error (see there)

        error = jsonschema.exceptions.best_match(candidates) or candidates[0]
    return error


def schema_findings(kind: Kind, data: Any, loaded: LoadedYaml) -> list[Finding]:
    out: list[Finding] = []
    for err in sorted(_validator(kind).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        out.extend(_convert(_leaf(err), loaded))
    return out


def _pattern_message(pattern: str, inst: Any, path: PathT, id_kind: str | None) -> tuple[str, str]:
    """(code, message) for a value that does not match its pattern: an ID, a version, a date or text."""
    if id_kind:
        label = models.KIND_LABELS.get(id_kind, id_kind)
        return (
            "bad-id-pattern",
            f"'{_show(inst)}' is not a valid {label} ID; use the form {models.ID_EXAMPLES.get(id_kind, pattern)}",
        )
    if pattern == models.SEMVER:
        return "bad-version", f"version '{_show(inst)}' at {_where(path)} is not MAJOR.MINOR.PATCH (e.g. 1.0.0)"
    if pattern == models.DATE:
        return "schema-value", f"'{_show(inst)}' at {_where(path)} is not a date in the form YYYY-MM-DD"
    return "schema-value", f"'{_show(inst)}' at {_where(path)} is not in the required form: {pattern_in_words(pattern)}"


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
                fix = (
                    " (say where in the paper it comes from: a section heading or figure)"
                    if code == "missing-source"
                    else ""
                )
                out.append(
                    f(code, f"{_where(path)} is missing the required field '{name}'; add it{fix}", path + (name,))
                )
        return out
    if v == "additionalProperties":
        known = sorted((sch.get("properties") or {}).keys())
        out = []
        for name in sorted(set(inst) - set(known)) if isinstance(inst, dict) else []:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; allowed fields: {', '.join(known)}"
            out.append(
                f("schema-unknown-field", f"unknown field '{name}' in {_where(path)}{hint}", path + (name,), key=True)
            )
        return out
    if v == "type":
        want = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        want_s = " or ".join(_JSON_TYPES.get(str(w), str(w)) for w in want)
        return [f("schema-type", f"{_where(path)} must be {want_s}, not {_type_of(inst)} ('{_show(inst)}')")]
    if v == "pattern":
        return [f(*_pattern_message(err.validator_value, inst, path, sch.get("x-id-kind")))]
    if v in ("const", "enum"):
        allowed = [err.validator_value] if v == "const" else err.validator_value
        if field == "kind":
            return [
                f(
                    "unknown-kind",
                    f"kind '{_show(inst)}' does not fit this file; expected {', '.join(map(str, allowed))}",
                )
            ]
        return [
            f(
                "schema-value",
                f"'{_show(inst)}' is not allowed at {_where(path)}; use one of: {', '.join(map(str, allowed))}",
            )
        ]
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
    #: The kind's family ("framework", "instrument", …); set with ``kind``.
    family: str | None = None

    @property
    def file(self) -> str:
        return self.loaded.file

    @property
    def findings(self) -> list[Finding]:
        return self.loaded.findings


def load_document(path: str | Path, kinds: Kind | Mapping[str, Kind], display: str | None = None) -> Document:
    """Load and schema-check one YAML file of one of ``kinds``; the model is set only when it
    has no findings."""
    loaded = load_yaml(path, display=display)
    return check_loaded(loaded, kinds)


def check_loaded(loaded: LoadedYaml, kinds: Kind | Mapping[str, Kind]) -> Document:
    """Schema-check a loaded file against the kind it names, which must be one of ``kinds``."""
    table = {kinds.name: kinds} if isinstance(kinds, Kind) else kinds
    doc = Document(loaded)
    if loaded.findings or loaded.data is None:
        return doc
    data = loaded.data
    if not isinstance(data, dict):
        loaded.findings.append(
            loaded.locate(
                Finding(
                    "yaml-not-mapping",
                    f"the top level is {_type_of(data)}; it must be a mapping that starts with `kind:`",
                )
            )
        )
        return doc
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in table:
        what = "has no `kind`" if kind is None else f"has kind '{_show(kind)}'"
        loaded.findings.append(
            loaded.locate(
                Finding("unknown-kind", f"the file {what}; use one of: {', '.join(sorted(table))}", path=("kind",))
            )
        )
        return doc
    doc.kind, doc.family = kind, table[kind].family
    found = schema_findings(table[kind], data, loaded)
    if found:
        loaded.findings.extend(found)
        return doc
    try:
        doc.model = table[kind].model.model_validate(data)
    except ValidationError as exc:
        loaded.findings.extend(pydantic_findings(exc, loaded))
    return doc

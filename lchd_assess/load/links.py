"""IDs and the links between them: the rules every element file obeys.

Models mark their ID fields with ``x-id-kind`` and their reference fields with ``x-refers-to``;
the functions here read those marks, so they apply to every kind of file without a check per
kind: duplicate IDs, dangling references, references to the wrong kind or to retired elements,
cycles in ``builds_on``/``replaced_by``, crosswalk sources and targets, elements without a
source, and a current version missing from its changelog.

They live in ``load/`` because :func:`~lchd_assess.load.framework.load_framework` must apply
them to hand out a valid framework; the validator (:mod:`lchd_assess.check.validate`) applies
the same functions to any files it is given.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Iterator

from pydantic import BaseModel

from ..core.findings import Finding, PathT
from . import models
from .documents import Document

#: Families of kinds whose IDs share one global namespace (IDs are permanent URLs).
GLOBAL_FAMILIES = {"framework", "instrument", "reporting-standard"}
ACYCLIC_FIELDS = ("builds_on", "replaced_by")


def walk(obj: Any, path: PathT = ()) -> Iterator[tuple[BaseModel, PathT]]:
    """Every pydantic model inside ``obj`` with its path (keys and list indexes)."""
    if isinstance(obj, BaseModel):
        yield obj, path
        for name in _marks(type(obj))[0]:
            yield from walk(getattr(obj, name), path + (name,))
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            yield from walk(item, path + (i,))


@functools.cache
def _marks(cls: type[BaseModel]) -> tuple[tuple[str, ...], str | None, tuple[tuple[str, list[str]], ...]]:
    """A model class's field names, the kind its ``id`` field marks and its reference fields
    with their allowed kinds: read from the fields' schema marks once per class, not once per
    object (the site asks for every element's incoming links; a framework has ~600 objects)."""
    fields = cls.model_fields

    def extra(name: str) -> dict[str, Any]:
        value = fields[name].json_schema_extra
        return value if isinstance(value, dict) else {}

    refs = tuple((name, kinds) for name in fields if (kinds := extra(name).get("x-refers-to")))
    return tuple(fields), (extra("id").get("x-id-kind") if "id" in fields else None), refs


def id_kind(obj: BaseModel) -> str | None:
    return _marks(type(obj))[1]


def references(obj: BaseModel) -> Iterator[tuple[str, int | None, str, list[str]]]:
    """(field, list index or None, target ID, allowed kinds) for each reference in ``obj``."""
    for name, kinds in _marks(type(obj))[2]:
        value = getattr(obj, name)
        if isinstance(value, str):
            yield name, None, value, kinds
        elif isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                if isinstance(v, str):
                    yield name, i, v, kinds


@dataclass
class Entry:
    id: str
    kind: str  # the element kind (principle, structure, …)
    doc: Document
    path: PathT
    obj: BaseModel

    @property
    def status(self) -> str:
        return getattr(self.obj, "status", "active")


@dataclass
class Index:
    entries: dict[str, Entry] = field(default_factory=dict)

    def get(self, id_: str) -> Entry | None:
        return self.entries.get(id_)


def _f(doc: Document, code: str, msg: str, path: PathT) -> Finding:
    return doc.loaded.locate(Finding(code, msg, path=path))


def build_index(docs: list[Document], findings: list[Finding]) -> Index:
    index = Index()
    for doc in docs:
        if doc.model is None or doc.family not in GLOBAL_FAMILIES:
            continue
        for obj, path in walk(doc.model):
            kind = id_kind(obj)
            if kind is None:
                continue
            prev = index.entries.get(obj.id)  # type: ignore[attr-defined]
            if prev is not None:
                line, _ = prev.doc.loaded.position(prev.path + ("id",))
                findings.append(
                    _f(
                        doc,
                        "duplicate-id",
                        f"ID '{obj.id}' is already used by a {models.KIND_LABELS.get(prev.kind, prev.kind)} in {prev.doc.file}:{line}; give this one a new ID (IDs are never reused)",  # type: ignore[attr-defined]
                        path + ("id",),
                    )
                )
                continue
            index.entries[obj.id] = Entry(obj.id, kind, doc, path, obj)  # type: ignore[attr-defined]
    return index


def _local_index(doc: Document) -> dict[str, str]:
    out = {}
    for obj, _path in walk(doc.model):
        kind = id_kind(obj)
        if kind:
            out[obj.id] = kind  # type: ignore[attr-defined]
    return out


def check_references(doc: Document, index: Index) -> Iterator[Finding]:
    local = _local_index(doc) if doc.family not in GLOBAL_FAMILIES else {}
    for obj, path in walk(doc.model):
        for name, i, target, kinds in references(obj):
            p = path + (name,) + (() if i is None else (i,))
            entry = index.get(target)
            kind = entry.kind if entry else local.get(target)
            label = " or ".join(models.KIND_LABELS.get(k, k) for k in kinds)
            if kind is None:
                code = "crosswalk-unknown-target" if isinstance(obj, models.Mapping) else "dangling-reference"
                yield _f(doc, code, f"'{target}' in {name} does not match any {label}; check the ID", p)
            elif kind not in kinds:
                yield _f(
                    doc,
                    "wrong-reference-kind",
                    f"'{target}' in {name} is a {models.KIND_LABELS.get(kind, kind)}, but a {label} is expected here",
                    p,
                )
            elif entry and entry.status == "retired" and name != "replaced_by":
                repl = getattr(entry.obj, "replaced_by", None)
                fix = f"; use '{repl}' instead" if repl else ""
                yield _f(doc, "retired-reference", f"'{target}' in {name} is retired{fix}", p)


def check_sources(doc: Document) -> Iterator[Finding]:
    for obj, path in walk(doc.model):
        if isinstance(obj, models.Source) and not (obj.section or obj.figure):
            yield _f(
                doc,
                "missing-source",
                "source names no section or figure; say where in the paper this comes from (e.g. section: 'Foundational Structure 3: …' or figure: 'Figure 2')",
                path,
            )


def check_changelog(doc: Document) -> Iterator[Finding]:
    m = doc.model
    version, log = getattr(m, "version", None), getattr(m, "changelog", None)
    if isinstance(version, str) and isinstance(log, list) and log:
        if version not in {e.version for e in log}:
            yield _f(
                doc,
                "changelog-missing-version",
                f"version {version} has no changelog entry; add one saying what changed",
                ("version",),
            )


def check_crosswalk(doc: Document) -> Iterator[Finding]:
    if not isinstance(doc.model, models.CrosswalkFile):
        return
    known = {s.id for s in doc.model.source_elements}
    for i, m in enumerate(doc.model.mappings):
        if m.source not in known:
            yield _f(
                doc,
                "crosswalk-unknown-source",
                f"mapping source '{m.source}' is not one of this crosswalk's source_elements ({', '.join(sorted(known))})",
                ("mappings", i, "source"),
            )


def check_cycles(index: Index) -> Iterator[Finding]:
    for fname in ACYCLIC_FIELDS:
        graph: dict[str, list[str]] = {}
        for e in index.entries.values():
            if fname in type(e.obj).model_fields:
                v = getattr(e.obj, fname)
                graph[e.id] = [v] if isinstance(v, str) else list(v or [])
        reported: set[frozenset[str]] = set()
        for start in sorted(graph):
            stack = [(start, [start])]
            while stack:
                node, trail = stack.pop()
                for nxt in graph.get(node, []):
                    if nxt == start:
                        cyc = frozenset(trail)
                        if cyc not in reported:
                            reported.add(cyc)
                            e = index.entries[start]
                            yield _f(
                                e.doc,
                                "reference-cycle",
                                f"{fname} loops back: {' → '.join(trail + [start])}; remove one link",
                                e.path + (fname,),
                            )
                    elif nxt not in trail and nxt in graph and len(trail) < 50:
                        stack.append((nxt, trail + [nxt]))


def check_links(docs: list[Document]) -> tuple[Index, list[Finding]]:
    """The index of IDs over ``docs`` and every finding of the rules above.

    ``docs`` come in the order the index is built: put context files first, so an ID clash is
    blamed on the file being checked, not on the framework.
    """
    found: list[Finding] = []
    index = build_index(docs, found)
    for doc in docs:
        if doc.model is None:
            continue
        found.extend(check_references(doc, index))
        found.extend(check_sources(doc))
        found.extend(check_changelog(doc))
        found.extend(check_crosswalk(doc))
    found.extend(check_cycles(index))
    return index, found

"""Validate framework and assessment files: schema findings plus semantic ones.

:func:`validate_paths` takes files and folders anywhere on disk and always returns a
:class:`~lchd_assess.core.findings.Report`.  Semantic checks work on the pydantic models through the
``x-id-kind`` and ``x-refers-to`` marks the models carry, so they apply to every kind of file:
duplicate IDs, dangling references, references to the wrong kind or to retired elements,
cycles in ``builds_on``/``replaced_by``, crosswalk sources and targets, elements without a
source, and a current version missing from its changelog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from pydantic import BaseModel

from ..load import models
from ..load.documents import FILE_CHECKERS, KINDS, SEMANTIC_CHECKS, Document, load_document  # noqa: F401  (registries re-exported)
from ..core.findings import Finding, PathT, Report
from ..core.paths import repo_root  # noqa: F401  (re-exported)

YAML_SUFFIXES = (".yaml", ".yml")
#: Families of kinds whose IDs share one global namespace (IDs are permanent URLs).
GLOBAL_FAMILIES = {"framework", "instrument", "reporting-standard"}
ACYCLIC_FIELDS = ("builds_on", "replaced_by")


def display_path(path: Path) -> str:
    """Paths in messages: relative to the current folder when below it."""
    try:
        from ..core.paths import real

        # real(), not resolve(): a symlink that points at itself must not raise here
        return str(real(path).relative_to(real(Path.cwd())))
    except ValueError:
        return str(path)


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


def walk(obj: Any, path: PathT = ()) -> Iterator[tuple[BaseModel, PathT]]:
    """Every pydantic model inside ``obj`` with its path (keys and list indexes)."""
    if isinstance(obj, BaseModel):
        yield obj, path
        for name in type(obj).model_fields:
            yield from walk(getattr(obj, name), path + (name,))
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            yield from walk(item, path + (i,))


def _extra(model: type[BaseModel], name: str) -> dict[str, Any]:
    extra = type(model).model_fields[name].json_schema_extra if isinstance(model, BaseModel) else None
    return extra if isinstance(extra, dict) else {}


def id_kind(obj: BaseModel) -> str | None:
    if "id" not in type(obj).model_fields:
        return None
    return _extra(obj, "id").get("x-id-kind")


def references(obj: BaseModel) -> Iterator[tuple[str, int | None, str, list[str]]]:
    """(field, list index or None, target ID, allowed kinds) for each reference in ``obj``."""
    for name in type(obj).model_fields:
        kinds = _extra(obj, name).get("x-refers-to")
        if not kinds:
            continue
        value = getattr(obj, name)
        if isinstance(value, str):
            yield name, None, value, kinds
        elif isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                if isinstance(v, str):
                    yield name, i, v, kinds


def _f(doc: Document, code: str, msg: str, path: PathT) -> Finding:
    return doc.loaded.locate(Finding(code, msg, path=path))


def build_index(docs: list[Document], findings: list[Finding]) -> Index:
    index = Index()
    for doc in docs:
        if doc.model is None or KINDS[doc.kind].family not in GLOBAL_FAMILIES:
            continue
        for obj, path in walk(doc.model):
            kind = id_kind(obj)
            if kind is None:
                continue
            prev = index.entries.get(obj.id)
            if prev is not None:
                line, _ = prev.doc.loaded.position(prev.path + ("id",))
                findings.append(_f(doc, "duplicate-id", f"ID '{obj.id}' is already used by a {models.KIND_LABELS.get(prev.kind, prev.kind)} in {prev.doc.file}:{line}; give this one a new ID (IDs are never reused)", path + ("id",)))
                continue
            index.entries[obj.id] = Entry(obj.id, kind, doc, path, obj)
    return index


def _local_index(doc: Document) -> dict[str, str]:
    out = {}
    for obj, _path in walk(doc.model):
        kind = id_kind(obj)
        if kind:
            out[obj.id] = kind
    return out


def check_references(doc: Document, index: Index) -> Iterator[Finding]:
    local = _local_index(doc) if KINDS[doc.kind].family not in GLOBAL_FAMILIES else {}
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
                yield _f(doc, "wrong-reference-kind", f"'{target}' in {name} is a {models.KIND_LABELS.get(kind, kind)}, but a {label} is expected here", p)
            elif entry and entry.status == "retired" and name != "replaced_by":
                repl = getattr(entry.obj, "replaced_by", None)
                fix = f"; use '{repl}' instead" if repl else ""
                yield _f(doc, "retired-reference", f"'{target}' in {name} is retired{fix}", p)


def check_sources(doc: Document) -> Iterator[Finding]:
    for obj, path in walk(doc.model):
        if isinstance(obj, models.Source) and not (obj.section or obj.figure):
            yield _f(doc, "missing-source", "source names no section or figure; say where in the paper this comes from (e.g. section: 'Foundational Structure 3: …' or figure: 'Figure 2')", path)


def check_changelog(doc: Document) -> Iterator[Finding]:
    m = doc.model
    version, log = getattr(m, "version", None), getattr(m, "changelog", None)
    if isinstance(version, str) and isinstance(log, list) and log:
        if version not in {e.version for e in log}:
            yield _f(doc, "changelog-missing-version", f"version {version} has no changelog entry; add one saying what changed", ("version",))


def check_crosswalk(doc: Document) -> Iterator[Finding]:
    if not isinstance(doc.model, models.CrosswalkFile):
        return
    known = {s.id for s in doc.model.source_elements}
    for i, m in enumerate(doc.model.mappings):
        if m.source not in known:
            yield _f(doc, "crosswalk-unknown-source", f"mapping source '{m.source}' is not one of this crosswalk's source_elements ({', '.join(sorted(known))})", ("mappings", i, "source"))


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
                            yield _f(e.doc, "reference-cycle", f"{fname} loops back: {' → '.join(trail + [start])}; remove one link", e.path + (fname,))
                    elif nxt not in trail and nxt in graph and len(trail) < 50:
                        stack.append((nxt, trail + [nxt]))


def discover(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, bool]], list[Finding]]:
    """Files to load: (path, reported). Files named directly bring their folder as context."""
    out: dict[Path, bool] = {}
    problems: list[Finding] = []
    suffixes = YAML_SUFFIXES + tuple(FILE_CHECKERS)
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in suffixes and not any(part.startswith(".") for part in q.relative_to(p).parts))
            if not found:
                problems.append(Finding("no-files", "the folder holds no .yaml, .yml or .csv files", file=display_path(p)))
            for q in found:
                out[q] = True
        elif p.is_symlink() and not p.exists():
            # a link to nowhere, or to itself: say so rather than fail on it later
            problems.append(Finding("file-unreadable", "a symbolic link that leads nowhere (or back to itself); point it at a file or remove it", file=display_path(p)))
        elif p.exists() and p.suffix.lower() not in suffixes:
            problems.append(Finding("file-unreadable", "not a file the toolkit checks: give .yaml or .yml files, .csv answer files, or a folder", file=display_path(p)))
        elif p.exists():
            out[p] = True
            for q in sorted(p.parent.glob("*")):
                if q.suffix.lower() in YAML_SUFFIXES and q not in out:
                    out[q] = False
        else:
            problems.append(Finding("file-not-found", "no such file or folder", file=display_path(p)))
    return sorted(out.items()), problems


def default_paths() -> list[Path]:
    from ..core import paths

    # An empty folder named on the command line is an error; the default folders are
    # simply skipped while they hold nothing yet.
    return [p for p in (paths.framework_dir(), paths.assessments_dir()) if p.is_dir() and any(p.iterdir())]


@dataclass
class Validation:
    report: Report
    documents: list[Document]
    index: Index


def validate_paths(paths: Iterable[str | Path] | None = None) -> Validation:
    """Check files and folders; the report lists findings for the files asked about only."""
    named = list(paths) if paths else []
    paths = named or default_paths()
    files, problems = discover(paths)
    if not named and not files:
        # a check that passes on nothing would read as "all is well"
        from ..core import paths as data

        looked = " and ".join(display_path(p) for p in (data.framework_dir(), data.assessments_dir()))
        problems.append(Finding("no-files", f"nothing to check: no file or folder was named, and {looked} hold no .yaml, .yml or .csv files; name what to check: lchd-assess validate PATH ...", file=display_path(data.framework_dir())))
    report = Report(findings=list(problems))
    docs: list[Document] = []
    reported: dict[str, bool] = {}
    others: list[tuple[Path, str]] = []
    for path, is_reported in files:
        disp = display_path(path)
        if path.suffix.lower() not in YAML_SUFFIXES:
            if is_reported:
                others.append((path, disp))
            continue
        doc = load_document(path, display=disp)
        docs.append(doc)
        reported[disp] = is_reported
        if is_reported:
            report.checked.append(disp)
    # The framework is always the context for references (instrument items point at P1…).
    if not any(d.kind == "framework" for d in docs):
        from ..core.paths import framework_dir

        fw_dir = framework_dir()
        for path in sorted(fw_dir.glob("**/*.y*ml")) if fw_dir.is_dir() else []:
            disp = display_path(path)
            if disp not in reported:
                docs.append(load_document(path, display=disp))
                reported[disp] = False
    semantic: list[Finding] = []
    # Context files first, so a clash is blamed on the file being checked, not on the framework.
    index = build_index(sorted(docs, key=lambda d: reported.get(d.file, False)), semantic)
    for doc in docs:
        if doc.model is None:
            continue
        semantic.extend(check_references(doc, index))
        semantic.extend(check_sources(doc))
        semantic.extend(check_changelog(doc))
        semantic.extend(check_crosswalk(doc))
    semantic.extend(check_cycles(index))
    for check in SEMANTIC_CHECKS:
        semantic.extend(check(docs, index))
    for doc in docs:
        if reported.get(doc.file):
            report.extend(doc.findings)
    report.extend(f for f in semantic if reported.get(f.file or "", False))
    for path, disp in others:
        report.checked.append(disp)
        report.extend(FILE_CHECKERS[path.suffix.lower()](path, disp, index))
    return Validation(report, docs, index)


# The answer-file checker (.csv) and the roster/instrument checks live with the CSV reader,
# which needs the instrument's names and so cannot load from documents' kind list; importing
# it here registers them wherever validation is used.
from ..formats import responses as _responses  # noqa: E402,F401
# Markup in plain-text fields (check/markup.py) registers its check the same way.
from . import markup as _markup  # noqa: E402,F401

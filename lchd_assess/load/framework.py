"""The whole framework as one validated object, assembled from the files in ``framework/``.

Every consumer (scorer, reports, site, reporting checklist, bundle) calls :func:`load_framework`;
nothing re-parses the YAML its own way.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel

from ..core.catalogue import CATALOGUE
from ..core.errors import InputError
from ..core.files import stamp
from ..core.findings import Finding, Report
from ..core import paths as data_paths
from ..core.paths import display_path, files_under, no_files_message, real
from . import models
from .datafolders import check_framework_folder
from .documents import YAML_SUFFIXES, Document, load_document
from .kinds import KINDS
from .links import check_links, id_kind, references, walk
from .standard import Standard, semantic_check as standard_checks, standard_from


class Framework:
    """Read-only view of the validated framework files."""

    def __init__(self, files: dict[str, list[BaseModel]], root: Path) -> None:
        self.root = root
        self._files = files
        self.meta: models.FrameworkFile = files["framework"][0]  # type: ignore[assignment]
        self.concepts: list[models.Concept] = self._all("concepts", "concepts")
        self.characteristics: list[models.Characteristic] = self._all("characteristics", "characteristics")
        self.principles: list[models.Principle] = self._all("principles", "principles")
        self.structures: list[models.Structure] = self._all("structures", "structures")
        self.limitations: list[models.Limitation] = self._all("limitations", "limitations")
        self.models: list[models.PartnershipModel] = self._all("partnership-models", "models")
        self.terms: list[models.Term] = self._all("glossary", "terms")
        self.references: list[models.Reference] = self._all("references", "references")
        agenda = files.get("research-agenda") or []
        self.research_agenda: models.ResearchAgendaFile | None = agenda[0] if agenda else None  # type: ignore[assignment]
        self.crosswalks: list[models.CrosswalkFile] = sorted(files.get("crosswalk", []), key=lambda c: c.id)  # type: ignore[arg-type]
        self._incoming: dict[str, list[tuple[str, str]]] | None = None
        self._by_id: dict[str, tuple[str, BaseModel]] = {}
        for kind_files in files.values():
            for f in kind_files:
                for obj, _ in walk(f):
                    k = id_kind(obj)
                    if k:
                        self._by_id[obj.id] = (k, obj)  # type: ignore[attr-defined]

    def _all(self, kind: str, key: str) -> list[Any]:
        out: list[Any] = []
        for f in self._files.get(kind, []):
            out.extend(getattr(f, key))
        return out

    def files(self, kind: str) -> list[BaseModel]:
        """The validated file models of one kind (e.g. 'reporting-standard')."""
        return list(self._files.get(kind, []))

    @property
    def version(self) -> str:
        return self.meta.version

    def get(self, id_: str) -> BaseModel:
        return self._by_id[id_][1]

    def kind_of(self, id_: str) -> str:
        return self._by_id[id_][0]

    def __contains__(self, id_: str) -> bool:
        return id_ in self._by_id

    def ids(self, kind: str) -> list[str]:
        return [i for i, (k, _) in self._by_id.items() if k == kind]

    @property
    def core_elements(self) -> list[models.Principle | models.Structure]:
        """P1–P4 then FS1–FS4: the elements a partnership is assessed on."""
        return [*self.principles, *self.structures]

    def iter_ids(self) -> Iterator[tuple[str, str, BaseModel]]:
        for i, (k, obj) in sorted(self._by_id.items()):
            yield i, k, obj

    def linked_from(self, id_: str) -> list[tuple[str, str]]:
        """(element ID, field) of every element whose references point at ``id_``.

        A reference belongs to the nearest enclosing element that has an ID (a crosswalk
        mapping, which has none, belongs to its crosswalk).  The index of all references is
        built on the first call and kept: the site asks this for every element.
        """
        if self._incoming is None:
            index: dict[str, set[tuple[str, str]]] = {}
            for kind_files in self._files.values():
                for f in kind_files:
                    owners: dict[tuple, str] = {}
                    for obj, path in walk(f):
                        if id_kind(obj):
                            owners[path] = obj.id  # type: ignore[attr-defined]
                        owner = next((owners[path[:n]] for n in range(len(path), -1, -1) if path[:n] in owners), None)
                        for name, _i, target, _kinds in references(obj):
                            if owner and owner != target:
                                index.setdefault(target, set()).add((owner, name))
            self._incoming = {k: sorted(v) for k, v in index.items()}
        return list(self._incoming.get(id_, []))


_ROOT_CAUSE_ORDER = ("input", "encoding", "yaml", "schema", "semantic")


class FrameworkError(InputError):
    """The framework has findings: the message names the most basic one (a YAML syntax error
    before the dangling references it causes elsewhere) and how to see the rest."""

    def __init__(self, report: Report) -> None:
        self.report = report
        if not report.findings:
            super().__init__("the framework is invalid")
            return
        rank = {g: i for i, g in enumerate(_ROOT_CAUSE_ORDER)}
        first = min(report.sorted(), key=lambda f: rank.get(CATALOGUE[f.code].group, len(rank)))
        more = len(report.findings) - 1
        tail = f" (and {more} more: run `lchd-assess validate` to list them)" if more else ""
        super().__init__(first.format_text() + tail)


def framework_dir(path: str | Path | None = None) -> Path:
    return Path(path) if path else data_paths.framework_dir()


def _framework_documents(d: Path, report: Report) -> list[Document]:
    """Every YAML file under ``d`` (hidden folders skipped), loaded and schema-checked."""
    if not d.is_dir():
        what = (
            ("file-not-found", "no such file or folder")
            if not d.exists()
            else ("no-files", "the framework must be a folder of YAML files")
        )
        report.extend([Finding(*what, file=display_path(d))])
        return []
    paths = files_under(d, YAML_SUFFIXES)
    if not paths:
        report.extend([Finding("no-files", no_files_message(YAML_SUFFIXES), file=display_path(d))])
    docs = []
    for p in paths:
        doc = load_document(p, KINDS, display=display_path(p))
        docs.append(doc)
        report.checked.append(doc.file)
        report.extend(doc.findings)
    return docs


def load_framework_report(path: str | Path | None = None) -> tuple[Framework | None, Report]:
    """The framework and the report of checking it; the framework is None when invalid.

    The framework's own rules only (schemas, links between IDs, the standard's rules), not the
    whole validator: the instrument and answer files are not part of the framework.
    """
    d = framework_dir(path)
    # a folder that is no framework, or one from a newer toolkit, gets one line, not many findings
    check_framework_folder(d, "--framework" if path else "the framework folder")
    report = Report()
    docs = _framework_documents(d, report)
    _index, link_findings = check_links(docs)
    report.extend(link_findings)
    report.extend(standard_checks(docs, _index))
    if not report.ok:
        return None, report
    files: dict[str, list[BaseModel]] = {}
    for doc in sorted(docs, key=lambda x: x.file):
        if doc.model is not None and doc.kind is not None:
            files.setdefault(doc.kind, []).append(doc.model)
    if "framework" not in files:
        report.extend([Finding("no-files", f"no file of kind 'framework' in {d}", file=str(d))])
        return None, report
    return Framework(files, d), report


@functools.lru_cache(maxsize=4)
def _cached(path: str, files: tuple) -> Framework:
    """``files`` (the folder's stamp) is part of the key only: an edited file misses the memo."""
    fw, report = load_framework_report(path)
    if fw is None:
        raise FrameworkError(report)
    return fw


def load_framework(path: str | Path | None = None) -> Framework:
    """The validated framework; raises :class:`FrameworkError` (one clear line) when invalid.

    Loaded once per process for each folder and content: a file edited since is read again."""
    folder = real(framework_dir(path))
    return _cached(str(folder), stamp(folder))


def load_standard(framework_path: str | None = None) -> Standard:
    """The validated standard from the framework folder; raises one clear line when absent."""
    fw = load_framework(framework_path)
    std = standard_from(fw)
    if std is None:
        raise InputError(
            f"{fw.root}: no file of kind 'reporting-standard' in the framework folder; the checklist tools need framework/reporting-standard.yaml"
        )
    return std

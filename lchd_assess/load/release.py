"""Releases: a frozen snapshot of each release's data, and what changed element by element.

A release is published frozen under its version (``/1.0/…``), so what an author cited never
changes.  To say what the next release changes, the data of the previous one is kept as a
snapshot: ``framework/releases/<version>.json`` holds every YAML file of framework/ and of the
instrument, scoring rules and recommended actions (assessments/*.yaml), as data, plus the
toolkit's version from CITATION.cff.  JSON, so no snapshot is ever mistaken for live data by
the loader (which reads *.yaml only).

:func:`element_diff` compares two snapshots: every mapping with an ``id`` is an element (a
principle, a component, an instrument item, a reporting item …); it is *added*, *retired*
(status set to retired, or gone, which IDs must never be) or *reworded* (any of its own
fields changed; nested elements are compared on their own).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ..core.errors import InputError
from .yamlload import load_yaml

#: Where snapshots live, relative to the data root.
RELEASES_DIR = "framework/releases"
SNAPSHOT_FORMAT = "lchd-release-snapshot/1"
#: Fields that say which version a file is, not what it says: a change there is no content change.
VERSION_FIELDS = frozenset({"version", "release_date", "changelog"})


@dataclass(frozen=True)
class Unit:
    """A versioned part of the release: its files, and the file that carries its version."""

    name: str
    label: str
    version_file: str
    #: file paths (relative to the data root) that belong to the unit, by prefix
    prefixes: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    #: published on the site: element changes need a new MAJOR.MINOR (a new /1.1/ folder)
    published: bool = True


#: The release's versioned parts. Every data file belongs to exactly one.
UNITS: tuple[Unit, ...] = (
    Unit(
        "framework",
        "framework",
        "framework/framework.yaml",
        ("framework/",),
        exclude=(
            "framework/reporting-standard.yaml",
            "framework/crosswalks/squire-2.yaml",
            "framework/crosswalks/stari.yaml",
        ),
    ),
    Unit(
        "standard",
        "reporting standard",
        "framework/reporting-standard.yaml",
        ("framework/reporting-standard.yaml", "framework/crosswalks/squire-2.yaml", "framework/crosswalks/stari.yaml"),
    ),
    Unit(
        "instrument",
        "self-assessment instrument",
        "assessments/instrument.yaml",
        ("assessments/instrument.yaml", "assessments/translations/"),
    ),
    Unit(
        "scoring-rules",
        "scoring rules",
        "assessments/scoring-rules.yaml",
        ("assessments/scoring-rules.yaml",),
        published=False,
    ),
    Unit(
        "recommended-actions",
        "recommended actions",
        "assessments/recommended-actions.yaml",
        ("assessments/recommended-actions.yaml",),
        published=False,
    ),
)


def unit_of(path: str) -> Unit | None:
    for unit in UNITS:
        if path in unit.exclude:
            continue
        if any(path == p or (p.endswith("/") and path.startswith(p)) for p in unit.prefixes):
            return unit
    return None


# -- snapshots -------------------------------------------------------------------------------


def _data_files(root: Path) -> list[Path]:
    files = [p for p in (root / "framework").rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()]
    assessments = root / "assessments"
    if assessments.is_dir():
        files += [p for p in assessments.glob("*.yaml") if p.is_file()]
        files += (
            [p for p in (assessments / "translations").rglob("*.yaml") if p.is_file()]
            if (assessments / "translations").is_dir()
            else []
        )
    return sorted(files)


def snapshot_of(root: Path) -> dict[str, Any]:
    """The release data under ``root`` (a repository or data tree) as one JSON-ready value."""
    files: dict[str, Any] = {}
    for p in _data_files(root):
        rel = p.relative_to(root).as_posix()
        loaded = load_yaml(p, display=rel)
        if loaded.findings:
            raise InputError(loaded.findings[0].format_text())
        files[rel] = loaded.data
    meta = files.get("framework/framework.yaml") or {}
    cff_version = ""
    if (root / "CITATION.cff").is_file():
        cff = load_yaml(root / "CITATION.cff").data
        cff_version = str(cff.get("version", "")) if isinstance(cff, dict) else ""
    return {
        "format": SNAPSHOT_FORMAT,
        "version": str(meta.get("version", "")),
        "toolkit_version": cff_version,
        "files": files,
    }


def snapshot_json(snapshot: dict[str, Any]) -> str:
    return json.dumps(snapshot, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def read_snapshot(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(
            f"{path}: not a release snapshot that can be read ({exc}); write one with `lchd-assess release snapshot`"
        ) from None
    if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
        raise InputError(
            f"{path}: not a release snapshot (no format {SNAPSHOT_FORMAT}); write one with `lchd-assess release snapshot`"
        )
    return data


def version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in version.split("-")[0].split("."))
    except ValueError:
        return (0,)


def previous_snapshot(root: Path, current_version: str) -> Path | None:
    """The newest snapshot in framework/releases/ not newer than ``current_version``, or None.

    The same version's own snapshot counts: once a release is frozen, any change to its data
    without a new version is exactly what the check must catch.
    """
    folder = root / RELEASES_DIR
    if not folder.is_dir():
        return None
    older = [p for p in folder.glob("*.json") if version_key(p.stem) <= version_key(current_version)]
    return max(older, key=lambda p: version_key(p.stem)) if older else None


# -- element diff ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ElementChange:
    id: str
    change: str  # "added", "retired", "reworded", "removed"
    file: str
    unit: str
    #: what it is called (name, title, term or text), for people
    name: str
    #: reworded: the fields whose text changed
    fields: tuple[str, ...] = ()


def _own(element: dict[str, Any]) -> dict[str, Any]:
    """The element without nested elements (compared on their own) and without its status."""
    out = {}
    for k, v in element.items():
        if k == "status":
            continue
        if isinstance(v, list) and v and all(isinstance(x, dict) and "id" in x for x in v):
            continue
        out[k] = v
    return out


def _elements(data: Any, file: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every mapping with an ``id`` (a whole file's own id, beside ``kind``, is not an element)."""
    if isinstance(data, dict):
        if isinstance(data.get("id"), str) and "kind" not in data:
            yield data["id"], data
        for v in data.values():
            yield from _elements(v, file)
    elif isinstance(data, list):
        for v in data:
            yield from _elements(v, file)


def _name(e: dict[str, Any]) -> str:
    for k in ("name", "title", "term", "text", "stem"):
        if isinstance(e.get(k), str):
            return e[k]
    return ""


def elements_of(snapshot: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """ID → (file, element) over every data file of the snapshot."""
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for file, data in sorted(snapshot.get("files", {}).items()):
        if "/translations/" in file:
            continue  # a translation repeats IDs; it is checked with its instrument, not as elements
        for id_, e in _elements(data, file):
            out.setdefault(id_, (file, e))
    return out


def element_diff(old: dict[str, Any], new: dict[str, Any]) -> list[ElementChange]:
    """Every element added, retired, reworded or removed between two snapshots, by ID."""
    before, after = elements_of(old), elements_of(new)
    changes: list[ElementChange] = []
    for id_, (file, e) in after.items():
        unit = unit_of(file)
        uname = unit.name if unit else ""
        if id_ not in before:
            changes.append(ElementChange(id_, "added", file, uname, _name(e)))
            continue
        _ofile, o = before[id_]
        if e.get("status") == "retired" and o.get("status") != "retired":
            changes.append(ElementChange(id_, "retired", file, uname, _name(e)))
            continue
        a, b = _own(o), _own(e)
        if a != b:
            fields = tuple(sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k)))
            changes.append(ElementChange(id_, "reworded", file, uname, _name(e), fields))
    for id_, (file, o) in before.items():
        if id_ not in after:
            unit = unit_of(file)
            changes.append(ElementChange(id_, "removed", file, unit.name if unit else "", _name(o)))
    order = {"added": 0, "reworded": 1, "retired": 2, "removed": 3}
    return sorted(changes, key=lambda c: (c.unit, order[c.change], c.file, c.id))


def unit_content(snapshot: dict[str, Any], unit: Unit) -> dict[str, Any]:
    """The unit's files without the fields that only say which version they are."""
    out = {}
    for file, data in sorted(snapshot.get("files", {}).items()):
        if unit_of(file) is unit:
            out[file] = (
                {k: v for k, v in data.items() if k not in VERSION_FIELDS}
                if file == unit.version_file and isinstance(data, dict)
                else data
            )
    return out


def unit_version(snapshot: dict[str, Any], unit: Unit) -> str:
    data = snapshot.get("files", {}).get(unit.version_file)
    return str(data.get("version", "")) if isinstance(data, dict) else ""


def unit_changelog_versions(snapshot: dict[str, Any], unit: Unit) -> set[str]:
    data = snapshot.get("files", {}).get(unit.version_file)
    entries = data.get("changelog", []) if isinstance(data, dict) else []
    return {str(e.get("version")) for e in entries if isinstance(e, dict)}

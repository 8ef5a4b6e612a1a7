"""Use cases for releases: check the release under way, and freeze a release's snapshot."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..check.release import release_findings
from ..core.errors import InputError, UsageError
from ..core.findings import Finding, Report
from ..core.outputs import write_atomic
from ..load.release import (
    RELEASES_DIR,
    ElementChange,
    element_diff,
    previous_snapshot,
    read_snapshot,
    snapshot_json,
    snapshot_of,
)
from ..load.yamlload import load_yaml
from .. import __version__


@dataclass
class ReleaseCheck:
    report: Report
    previous_version: str
    version: str
    changes: list[ElementChange] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.report.to_dict(),
            "previous_version": self.previous_version,
            "version": self.version,
            "changes": [
                {
                    "id": c.id,
                    "change": c.change,
                    "unit": c.unit,
                    "file": c.file,
                    "name": c.name,
                    "fields": list(c.fields),
                }
                for c in self.changes
            ],
        }


def _zenodo(root: Path) -> dict[str, Any] | None:
    p = root / ".zenodo.json"
    if not p.is_file():
        return None
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{p}: not valid JSON ({exc})") from None
    return data if isinstance(data, dict) else None


def check_release(root: Path, previous: Path | None = None) -> ReleaseCheck:
    """The release under ``root`` against the previous release's snapshot (default: the newest
    older one in framework/releases/)."""
    new = snapshot_of(root)
    prev_path = previous or previous_snapshot(root, new["version"])
    if prev_path is None:
        raise UsageError(
            f"no snapshot of an earlier release in {root / RELEASES_DIR}; give the previous release's snapshot with --previous FILE"
        )
    old = read_snapshot(prev_path)
    cff_loaded = load_yaml(root / "CITATION.cff") if (root / "CITATION.cff").is_file() else None
    cff = cff_loaded.data if cff_loaded is not None and isinstance(cff_loaded.data, dict) else None
    report = Report(checked=sorted(new["files"]))
    report.extend(release_findings(old, new, package_version=__version__, cff=cff, zenodo=_zenodo(root)))
    return ReleaseCheck(report, str(old.get("version", "")), new["version"], element_diff(old, new))


def write_snapshot(root: Path, force: bool = False) -> Path:
    """Freeze the current release's data as framework/releases/<version>.json."""
    snap = snapshot_of(root)
    out = root / RELEASES_DIR / f"{snap['version']}.json"
    if out.exists() and not force:
        raise UsageError(
            f"{out}: a snapshot of release {snap['version']} exists; a released version is frozen (add --force only to redo a snapshot that was never published)"
        )
    write_atomic(out, snapshot_json(snap))
    return out


def format_changes(changes: list[ElementChange]) -> list[str]:
    """One line per element change, for people."""
    return [
        f"  {c.change:9} {c.id:28} {c.name[:60]}" + (f"  [{', '.join(c.fields)}]" if c.fields else "") for c in changes
    ]


def finding_count(findings: list[Finding]) -> str:
    return f"{len(findings)} finding{'s' if len(findings) != 1 else ''}"

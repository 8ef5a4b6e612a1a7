"""The "What changed" page: this release compared with the previous one, element by element.

The same comparison as ``lchd-assess release check`` (load/release.py), against the newest
snapshot in framework/releases/ of an *earlier* version: every element added, reworded (with
the fields that changed), retired or removed, grouped by part, each linked to its page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..load.release import UNITS, element_diff, read_snapshot, snapshot_of, unit_version, version_key
from .pages import Page, SiteContext

PATH = "changes.md"


def _previous(framework_root: Path, version: str) -> Any:
    folder = framework_root / "releases"
    older = sorted((p for p in folder.glob("*.json") if version_key(p.stem) < version_key(version)), key=lambda p: version_key(p.stem)) if folder.is_dir() else []
    return read_snapshot(older[-1]) if older else None


def release_changes(framework_root: Path, version: str) -> dict[str, Any]:
    """The comparison the page shows, as plain data (the use case may keep it with the other
    inputs): ``previous`` (the earlier release's version, "" when there is none) and, per part,
    its versions before and after and every element change."""
    old = _previous(framework_root, version)
    if old is None:
        return {"previous": "", "units": []}
    new = snapshot_of(framework_root.parent)
    diff = element_diff(old, new)
    units = [
        {
            "name": unit.name,
            "label": unit.label,
            "before": unit_version(old, unit),
            "after": unit_version(new, unit),
            "changes": [{"id": c.id, "name": c.name, "change": c.change, "fields": list(c.fields)} for c in diff if c.unit == unit.name],
        }
        for unit in UNITS
    ]
    return {"previous": str(old.get("version", "")), "units": units}


def changes_pages(ctx: "SiteContext") -> list["Page"]:
    version = ctx.fw.meta.version
    # handed in by the use case (kept with the other inputs), else compared here
    compared = ctx.prepared.release_changes
    if compared is None:
        compared = release_changes(ctx.fw.root, version)
    units: list[dict[str, Any]] = []
    for unit in compared["units"]:
        rows = []
        for c in unit["changes"]:
            link = ctx.link(c["id"], PATH) if c["id"] in ctx.fw else {"id": c["id"], "name": c["name"], "display": f"{c['id']} {c['name']}".strip(), "href": None, "kind": ""}
            rows.append({"change": c["change"], "link": link, "fields": ", ".join(c["fields"])})
        units.append({"label": unit["label"], "before": unit["before"], "after": unit["after"], "rows": rows})
    context = {"version": version, "previous": compared["previous"], "units": units, "release": ctx.fw.meta.version.rsplit(".", 1)[0]}
    return [Page(PATH, "changes.md", "What changed", context, description=f"Every element added, reworded, retired or removed in release {version}, compared with the release before.")]

"""The "What changed" page: this release compared with the previous one, element by element.

The same comparison as ``lchd-assess release check`` (load/release.py), against the newest
snapshot in framework/releases/ of an *earlier* version: every element added, reworded (with
the fields that changed), retired or removed, grouped by part, each linked to its page.
"""

from __future__ import annotations

from typing import Any

from ..load.release import UNITS, element_diff, read_snapshot, snapshot_of, unit_version, version_key
from .pages import Page, SiteContext

PATH = "changes.md"


def _previous(ctx: "SiteContext", version: str) -> Any:
    folder = ctx.fw.root / "releases"
    older = sorted((p for p in folder.glob("*.json") if version_key(p.stem) < version_key(version)), key=lambda p: version_key(p.stem)) if folder.is_dir() else []
    return read_snapshot(older[-1]) if older else None


def changes_pages(ctx: "SiteContext") -> list["Page"]:
    root = ctx.fw.root.parent
    version = ctx.fw.meta.version
    old = _previous(ctx, version)
    units: list[dict[str, Any]] = []
    previous = ""
    if old is not None:
        # handed in by the use case (kept with the validated framework); read here otherwise
        new = ctx.snapshot if ctx.snapshot is not None else snapshot_of(root)
        previous = str(old.get("version", ""))
        diff = element_diff(old, new)
        for unit in UNITS:
            rows = []
            for c in (c for c in diff if c.unit == unit.name):
                link = ctx.link(c.id, PATH) if c.id in ctx.fw else {"id": c.id, "name": c.name, "display": f"{c.id} {c.name}".strip(), "href": None, "kind": ""}
                rows.append({"change": c.change, "link": link, "fields": ", ".join(c.fields)})
            units.append({"label": unit.label, "before": unit_version(old, unit), "after": unit_version(new, unit), "rows": rows})
    context = {"version": version, "previous": previous, "units": units, "release": ctx.fw.meta.version.rsplit(".", 1)[0]}
    return [Page(PATH, "changes.md", "What changed", context, description=f"Every element added, reworded, retired or removed in release {version}, compared with the release before.")]

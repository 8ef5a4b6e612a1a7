"""The "What changed" page: this release compared with the previous one, element by element.

The comparison is context/release_changes.py's (typed, the same as ``lchd-assess release
check``); this page lists every element added, reworded (with the fields that changed),
retired or removed, grouped by part, each linked to its page.
"""

from __future__ import annotations

from typing import Any

from ..context.release_changes import release_changes
from ..context.site_pages import ChangesPage
from .pages import Page, SiteContext

PATH = "changes.md"


def changes_pages(ctx: SiteContext) -> list[Page]:
    version = ctx.fw.meta.version
    # handed in by the use case (kept with the other inputs), else compared here
    compared = ctx.prepared.release_changes
    if compared is None:
        compared = release_changes(ctx.fw.root, version)
    units: list[dict[str, Any]] = []
    for unit in compared.units:
        rows = []
        for c in unit.changes:
            link = (
                ctx.link(c.id, PATH)
                if c.id in ctx.fw
                else {"id": c.id, "name": c.name, "display": f"{c.id} {c.name}".strip(), "href": None, "kind": ""}
            )
            rows.append({"change": c.change, "link": link, "fields": ", ".join(c.fields)})
        units.append({"label": unit.label, "before": unit.before, "after": unit.after, "rows": rows})
    context = ChangesPage.trusted(version=version, previous=compared.previous, units=units)
    return [
        Page(
            PATH,
            "changes.md",
            "What changed",
            context,
            description=f"Every element added, reworded, retired or removed in release {version}, compared with the release before.",
        )
    ]

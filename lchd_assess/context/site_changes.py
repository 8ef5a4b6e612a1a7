"""The "What changed" page's model: this release compared with the previous one, element by
element (every element added, reworded with the fields that changed, retired or removed,
grouped by part, each linked to its page).

The comparison is context/release_changes.py's (typed, the same as ``lchd-assess release
check``); site/changes.py renders the page from this model.
"""

from .release_changes import release_changes
from .site_links import SiteContext
from .site_pages import ChangesPage, ChangeRow, ChangedUnit, Link

PATH = "changes.md"


def changes_context(ctx: SiteContext) -> ChangesPage:
    version = ctx.fw.meta.version
    # handed in by the use case (kept with the other inputs), else compared here
    compared = ctx.prepared.release_changes
    if compared is None:
        compared = release_changes(ctx.fw.root, version)
    units: list[ChangedUnit] = []
    for unit in compared.units:
        rows: list[ChangeRow] = []
        for c in unit.changes:
            link: Link = (
                ctx.link(c.id, PATH)
                if c.id in ctx.fw
                else {"id": c.id, "name": c.name, "display": f"{c.id} {c.name}".strip(), "href": None, "kind": ""}
            )
            rows.append({"change": c.change, "link": link, "fields": ", ".join(c.fields)})
        units.append({"label": unit.label, "before": unit.before, "after": unit.after, "rows": rows})
    return ChangesPage.trusted(version=version, previous=compared.previous, units=units)

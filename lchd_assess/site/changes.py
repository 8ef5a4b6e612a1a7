"""The "What changed" page: its model is context/site_changes.py's; here it becomes a page."""

from __future__ import annotations

from ..context.site_changes import PATH, changes_context
from .pages import Page, SiteContext


def changes_pages(ctx: SiteContext) -> list[Page]:
    version = ctx.fw.meta.version
    return [
        Page(
            PATH,
            "changes.md",
            "What changed",
            changes_context(ctx),
            description=f"Every element added, reworded, retired or removed in release {version}, compared with the release before.",
        )
    ]

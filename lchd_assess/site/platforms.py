"""The survey platforms' pages: their models (the guides' data, answer codes) are
context/site_platforms.py's; here they become pages."""

from __future__ import annotations

from ..context.site_platforms import FOLDER, GUIDES, platform_context, platforms_context
from .pages import Page, SiteContext


def platform_pages(ctx: SiteContext) -> list[Page]:
    pages = [
        Page(
            f"{FOLDER}/index.md",
            "platforms.md",
            "Survey platforms",
            platforms_context(ctx),
            description="Run the self-assessment in REDCap, KoboToolbox, ODK, a FHIR form filler, Google Forms, Microsoft Forms or Qualtrics, and import the answers.",
        )
    ]
    for g in GUIDES:
        pages.append(
            Page(
                f"{FOLDER}/{g.slug}.md",
                "platform.md",
                g.name,
                platform_context(ctx, g),
                description=f"Running the LCHD readiness self-assessment in {g.name} and importing its answers.",
            )
        )
    return pages

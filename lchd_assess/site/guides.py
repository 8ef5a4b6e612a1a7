""" "Start here": one step-by-step page for each of the site's three readers.

A coordinator, a funder's program officer and an author each get a page that walks through
their year with the real commands and files, links the pages they need, and shows a sample of
what they will get (a partnership report and a funder's portfolio, rendered from the bundled
fictional examples as HTML).  The pages' models are context/site_guides.py's; here they become
pages.
"""

from __future__ import annotations

from ..context.site_guides import GUIDES, SAMPLE_PORTFOLIO, SAMPLE_REPORT, guide_context, routes  # noqa: F401  (re-exported: app/site_prepare and the home page use them from here)
from .pages import Page, SiteContext


def guide_pages(ctx: SiteContext) -> list[Page]:
    return [
        Page(path, template, title, guide_context(ctx, path, who), description=who, nav_title=nav)
        for path, title, nav, template, who in GUIDES
    ]

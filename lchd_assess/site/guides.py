""""Start here": one step-by-step page for each of the site's three readers.

A coordinator, a funder's program officer and an author each get a page that walks through
their year with the real commands and files, links the pages they need, and shows a sample of
what they will get (a partnership report and a funder's portfolio, rendered from the bundled
fictional examples as HTML).  The home page opens with the three routes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .generate import Page, SiteContext

#: (path, title, navigation title, template, who it is for)
GUIDES: tuple[tuple[str, str, str, str, str], ...] = (
    ("start/coordinate.md", "Coordinate a partnership: the self-assessment year", "Coordinate a partnership", "guide-coordinate.md", "You run or support a partnership: set it up, collect members' answers (questionnaire, paper, workbook or survey platform), and take the report to the meeting."),
    ("start/fund.md", "Fund partnerships: reports and the portfolio", "Fund partnerships", "guide-fund.md", "You review several partnerships: read their reports, compare them in a portfolio, export to a spreadsheet, with small groups never exposed."),
    ("start/write.md", "Write a paper: the reporting checklist and citations", "Write a paper", "guide-write.md", "You write a partnership up or cite the framework: fill the reporting checklist, attach it as Word or PDF, cite elements at their versioned addresses."),
)
SAMPLE_REPORT = "downloads/samples/report.html"
SAMPLE_PORTFOLIO = "downloads/samples/portfolio.html"


def routes(ctx: "SiteContext", from_path: str) -> list[dict[str, str]]:
    """The three routes as links from ``from_path`` (the home page's "Start here" block)."""
    return [{"title": nav, "href": ctx.path_href(path, None, from_path), "who": who} for path, _t, nav, _tpl, who in GUIDES]


def guide_pages(ctx: "SiteContext") -> list["Page"]:
    from .generate import Page

    pages = []
    for path, title, nav, template, who in GUIDES:
        def href(target: str, anchor: str | None = None, _p: str = path) -> str:
            return ctx.path_href(target, anchor, _p)

        context: dict[str, Any] = {
            "who": who,
            "href": href,
            "sample_report": href(SAMPLE_REPORT),
            "sample_portfolio": href(SAMPLE_PORTFOLIO),
            "release": ctx.fw.meta.version,
            "example": "assessments/examples/harbour-city-family-network",
        }
        pages.append(Page(path, template, title, context, description=who, nav_title=nav))
    return pages


def sample_downloads(ctx: "SiteContext") -> dict[str, str | bytes]:
    """The sample report and portfolio (HTML only: the PDFs are the same pages, printed)."""
    from ..app.report import default_guidance, load_partnership_scores, render_template, report_context, report_framework_info, PORTFOLIO_TEMPLATE, REPORT_TEMPLATE, _css, _generator
    from ..context.portfolio import build_portfolio_context
    from ..score.scoring import example_folders

    folders = example_folders()
    if not folders:
        return {}
    fw = report_framework_info(ctx.fw)
    scored = [load_partnership_scores(f) for f in folders]
    first = next((s for s in scored if s[0].partnership.id == "harbour-city-family-network"), scored[0])
    report = render_template(REPORT_TEMPLATE, report_context(first[0], fw, default_guidance(), first[1]))
    portfolio = render_template(PORTFOLIO_TEMPLATE, build_portfolio_context([s for s, _r in scored], fw, css=_css(), generator=_generator()))
    return {SAMPLE_REPORT: report, SAMPLE_PORTFOLIO: portfolio}

""" "Start here" pages' models: one step-by-step guide for each of the site's three readers
(a coordinator, a funder's program officer, an author), and the three routes the home page
opens with.  site/guides.py renders the guides from :func:`guide_context`.
"""

from .site_links import SiteContext
from .site_pages import Route
from .site_pages_use import GuidePage

#: (path, title, navigation title, template, who it is for)
GUIDES: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "start/coordinate.md",
        "Coordinate a partnership: the self-assessment year",
        "Coordinate a partnership",
        "guide-coordinate.md",
        "You run or support a partnership: set it up, collect members' answers (questionnaire, paper, workbook or survey platform), and take the report to the meeting.",
    ),
    (
        "start/fund.md",
        "Fund partnerships: reports and the portfolio",
        "Fund partnerships",
        "guide-fund.md",
        "You review several partnerships: read their reports, compare them in a portfolio, export to a spreadsheet, with small groups never exposed.",
    ),
    (
        "start/write.md",
        "Write a paper: the reporting checklist and citations",
        "Write a paper",
        "guide-write.md",
        "You write a partnership up or cite the framework: fill the reporting checklist, attach it as Word or PDF, cite elements at their versioned addresses.",
    ),
)
#: The pages the guides link (a guide template writes ``href["cite.md"]``; one missing here
#: stops the build, StrictUndefined).
LINKED = (
    "cite.md",
    "reporting-standard/checklist-form.html",
    "reporting-standard/index.md",
    "self-assessment/index.md",
    "start/coordinate.md",
    "survey-platforms/index.md",
)
SAMPLE_REPORT = "downloads/samples/report.html"
SAMPLE_PORTFOLIO = "downloads/samples/portfolio.html"


def routes(ctx: SiteContext, from_path: str) -> list[Route]:
    """The three routes as links from ``from_path`` (the home page's "Start here" block)."""
    return [
        {"title": nav, "href": ctx.path_href(path, None, from_path), "who": who} for path, _t, nav, _tpl, who in GUIDES
    ]


def guide_context(ctx: SiteContext, path: str, who: str) -> GuidePage:
    """The guide at ``path`` (one of :data:`GUIDES`) for the reader ``who`` describes."""

    def href(target: str) -> str:
        return ctx.path_href(target, None, path)

    return GuidePage.trusted(
        who=who,
        href={target: href(target) for target in LINKED},
        # linked only when the use case handed the samples in (app/site.py)
        sample_report=href(SAMPLE_REPORT) if SAMPLE_REPORT in ctx.extra_files else None,
        sample_portfolio=href(SAMPLE_PORTFOLIO) if SAMPLE_PORTFOLIO in ctx.extra_files else None,
        release=ctx.fw.meta.version,
        # portfolio.csv's columns, from the one list the CSV is tested against
        portfolio_columns=ctx.need("portfolio_columns"),
    )

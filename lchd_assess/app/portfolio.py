"""The funder's portfolio use case: partnerships in, portfolio.html, portfolio.pdf,
portfolio.csv and portfolio.xlsx out, and with ``with_reports`` each partnership's own report beside them.

Everything is rendered in memory first; only when every output rendered are the files written,
through :mod:`core.safe_output` (atomic, never over a file the toolkit did not write).

Two documents from one context: portfolio.html keeps the full, sortable table (score, interval
and percentile per element, sector names, links to the reports); portfolio.pdf is the brief plus
a compact table of one short line per partnership, which WeasyPrint lays out for a thousand
partnerships in seconds where the full table took most of a minute (benchmarks/portfolio.py).

Reports alongside (``--with-reports``) are HTML by default: a partnership's HTML report renders
in milliseconds, its PDF in about a second, so PDFs for a thousand partnerships would turn a
half-minute run into a quarter of an hour; ``report_pdfs`` adds them for funders who want them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol, Sequence

from ..context.portfolio import PortfolioContext, build_portfolio_context
from ..context.report_context import FrameworkInfo, Guidance, RosterOrganisation
from ..core.errors import InputError, UsageError
from ..core.safe_output import OutputFolder, OutputGuard
from ..formats.portfolio_csv import portfolio_table, table_csv
from ..formats.portfolio_xlsx import portfolio_xlsx
from ..render.pdf import read_asset, render_pdf
from ..score.models import PartnershipInfo, ScoreResult
from ..score.portfolio import DERIVED_FIELDS, PORTFOLIO_FIELDS, anonymous_codes
from .portfolio_inputs import expand, gather
from .portfolio_key import load_or_create_key
from .report import REPORT_TEMPLATE, _css, _generator, load_partnership_scores, partnership_inputs, render_template
from .report import report_context as _report_context
from .report_inputs import report_inputs

PORTFOLIO_TEMPLATE = "report/portfolio.html.j2"
PORTFOLIO_PRINT_TEMPLATE = "report/portfolio_print.html.j2"
PORTFOLIO_FILES = ("portfolio.html", "portfolio.pdf", "portfolio.csv", "portfolio.xlsx")
#: Where --with-reports puts the partnerships' reports, relative to --out (links are relative too,
#: so the folder can be moved, zipped or opened from file://).
REPORTS_FOLDER = "reports"


class Progress(Protocol):
    """What the use case tells whoever shows progress (cli/progress.py draws it)."""

    def stage(self, label: str, total: int, says: str = "") -> None: ...

    def step(self, what: str = "") -> None: ...


class NoProgress:
    def stage(self, label: str, total: int, says: str = "") -> None:
        pass

    def step(self, what: str = "") -> None:
        pass


@dataclass(frozen=True)
class RenderedPortfolio:
    html: str
    pdf: bytes
    csv: str
    xlsx: bytes
    #: relative path under --out → content, for the reports rendered alongside
    reports: dict[str, str | bytes] = field(default_factory=dict)

    def files(self) -> dict[str, str | bytes]:
        return {
            "portfolio.html": self.html,
            "portfolio.pdf": self.pdf,
            "portfolio.csv": self.csv,
            "portfolio.xlsx": self.xlsx,
            **self.reports,
        }


# Rows of the compact table per PDF page and pages before it (brief, spread), measured on the
# synthetic portfolio; only for the progress bar's total, which is corrected as pages come.
_ROWS_PER_PAGE = 40
_PAGES_BEFORE_TABLE = 3


def portfolio_pdf(ctx: PortfolioContext, progress: Progress | None = None) -> bytes:
    """The brief plus the compact table (portfolio_print.html.j2)."""
    bar = progress or NoProgress()
    html = render_template(PORTFOLIO_PRINT_TEMPLATE, ctx)
    expected = _PAGES_BEFORE_TABLE + -(-len(ctx.rows) // _ROWS_PER_PAGE)
    bar.stage("portfolio.pdf", expected, f"laying out portfolio.pdf (about {expected} pages) …")
    seen = [0]

    def on_page(n: int) -> None:
        while seen[0] < min(n, expected - 1) or (n == 0 and seen[0] < expected):
            seen[0] += 1
            bar.step(f"page {n}" if n else "writing")

    return render_pdf(html, on_page=on_page)


def _portfolio_css() -> str:
    """report.css, then the portfolio's own rules (assets/portfolio.css)."""
    return _css() + "\n" + read_asset("portfolio.css")


def render_portfolio(
    scores: Sequence[ScoreResult],
    fw: FrameworkInfo,
    key: bytes | None = None,
    guidance: Guidance | None = None,
    problems: Sequence[str] = (),
    reports: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> RenderedPortfolio:
    """The portfolio's HTML, PDF and CSV; with ``key`` (see app/portfolio_key.py) names become codes.

    ``guidance`` carries the rules the brief uses (caution's few-respondents threshold, the
    smallest portfolio with percentiles); ``problems`` are inputs left out, one line each;
    ``reports`` maps a partnership ID to the relative link of its report."""
    g = guidance or Guidance()
    ctx = build_portfolio_context(
        scores,
        fw,
        key=key,
        css=_portfolio_css(),
        generator=_generator(),
        min_respondents=g.caution.min_respondents if g.caution else 8,
        min_for_percentiles=g.min_partnerships_for_percentiles,
        problems=problems,
        reports=reports,
    )
    html = render_template(PORTFOLIO_TEMPLATE, ctx)
    header, rows = portfolio_table(scores, key, g.min_partnerships_for_percentiles)
    columns = [(col, meaning) for col, _path, meaning in PORTFOLIO_FIELDS] + list(DERIVED_FIELDS)
    return RenderedPortfolio(
        html=html,
        pdf=portfolio_pdf(ctx, progress),
        csv=table_csv(header, rows),
        xlsx=portfolio_xlsx(header, rows, columns),
    )


def portfolio_html(scores: Sequence[ScoreResult], fw: FrameworkInfo) -> str:
    """The portfolio as HTML only (the site's sample; no PDF rendering)."""
    ctx = build_portfolio_context(scores, fw, css=_portfolio_css(), generator=_generator())
    return render_template(PORTFOLIO_TEMPLATE, ctx)


def write_portfolio(out: Path | OutputFolder, rendered: RenderedPortfolio) -> list[Path]:
    folder = out if isinstance(out, OutputFolder) else OutputGuard().folder(out, PORTFOLIO_FILES)
    return folder.write(rendered.files())


# -- Reports alongside ----------------------------------------------------------------------------

_SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")


def report_stem(pid: str, codes: dict[str, str]) -> str:
    """A report's file name without extension: the code when anonymised (never the folder
    name), else the partnership ID when it is a plain lower-case name, else a hash of it."""
    if codes:
        return codes[pid]
    if _SAFE_NAME.fullmatch(pid):
        return pid
    return "partnership-" + hashlib.sha256(pid.encode("utf-8")).hexdigest()[:12]


def _anonymised(s: ScoreResult, code: str) -> ScoreResult:
    """The report of an anonymised portfolio names the code, not the partnership or its place."""
    p = s.partnership
    info = PartnershipInfo(id=code, name=code, scale=p.scale, population_focus="population not shown (anonymised)")
    return s.model_copy(update={"partnership": info, "comments": None})


def partnership_reports(
    entries: Sequence[tuple[ScoreResult, list[RosterOrganisation]]],
    fw: FrameworkInfo,
    guidance: Guidance,
    key: bytes | None,
    pdfs: bool,
    progress: Progress,
) -> tuple[dict[str, str | bytes], dict[str, str]]:
    """Each partnership's report as files under reports/ and the link from its table row.

    Anonymised, a report carries the code for the name, no population focus and no roster (its
    organisations' names would say who the partnership is)."""
    codes = anonymous_codes([s.partnership.id for s, _r in entries], key) if key is not None else {}
    files: dict[str, str | bytes] = {}
    links: dict[str, str] = {}
    progress.stage("reports", len(entries), f"rendering {len(entries)} report{'' if len(entries) == 1 else 's'} …")
    for s, roster in entries:
        pid = s.partnership.id
        stem = report_stem(pid, codes)
        shown = _anonymised(s, codes[pid]) if codes else s
        html = render_template(REPORT_TEMPLATE, _report_context(shown, fw, guidance, None if codes else roster))
        files[f"{REPORTS_FOLDER}/{stem}.html"] = html
        if pdfs:
            files[f"{REPORTS_FOLDER}/{stem}.pdf"] = render_pdf(html)
        links[pid] = f"{REPORTS_FOLDER}/{stem}.html"
        progress.step(stem)
    return files, links


# -- The use case ---------------------------------------------------------------------------------


@dataclass
class PortfolioRun:
    written: list[Path]
    n_partnerships: int
    problems: list[str]
    key_created: Path | None = None


def build_portfolio(
    paths: Sequence[Path],
    out: Path,
    *,
    force: bool = False,
    anonymize: bool = False,
    key_file: Path | None = None,
    with_reports: bool = False,
    report_pdfs: bool = False,
    progress: Progress | None = None,
    on_key_created: Callable[[Path], None] | None = None,
) -> PortfolioRun:
    """Read (or score) every partnership, render the portfolio (and reports), write it all.

    Inputs that are not partnerships, duplicates and other instrument versions are left out with
    one problem line each (app/portfolio_inputs.py); the rest is reported."""
    bar = progress or NoProgress()
    if key_file is not None and not anonymize:
        raise UsageError("--key-file is only used with --anonymize")
    if report_pdfs and not with_reports:
        raise UsageError("--report-pdfs is only used with --with-reports")
    problems: list[str] = []
    inputs = expand(paths, problems)
    if not inputs:
        raise InputError(
            problems[0].replace("; left out", "") + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else "")
            if problems
            else "no partnership to put in the portfolio"
        )
    # checked before scoring and rendering, so a refusal costs nothing; with reports, a rerun
    # removes the reports of partnerships no longer in the portfolio (only if unchanged)
    guard = OutputGuard(force=force, inputs=[q for p in inputs for q in partnership_inputs(p)])
    target = guard.folder(out, PORTFOLIO_FILES, prune=with_reports)
    key = created = None
    if anonymize:
        key, key_path, made = load_or_create_key(key_file, out)
        created = key_path if made else None
        if created is not None and on_key_created is not None:
            on_key_created(created)  # told now: the run may still fail, the key stays
    fw, guidance = report_inputs()
    entries, more = gather(inputs, guidance, load_partnership_scores, bar)
    problems += more
    scores = [s for s, _r in entries]
    reports: dict[str, str | bytes] = {}
    links: dict[str, str] = {}
    if with_reports:
        # every report file is checked like the portfolio's own, before any is rendered
        codes = anonymous_codes([s.partnership.id for s in scores], key) if key is not None else {}
        stems = [report_stem(s.partnership.id, codes) for s in scores]
        target.check(
            [f"{REPORTS_FOLDER}/{t}.{ext}" for t in stems for ext in (("html", "pdf") if report_pdfs else ("html",))]
        )
        reports, links = partnership_reports(entries, fw, guidance, key, report_pdfs, bar)
    rendered = render_portfolio(scores, fw, key=key, guidance=guidance, problems=problems, reports=links, progress=bar)
    rendered = RenderedPortfolio(rendered.html, rendered.pdf, rendered.csv, rendered.xlsx, reports)
    return PortfolioRun(write_portfolio(target, rendered), len(scores), problems, created)

"""Writers of the partnership report and the funder portfolio (HTML, PDF, JSON/CSV).

Everything is rendered in memory first; only when every output of a run rendered do the files
get written, each through :func:`outputs.write_atomic`.  A failure (bad input, a refused
resource) therefore leaves nothing half-written and no mix of old and new files from one run.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence, TextIO

from .outputs import dumps_json, write_atomic
from .report_context import FrameworkInfo, Guidance, ReportContext, RosterOrganisation, build_report_context
from .score_models import ScoreResult

if TYPE_CHECKING:  # pragma: no cover
    from .portfolio import PortfolioContext

REPORT_TEMPLATE = "report/report.html.j2"
PORTFOLIO_TEMPLATE = "report/portfolio.html.j2"


def _generator() -> str:
    from . import __version__

    return f"lchd-assess {__version__}"


def _css() -> str:
    from .pdf import read_asset

    return read_asset("report.css")


def render_template(name: str, context: ReportContext | "PortfolioContext") -> str:
    from .templating import environment

    return environment().get_template(name).render(**context.template_vars())


def report_context(score: ScoreResult, fw: FrameworkInfo, guidance: Guidance | None = None, roster: Sequence[RosterOrganisation] = ()) -> ReportContext:
    return build_report_context(score, fw, guidance, list(roster), css=_css(), generator=_generator())


@dataclass(frozen=True)
class RenderedReport:
    html: str
    pdf: bytes
    scores_json: str


def render_report(score: ScoreResult, fw: FrameworkInfo, guidance: Guidance | None = None, roster: Sequence[RosterOrganisation] = ()) -> RenderedReport:
    from .pdf import render_pdf

    html = render_template(REPORT_TEMPLATE, report_context(score, fw, guidance, roster))
    return RenderedReport(html=html, pdf=render_pdf(html), scores_json=dumps_json(score.model_dump(mode="json")))


def write_report(out: Path, rendered: RenderedReport) -> list[Path]:
    return [
        write_atomic(out / "report.html", rendered.html),
        write_atomic(out / "report.pdf", rendered.pdf),
        write_atomic(out / "scores.json", rendered.scores_json),
    ]


class Progress:
    """A one-line progress bar on ``stream`` (stderr); silent unless the stream is a terminal
    (or ``force``), so logs and tests stay clean."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.total, self.label, self.done = total, label, 0
        self.stream = stream or sys.stderr
        self.enabled = enabled if enabled is not None else bool(getattr(self.stream, "isatty", lambda: False)())

    def step(self, what: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        width = 24
        filled = round(width * self.done / max(self.total, 1))
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {what[:30]:<30}")
        if self.done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def iter_with_progress(items: Sequence, label: str, enabled: bool | None, fn: Callable, stream: TextIO | None = None) -> Iterable:
    bar = Progress(len(items), label, stream=stream, enabled=enabled)
    for item in items:
        result = fn(item)
        bar.step(str(getattr(item, "name", item)))
        yield result


@dataclass(frozen=True)
class RenderedPortfolio:
    html: str
    pdf: bytes
    csv: str


def render_portfolio(scores: Sequence[ScoreResult], fw: FrameworkInfo, anonymize: bool = False) -> RenderedPortfolio:
    from .pdf import render_pdf
    from .portfolio import build_portfolio_context, portfolio_csv

    ctx = build_portfolio_context(scores, fw, anonymize=anonymize, css=_css(), generator=_generator())
    html = render_template(PORTFOLIO_TEMPLATE, ctx)
    return RenderedPortfolio(html=html, pdf=render_pdf(html), csv=portfolio_csv(scores, anonymize))


def write_portfolio(out: Path, rendered: RenderedPortfolio) -> list[Path]:
    return [
        write_atomic(out / "portfolio.html", rendered.html),
        write_atomic(out / "portfolio.pdf", rendered.pdf),
        write_atomic(out / "portfolio.csv", rendered.csv),
    ]

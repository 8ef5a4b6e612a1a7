"""Writers of the partnership report (HTML, PDF, JSON); the portfolio's are in app/portfolio.py.

Everything is rendered in memory first; only when every output of a run rendered do the files
get written, each through :mod:`core.safe_output` (atomic, and never over a user's file).  A failure (bad input, a refused
resource) therefore leaves nothing half-written and no mix of old and new files from one run.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Sequence

from pydantic import ValidationError

from .. import __version__
from ..context.report_context import (
    FrameworkInfo,
    Guidance,
    ReportContext,
    RosterOrganisation,
    build_report_context,
)
from ..core.errors import InputError
from ..core.files import TooLarge, decode_utf8, read_limited
from ..core.safe_output import OutputFolder, OutputGuard, shown
from ..core.text import excerpt
from ..formats.score_output import to_json
from ..render.pdf import read_asset, render_pdf
from ..render.templating import environment, render
from ..score.models import ScoreResult
from ..score.recheck import range_problems, reapply_privacy
from .report_inputs import default_guidance, report_framework_info, report_inputs  # noqa: F401 (re-exported)

# The YAML loader, the partnership loader and the scorer (with NumPy) are imported where a
# partnership folder is read (_score_folder, _roster), not here: a report from a saved scores
# file needs none of them when the report inputs are cached (app/report_inputs.py), and
# importing them costs more than a tenth of a second, against the goal of rendering within
# 1.10x of WeasyPrint alone (benchmarks/report.py). tests/test_report_inputs.py checks it.
if TYPE_CHECKING:  # pragma: no cover
    from ..context.portfolio import PortfolioContext  # render_template serves app/portfolio.py too

REPORT_TEMPLATE = "report/report.html.j2"


def _generator() -> str:
    return f"lchd-assess {__version__}"


def _css() -> str:
    return read_asset("report.css")


def render_template(name: str, context: "ReportContext | PortfolioContext") -> str:
    return render(environment(), name, context)


def report_context(
    score: ScoreResult,
    fw: FrameworkInfo,
    guidance: Guidance | None = None,
    roster: Sequence[RosterOrganisation] | None = None,
) -> ReportContext:
    """The report's context; ``roster`` None: the roster is not known (a saved scores file)."""
    return build_report_context(score, fw, guidance, roster, css=_css(), generator=_generator())


class RenderedReport(NamedTuple):  # not a dataclass: cheaper to make at start-up (render/charts.py)
    html: str
    pdf: bytes
    scores_json: str


def render_report(
    score: ScoreResult,
    fw: FrameworkInfo,
    guidance: Guidance | None = None,
    roster: Sequence[RosterOrganisation] | None = None,
) -> RenderedReport:
    html = render_template(REPORT_TEMPLATE, report_context(score, fw, guidance, roster))
    return RenderedReport(html=html, pdf=render_pdf(html), scores_json=to_json(score))


#: The files a report run writes into its --out folder.
REPORT_FILES = ("report.html", "report.pdf", "scores.json")


def write_report(out: Path | OutputFolder, rendered: RenderedReport) -> list[Path]:
    """Write the report's files into ``out`` (an already checked :class:`OutputFolder`, or a
    path checked here with the default rules: fresh, empty or marked as ours)."""
    folder = out if isinstance(out, OutputFolder) else OutputGuard().folder(out, REPORT_FILES)
    return folder.write({"report.html": rendered.html, "report.pdf": rendered.pdf, "scores.json": rendered.scores_json})


def report_html(score: ScoreResult, fw: FrameworkInfo, roster: Sequence[RosterOrganisation] | None = None) -> str:
    """The report as HTML only (the site's sample; no PDF rendering)."""
    return render_template(REPORT_TEMPLATE, report_context(score, fw, default_guidance(), roster))


# -- Inputs --------------------------------------------------------------------------------------


#: A scores file of one partnership is tens of kilobytes; anything this big is not one.
SCORES_MAX_BYTES = 20 * 1024 * 1024


def load_score_json(path: Path) -> ScoreResult:
    """A saved ScoreResult (``scores.json`` or ``lchd-assess score --format json``)."""
    try:
        text = decode_utf8(read_limited(path, SCORES_MAX_BYTES))
    except TooLarge as exc:
        raise InputError(
            f"{shown(path)}: file-too-large: the file is {exc.size:,} bytes; a scores file is far smaller (the limit is {SCORES_MAX_BYTES:,})"
        ) from None
    except OSError as exc:
        raise InputError(f"{shown(path)}: cannot read: {(exc.strerror or str(exc)).lower()}") from None
    except ValueError as exc:
        raise InputError(f"{shown(path)}: not-utf8: {exc}") from None
    try:
        return ScoreResult.model_validate_json(text)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"]) or "(top level)"
        # the message quotes no more than a short escaped excerpt of what the file holds
        raise InputError(
            f"{shown(path)}: {excerpt(where, 60)}: {excerpt(err['msg'], 120)}; the file must be a ScoreResult as `lchd-assess score --format json` writes it"
        ) from None


def checked_scores(score: ScoreResult, path: Path) -> ScoreResult:
    """A saved scores file, trusted no more than any input: numbers outside what the scorer
    writes are refused (one line each, exit 2), and the privacy rules are applied again with
    the current minimum cell size before anything is rendered (score/recheck.py)."""
    problems = list(range_problems(score))
    if problems:
        where, what = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InputError(
            f"{shown(path)}: {where}: scores-out-of-range: {what}{more}; a scores file must be as `lchd-assess score --format json` wrote it"
        )
    # the current rules' cell size and perspectives, validated once per content (report_inputs)
    guidance = report_inputs()[1]
    return reapply_privacy(score, guidance.min_cell_size, guidance.perspectives, guidance.sector_groups)


def load_partnership_scores(
    path: Path, wave: str | None = None, comments: bool = False
) -> tuple[ScoreResult, list[RosterOrganisation] | None]:
    """Score a partnership folder (or read a saved ScoreResult JSON) for the report, with the
    partner roster (None from a saved ScoreResult, which names only the sectors on the roster).

    Comments are kept only when asked for; a saved ScoreResult's comments are dropped otherwise.
    """
    if path.is_file() and path.suffix == ".json":
        score = checked_scores(load_score_json(path), path)
        if wave is not None and score.wave != wave:
            raise InputError(
                f"{path}: wave: the file holds wave {score.wave}, not {wave}; score the wave you want with `lchd-assess score`"
            )
        if not comments and score.comments is not None:
            score = score.model_copy(update={"comments": None})
        return score, None
    if not path.is_dir():
        raise InputError(
            f"{path}: not found: give a partnership folder (with partnership.yaml and responses/) or a scores JSON file"
        )
    score = _score_folder(path, wave, comments)
    return score, _roster(path)


def _score_folder(path: Path, wave: str | None, comments: bool) -> ScoreResult:
    from .score import score_partnership  # start-up: the scorer and NumPy (see the top)

    return score_partnership(path, wave=wave, comments=comments)


def _roster(path: Path) -> list[RosterOrganisation]:
    from ..load.partnership import load_partnership  # start-up: the YAML loader (see the top)

    p = load_partnership(path)
    return [RosterOrganisation(name=r.name, sector=r.sector) for r in p.roster]


def partnership_inputs(path: Path) -> list[Path]:
    """What a command reads from a partnership folder (or the scores file itself): outputs may
    never replace or land inside these."""
    if path.is_dir():
        return [path / "partnership.yaml", path / "responses"]
    return [path]

"""The first page of a funder's portfolio: what a program officer reads in two minutes.

Computed only from the documented subset of each ScoreResult the portfolio takes
(context/portfolio.py, PORTFOLIO_FIELDS): where the portfolio is weakest and strongest, how many
partnerships the gate holds back, how many rest on few respondents or silent sectors, whether
versions are mixed, and what changed since each partnership's previous wave.  It also says what
these scores can and cannot support.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from pydantic import Field

from ..core import formatting as filters
from ..score.models import ScoreResult
from ..score.stats import percentile
from .report_context import _Ctx

#: Said on every brief: self-assessment scores are for learning and support, not for ranking.
CAN_AND_CANNOT = [
    "These scores are each partnership's own members' view of how ready it is; they can show where a partnership, or the portfolio, may need support and what to ask about.",
    "They cannot, on their own, rank partnerships for funding decisions: members of different partnerships judge against their own expectations, few respondents make wide intervals, and a silent sector's view is missing.",
    "Compare a partnership first with itself a year later; compare partnerships only where the intervals do not overlap and the same instrument version was used, and talk with the partnership before acting on a number.",
]


class BriefLine(_Ctx):
    label: str = Field(description="What is counted, in words.")
    value: str = Field(description="The count or figure as shown.")


class PortfolioBrief(_Ctx):
    """Page 1 of the portfolio."""

    headline: str = Field(
        description="One sentence: how many partnerships, which waves, how many with an overall level."
    )
    levels: list[BriefLine] = Field(description="Partnerships per overall readiness level, lowest first.")
    weakest: list[str] = Field(
        description="The two elements with the lowest median across the portfolio, as 'FS4 Name (median 38)'."
    )
    strongest: list[str] = Field(description="The two elements with the highest median.")
    flags: list[BriefLine] = Field(
        description="Counts a program officer should know: held back by the gate, few respondents, silent sectors, mixed versions, problems with inputs."
    )
    change: list[BriefLine] = Field(
        description="Partnerships whose overall score improved, declined, did not change meaningfully, could not be compared, or had no previous wave."
    )
    can_and_cannot: list[str] = Field(description="What these scores can and cannot support.")
    percentile_rule: str = Field(description="When percentiles are shown (scoring-rules.yaml portfolio).")


def build_brief(
    scores: Sequence[ScoreResult], *, min_respondents: int, min_for_percentiles: int, problems: Sequence[str] = ()
) -> PortfolioBrief:
    n = len(scores)
    waves = sorted({s.wave for s in scores})
    with_level = sum(1 for s in scores if s.gating.level_label)
    headline = (
        f"{filters.plural(n, 'partnership')} in this portfolio ({filters.plural(len(waves), 'wave')}: {', '.join(waves[:4])}{' …' if len(waves) > 4 else ''}); "
        f"{with_level} of them have an overall readiness level."
    )
    weakest, strongest = _weakest_and_strongest(scores)
    rule = f"Percentiles are shown only when the portfolio has at least {min_for_percentiles} partnerships; " + (
        f"this one has {n}, so none are shown." if n < min_for_percentiles else f"this one has {n}."
    )
    return PortfolioBrief(
        headline=headline,
        levels=_levels(scores),
        weakest=weakest,
        strongest=strongest,
        flags=_flags(scores, min_respondents, problems),
        change=_change(scores),
        can_and_cannot=list(CAN_AND_CANNOT),
        percentile_rule=rule,
    )


def _levels(scores: Sequence[ScoreResult]) -> list[BriefLine]:
    """Partnerships per overall level, in the bands' order."""
    order: list[tuple[str, str]] = []
    for s in scores:
        for bid, label, _lo, _hi in s.method.level_bands:
            if (bid, label) not in order:
                order.append((bid, label))
    counted = Counter(s.gating.level for s in scores)
    levels = [BriefLine(label=label, value=str(counted.get(bid, 0))) for bid, label in order]
    if counted.get(None):
        levels.append(BriefLine(label="No overall level (an element not computable)", value=str(counted[None])))
    return levels


def _weakest_and_strongest(scores: Sequence[ScoreResult]) -> tuple[list[str], list[str]]:
    """The two elements with the lowest and the two with the highest median."""
    medians = []
    names: dict[str, str] = {}
    for s in scores:
        for e in s.elements:
            if e.kind != "overall":
                names.setdefault(e.id, e.name)
    for eid in names:
        vals = sorted(e.score for s in scores for e in s.elements if e.id == eid and e.score is not None)
        if vals:
            medians.append((percentile(vals, 0.5), eid))
    medians.sort()
    fmt = lambda m, eid: f"{eid} {names[eid]} (median {filters.score(m)})"  # noqa: E731
    weakest = [fmt(m, e) for m, e in medians[:2]]
    strongest = [fmt(m, e) for m, e in reversed(medians[-2:])] if len(medians) > 2 else []
    return weakest, strongest


def _flags(scores: Sequence[ScoreResult], min_respondents: int, problems: Sequence[str]) -> list[BriefLine]:
    capped = [s for s in scores if s.gating.capped]
    # only partnerships the gate holds back: an element below the gate of a partnership whose
    # level is not above the cap anyway holds nothing back
    below = Counter(e for s in capped for e in s.gating.capping_elements)
    most = ", ".join(f"{e} ({c})" for e, c in sorted(below.items(), key=lambda x: (-x[1], x[0]))[:3])
    versions = Counter(f"{s.instrument_id} {s.instrument_version}" for s in scores)
    flags = [
        BriefLine(
            # gated: the foundational structures, and P4 from scoring rules 1.1.0
            label="Held back by the gate (an element below it caps the level)"
            + (f"; most often {most}" if most else ""),
            value=str(len(capped)),
        ),
        BriefLine(
            label=f"Few respondents (fewer than {min_respondents}): wide intervals",
            value=str(sum(1 for s in scores if s.n_respondents < min_respondents)),
        ),
        BriefLine(
            label="A roster sector nobody answered for",
            value=str(sum(1 for s in scores if s.representation.silent_sectors)),
        ),
        BriefLine(
            label="Instrument versions" + (" (mixed: compare with care)" if len(versions) > 1 else ""),
            value="; ".join(f"{v}: {c}" for v, c in sorted(versions.items())),
        ),
    ]
    if problems:
        flags.append(
            BriefLine(label="Inputs left out because of a problem (listed at the end)", value=str(len(problems)))
        )
    return flags


def _change(scores: Sequence[ScoreResult]) -> list[BriefLine]:
    """Partnerships by what their overall score did since their previous wave."""
    flag_of: Counter[str] = Counter()
    for s in scores:
        if s.change is None:
            flag_of["none"] += 1
            continue
        o = next((c for c in s.change.elements if c.id == "overall"), None)
        flag_of[o.flag if o else "not-comparable"] += 1
    return [
        BriefLine(label="Overall score improved meaningfully since the previous wave", value=str(flag_of["improved"])),
        BriefLine(label="Declined meaningfully", value=str(flag_of["declined"])),
        BriefLine(label="No meaningful change", value=str(flag_of["no-meaningful-change"])),
        BriefLine(
            label="Not comparable (items changed meaning, or an element had no score)",
            value=str(flag_of["not-comparable"]),
        ),
        BriefLine(label="No previous wave", value=str(flag_of["none"])),
    ]

"""Sector groups and the two perspectives (community and institutional): each group's element
scores, hidden below the minimum cell size (with complementary suppression, :func:`.privacy.protect`),
and the gap between the perspectives per element, with don't-know rates by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import models as sm
from .arrays import AnswerArrays
from .elements import Matrix, round_half_up
from .privacy import protect
from ..load.instrument import InstrumentFile, ScoringRulesFile


def _perspectives(inst: InstrumentFile) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"community": [], "institutional": []}
    for g in inst.sector_groups:
        out[g.perspective].append(g.id)
    return out


def _gap_code(diff: float, rules: ScoringRulesFile) -> sm.GapCode:
    a, b = rules.gap_thresholds
    d = abs(diff)
    return "similar" if d < a else "some-difference" if d < b else "large-difference"


_GAP_WORDS = {
    "similar": "Community members and institutional partners rate this element about the same (difference below {a:g} points).",
    "some-difference": "Community members and institutional partners rate this element somewhat differently: their ratings differ by {d:g} points ({a:g} to under {b:g} counts as some difference).",
    "large-difference": "Community members and institutional partners see this element differently: their ratings differ by {d:g} points ({b:g} or more counts as a large difference).",
}

DK_RATE_NOTE = sm.DK_RATE_NOTE


def _dk_note(c_rate: float | None, i_rate: float | None) -> str:
    if c_rate is None or i_rate is None:
        return ""
    if c_rate - i_rate >= DK_RATE_NOTE:
        return f" Community respondents answered don't know to {c_rate:.0%} of these questions and institutional respondents to {i_rate:.0%}, so the score rests mostly on institutional answers."
    if i_rate - c_rate >= DK_RATE_NOTE:
        return f" Institutional respondents answered don't know to {i_rate:.0%} of these questions and community respondents to {c_rate:.0%}, so the score rests mostly on community answers."
    return ""


#: One element over one subset, what the group table and the gaps read of it: (score,
#: respondents who answered). Plain tuples, zipped in C: 56 a partnership, and a named tuple's
#: constructor is a Python call each.
_Stat = tuple[float | None, int]


@dataclass(frozen=True)
class GroupsAndGaps:
    groups: list[sm.GroupResult]
    gaps: list[dict[str, Any]]  # sm.Gap fields, validated by the ScoreResult
    #: Groups hidden for being small or to protect a smaller one (sector counts and comments follow).
    hidden: set[str]


def groups_and_gaps(
    inst: InstrumentFile,
    rules: ScoringRulesFile,
    m: Matrix,
    items: list[str],
    el_idx: dict[str, list[int]],
    aa: AnswerArrays,
) -> GroupsAndGaps:
    """Every group's and both perspectives' element statistics (one pass over the answers), the
    groups hidden overall and per element, then the group results and the gaps."""
    k = rules.min_cell_size
    # Sector groups, with complementary suppression.
    group_ids: list[str] = [g.id for g in inst.sector_groups]
    persp = _perspectives(inst)
    group_of = {s.id: s.group for s in inst.sectors}
    members: dict[str, list[int]] = {g: [] for g in group_ids}
    for n, r in enumerate(m.respondents):
        mine = members.get(group_of[r.sector])  # an unknown sector is a KeyError, as before
        if mine is not None:
            mine.append(n)
    gn = {g: len(members[g]) for g in group_ids}
    # Most specific aggregates first, so the complement is taken from the side that needs it.
    aggregates = [persp["community"], persp["institutional"], group_ids]
    small, comp = protect(gn, k, aggregates, group_ids)
    # Every group's and both perspectives' element statistics in one pass over the answers.
    side_members = {s: sorted(n for g in gs for n in members[g]) for s, gs in persp.items()}
    subsets = {**{f"group:{g}": members[g] for g in group_ids}, **{f"side:{s}": idx for s, idx in side_members.items()}}
    scores, answered = aa.subset_scores(subsets, rules)
    sub = {key: dict(zip(el_idx, zip(scores[s], answered[s]))) for s, key in enumerate(subsets)}
    dk = aa.dont_know_rates(subsets)
    group_calcs = {g: sub[f"group:{g}"] for g in group_ids}
    # Per element: a shown group's element score is hidden when few of it answered that
    # element, with the same complementary rule inside the element's shown aggregates.
    el_hidden: dict[str, set[str]] = {}
    protected: dict[tuple[int, ...], set[str]] = {}
    for e in el_idx:
        # True counts for every group (a hidden group's people still sit inside the whole
        # partnership's and the perspectives' element scores), hidden groups start hidden.
        en = {g: group_calcs[g][e][1] for g in group_ids}
        key = tuple(en.values())
        if key not in protected:  # elements often have the same counts, and protect is pure
            s2, c2 = protect(en, k, aggregates, group_ids, already_hidden=small | comp)
            protected[key] = s2 | c2 | small | comp
        el_hidden[e] = protected[key]
    groups = _group_results(inst, rules, el_idx, gn, small, comp, group_calcs, el_hidden, dk)
    side_calcs = {s: sub[f"side:{s}"] for s in side_members}
    gaps = _gaps(rules, el_idx, side_calcs, dk)
    return GroupsAndGaps(groups, gaps, small | comp)


def _group_results(
    inst: InstrumentFile,
    rules: ScoringRulesFile,
    el_idx: dict[str, list[int]],
    gn: dict[str, int],
    small: set[str],
    comp: set[str],
    group_calcs: dict[str, dict[str, _Stat]],
    el_hidden: dict[str, set[str]],
    dk_rates: dict[str, dict[str, float | None]],
) -> list[sm.GroupResult]:
    d = rules.decimals
    group_ids: list[str] = [g.id for g in inst.sector_groups]
    groups = []
    glabel = inst.group_labels()
    for g in group_ids:
        if g in small or g in comp:
            groups.append(
                sm.GroupResult(
                    group=g,
                    label=glabel[g],
                    suppressed=True,
                    suppression_reason="below-minimum-cell-size" if g in small else "complementary",
                    n=None,
                    elements=None,
                )
            )  # type: ignore[arg-type]
            continue
        # Elements as plain dicts: the group's validation builds them (the same checks as
        # GroupElement(...), without a Python call per element).
        gel = []
        rates = dk_rates[f"group:{g}"]
        for e in el_idx:
            score, n_resp = group_calcs[g][e]
            hide = g in el_hidden[e]
            gel.append(
                {
                    "id": e,
                    "score": None if hide else round_half_up(score, d),
                    "n_respondents": None if hide else n_resp,
                    "dont_know_rate": None if hide else rates[e],
                }
            )
        groups.append(
            sm.GroupResult.model_validate(
                {
                    "group": g,
                    "label": glabel[g],
                    "suppressed": False,
                    "suppression_reason": None,
                    "n": gn[g],
                    "elements": gel,
                }
            )
        )

    return groups


def _gaps(
    rules: ScoringRulesFile,
    el_idx: dict[str, list[int]],
    side_calcs: dict[str, dict[str, _Stat]],
    dk_rates: dict[str, dict[str, float | None]],
) -> list[dict[str, Any]]:
    """Community versus institutional perspective per element, as plain dicts (the result's
    validation builds the Gap objects: no Python call per gap)."""
    d, k = rules.decimals, rules.min_cell_size
    a_t, b_t = rules.gap_thresholds
    gaps: list[dict[str, Any]] = []
    for e in el_idx:
        (c_score, c_n), (i_score, i_n) = side_calcs["community"][e], side_calcs["institutional"][e]
        if c_n < k or i_n < k or c_score is None or i_score is None:
            few = [lab for lab, n in (("community", c_n), ("institutional", i_n)) if n < k]
            why = (
                f"fewer than {k} {' and '.join(few)} respondents answered it"
                if few
                else "one side's score is not computable"
            )
            gaps.append(
                {
                    "id": e,
                    "community": None,
                    "institutional": None,
                    "difference": None,
                    "code": "not-shown",
                    "explanation": f"Not shown: the two perspectives cannot be compared because {why}; both numbers are hidden.",
                }
            )
            continue
        cs, is_ = round_half_up(c_score, d), round_half_up(i_score, d)
        diff = round_half_up(cs - is_, d)  # type: ignore[operator]
        code = _gap_code(diff, rules)  # type: ignore[arg-type]
        # DK rates by side, shown only where both sides are shown (the same rule as the scores).
        c_dk, i_dk = dk_rates["side:community"][e], dk_rates["side:institutional"][e]
        expl = _GAP_WORDS[code].format(a=a_t, b=b_t, d=abs(diff)) + _dk_note(c_dk, i_dk)  # type: ignore[arg-type]  # diff is set: both sides are shown
        gaps.append(
            {
                "id": e,
                "community": cs,
                "institutional": is_,
                "difference": diff,
                "code": code,
                "explanation": expl,
                "community_dont_know_rate": c_dk,
                "institutional_dont_know_rate": i_dk,
            }
        )

    return gaps

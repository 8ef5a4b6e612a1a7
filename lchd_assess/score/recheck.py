"""A saved scores file is input like any other: check its numbers and re-apply the privacy rules.

``lchd-assess report scores.json`` renders a :class:`ScoreResult` someone saved, sent or edited.
Before anything is shown, :func:`range_problems` lists every number outside what the scorer can
produce (a score of 250, an interval from 300 to −40), and :func:`reapply_privacy` hides again
whatever the minimum cell size hides (never less than the current scoring rules' size): a group
below it, a group whose size the others give away by subtraction from the total, a group's
element score from fewer respondents, a sector count from 1 to k − 1, a share of residents that
reveals a small number, a comment's sector group that is hidden, and a community/institutional
comparison whose side is known to be smaller than k.  Pure functions: no files are read here.
"""

from __future__ import annotations

from typing import Iterator, Mapping, Sequence

from . import models as sm

SCORE_RANGE = (0.0, 100.0)
ITEM_RANGE = (0.0, 4.0)


def _outside(value: float | None, lo: float, hi: float) -> bool:
    return value is not None and not (lo <= value <= hi)


def range_problems(r: sm.ScoreResult) -> Iterator[tuple[str, str]]:
    """(field path, what is wrong) for every number the scorer could not have written."""
    lo, hi = SCORE_RANGE
    if r.n_respondents < 0:
        yield "n_respondents", f"{r.n_respondents} is negative"
    for i, e in enumerate(r.elements):
        at = f"elements.{i}"
        if _outside(e.score, lo, hi):
            yield f"{at}.score", f"{e.score:g} is outside 0–100"
        if e.interval is not None:
            a, b = e.interval
            if _outside(a, lo, hi) or _outside(b, lo, hi) or a > b:
                yield f"{at}.interval", f"{a:g} to {b:g} is not an interval within 0–100"
        if _outside(e.coverage, 0.0, 1.0):
            yield f"{at}.coverage", f"{e.coverage:g} is outside 0–1"
        if e.n_respondents < 0 or e.n_respondents > max(r.n_respondents, 0):
            yield f"{at}.n_respondents", f"{e.n_respondents} is not between 0 and the {r.n_respondents} respondents"
        if e.sd is not None and e.sd < 0:
            yield f"{at}.sd", f"{e.sd:g} is negative"
        if min(e.n_dont_know, e.n_not_applicable) < 0:
            yield at, "a count of answers is negative"
        for j, it in enumerate(e.items):
            if _outside(it.score, *ITEM_RANGE):
                yield f"{at}.items.{j}.score", f"{it.score:g} is outside 0–4"
            if min(it.n_valid, it.n_dont_know, it.n_not_applicable, it.n_blank) < 0:
                yield f"{at}.items.{j}", "a count of answers is negative"
    for i, g in enumerate(r.groups):
        if g.n is not None and g.n < 0:
            yield f"groups.{i}.n", f"{g.n} is negative"
        for j, ge in enumerate(g.elements or []):
            if _outside(ge.score, lo, hi):
                yield f"groups.{i}.elements.{j}.score", f"{ge.score:g} is outside 0–100"
    for i, gap in enumerate(r.gaps):
        for name in ("community", "institutional"):
            v = getattr(gap, name)
            if _outside(v, lo, hi):
                yield f"gaps.{i}.{name}", f"{v:g} is outside 0–100"
        if _outside(gap.difference, -hi, hi):
            yield f"gaps.{i}.difference", f"{gap.difference:g} is outside −100 to 100"
    if r.change is not None:
        for i, c in enumerate(r.change.elements):
            for name in ("previous", "current"):
                v = getattr(c, name)
                if _outside(v, lo, hi):
                    yield f"change.elements.{i}.{name}", f"{v:g} is outside 0–100"
            if _outside(c.delta, -hi, hi):
                yield f"change.elements.{i}.delta", f"{c.delta:g} is outside −100 to 100"
    rep = r.representation
    if _outside(rep.residents_share, 0.0, 1.0):
        yield "representation.residents_share", f"{rep.residents_share:g} is outside 0–1"
    for i, s in enumerate(rep.by_sector):
        if s.n is not None and s.n < 0:
            yield f"representation.by_sector.{i}.n", f"{s.n} is negative"
    if r.method.min_cell_size < 1:
        yield "method.min_cell_size", f"{r.method.min_cell_size} is below 1"


def _hide_groups(groups: Sequence[sm.GroupResult], n_respondents: int, k: int) -> list[sm.GroupResult]:
    """The groups below ``k``, those whose size the others give away, and every group element
    score from fewer than ``k`` respondents, hidden."""
    groups = list(groups)

    def hide(i: int, reason: str) -> None:
        groups[i] = groups[i].model_copy(
            update={"suppressed": True, "suppression_reason": reason, "n": None, "elements": None}
        )

    for i, g in enumerate(groups):
        if not g.suppressed and (g.n is None or g.n < k):
            hide(i, "below-minimum-cell-size")
    # The whole partnership's total is shown: hidden groups adding up to 1 … k − 1 would be
    # given away by subtraction, so the smallest shown group is hidden too (as the scorer does).
    while True:
        shown = [i for i, g in enumerate(groups) if not g.suppressed and g.n]
        hidden_total = n_respondents - sum(groups[i].n or 0 for i in shown)
        if not (0 < hidden_total < k and shown and any(g.suppressed for g in groups)):
            break
        hide(min(shown, key=lambda i: (groups[i].n or 0, i)), "complementary")
    for i, g in enumerate(groups):
        if g.elements:
            els = [
                ge.model_copy(update={"score": None, "n_respondents": None})
                if ge.n_respondents is None or ge.n_respondents < k
                else ge
                for ge in g.elements
            ]
            groups[i] = g.model_copy(update={"elements": els})
    return groups


def _hide_gaps(
    gaps: Sequence[sm.Gap], groups: Sequence[sm.GroupResult], perspectives: Mapping[str, Sequence[str]], k: int
) -> list[sm.Gap]:
    """The comparisons of perspectives, not shown when a side is known to be smaller than ``k``."""
    # A comparison of perspectives needs k on each side; a side made of shown groups smaller
    # than k, or of groups each below k that cannot reach k together, is not shown.
    by_id = {g.group: g for g in groups}
    small_side = []
    for side, members in perspectives.items():
        gs = [by_id[m] for m in members if m in by_id]
        known = sum(g.n or 0 for g in gs if not g.suppressed)
        unknown = [g for g in gs if g.suppressed]
        most = known + sum(k - 1 for g in unknown if g.suppression_reason == "below-minimum-cell-size")
        if known < k and all(g.suppression_reason == "below-minimum-cell-size" for g in unknown) and most < k:
            small_side.append(side)
    return [
        gap.model_copy(
            update={
                "community": None,
                "institutional": None,
                "difference": None,
                "code": "not-shown",
                "explanation": f"Not shown: the two perspectives cannot be compared because fewer than {k} {' and '.join(small_side)} respondents answered; both numbers are hidden.",
            }
        )
        if small_side and gap.code != "not-shown"
        else gap
        for gap in gaps
    ]


def _hide_representation(
    rep: sm.Representation,
    groups: Sequence[sm.GroupResult],
    n_respondents: int,
    k: int,
    sector_groups: Mapping[str, str] | None,
) -> sm.Representation:
    """Sector counts from 1 to k − 1, one shown count of a hidden group whose every count is
    shown, and a residents' share that reveals a small number, hidden."""
    by_sector = [
        s.model_copy(update={"n": None, "display": f"fewer than {k}", "status": "few"})
        if s.n is not None and 0 < s.n < k
        else s
        for s in rep.by_sector
    ]
    if sector_groups:
        for gid in sorted({g.group for g in groups if g.suppressed}):
            mine = [i for i, s in enumerate(by_sector) if sector_groups.get(s.sector) == gid]
            if mine and not any(by_sector[i].n is None for i in mine):
                # every count of a hidden group shown: their sum is the group's size
                shown = [i for i in mine if (by_sector[i].n or 0) > 0]
                if shown:
                    i = min(shown, key=lambda i: (by_sector[i].n or 0, i))
                    by_sector[i] = by_sector[i].model_copy(
                        update={"n": None, "display": "not shown (so that a smaller group cannot be worked out)"}
                    )
    share, rdisp = rep.residents_share, rep.residents_display
    if share is not None and n_respondents > 0 and 0 < round(share * n_respondents) < k:
        share, rdisp = (
            None,
            f"Fewer than {k} respondents are residents or family members, so their number is not shown.",
        )
    return rep.model_copy(update={"by_sector": by_sector, "residents_share": share, "residents_display": rdisp})


def reapply_privacy(
    r: sm.ScoreResult,
    min_cell_size: int,
    perspectives: Mapping[str, Sequence[str]],
    sector_groups: Mapping[str, str] | None = None,
) -> sm.ScoreResult:
    """``r`` with everything the minimum cell size hides hidden again.

    ``min_cell_size`` is the current rules' size; the file's own is used when larger.
    ``perspectives`` maps "community"/"institutional" to their sector group IDs;
    ``sector_groups`` maps each sector to its group (the instrument's), so that a hidden group
    whose every sector count is shown gets one of them hidden (files written before the scorer
    protected the two tables together, score/privacy.hide_sectors).

    One pass per part of the result, in the order a later part depends on an earlier one's
    hiding: groups first, then the comparisons, sector counts and comments that read them.
    """
    k = max(min_cell_size, r.method.min_cell_size)
    groups = _hide_groups(r.groups, r.n_respondents, k)
    gaps = _hide_gaps(r.gaps, groups, perspectives, k)
    rep = _hide_representation(r.representation, groups, r.n_respondents, k, sector_groups)
    comments = r.comments
    if comments:
        hidden_groups = {g.group for g in groups if g.suppressed}
        comments = [
            c.model_copy(update={"sector_group": None}) if c.sector_group in hidden_groups else c for c in comments
        ]
    method = r.method.model_copy(update={"min_cell_size": k})
    return r.model_copy(
        update={"groups": groups, "gaps": gaps, "representation": rep, "comments": comments, "method": method}
    )

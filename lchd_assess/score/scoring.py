"""The scorer: many respondents' answers → an honest :class:`~lchd_assess.score.models.ScoreResult`.

Every number it uses comes from the scoring rules (``assessments/scoring-rules.yaml``):

* item score = mean of the valid (0–4) answers; don't know, not applicable and blanks never count;
* element score = mean of its items' scores × ``scale_multiplier`` (0–100); not computable when
  fewer than ``min_item_coverage`` of its items have a valid answer or fewer than
  ``min_respondents`` respondents answered it; overall = mean of the eight element scores;
* interval = percentile bootstrap over respondents (respondents in ``respondent_id`` order, a
  fixed seed, so the same answers always give the same interval, whatever the row order);
* sector groups, community-versus-institutional gaps and sector counts are shown only for
  groups of at least ``min_cell_size``, with complementary suppression (:func:`protect`);
* a gated foundational structure below the gate caps the overall level;
* change against the previous wave uses only items whose meaning did not change in between.

Scores are rounded to ``decimals`` first; levels, gaps and changes are read from the rounded
numbers, so a report never shows 60.0 beside a level that needs 60.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
import random
import sys
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from . import models as sm
from .stats import percentile  # noqa: F401 (re-exported: scoring.percentile is used by tests)
from .models import Respondent, Responses
from ..load.instrument import Assessment, InstrumentFile, ScoringRulesFile, version_tuple
from ..load.partnership import PartnershipFile

OVERALL = "overall"
OVERALL_NAME = "Overall readiness"


# -- Small numeric helpers (pure) ------------------------------------------------------------


def _mean(xs: Sequence[float]) -> float:
    return math.fsum(xs) / len(xs)


def _sd(xs: Sequence[float]) -> float | None:
    if len(xs) < 2:
        return None
    m = _mean(xs)
    return math.sqrt(math.fsum((x - m) ** 2 for x in xs) / (len(xs) - 1))


def _r(x: float | None, d: int) -> float | None:
    """Round half away from zero, as people do by hand (81.25 → 81.3), never to -0.0."""
    if x is None:
        return None
    q = Decimal(repr(x)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
    return float(q) + 0.0


# -- The answer matrix ---------------------------------------------------------------------


@dataclass(frozen=True)
class Matrix:
    """Answers in canonical order: respondents sorted by ID, items in instrument order."""

    items: list[str]
    respondents: list[Respondent]
    values: list[list[int | None]]  # None: no valid answer (DK, NA or blank)

    @classmethod
    def build(cls, items: list[str], respondents: Iterable[Respondent]) -> "Matrix":
        resp = sorted(respondents, key=lambda r: r.id)
        vals = [[a if isinstance(a := r.answers.get(i), int) else None for i in items] for r in resp]
        return cls(items, resp, vals)

    def subset(self, keep: Sequence[int]) -> "Matrix":
        return Matrix(self.items, [self.respondents[i] for i in keep], [self.values[i] for i in keep])


@dataclass(frozen=True)
class ElementCalc:
    score: float | None  # unrounded, 0–100
    reason: str | None
    n_respondents: int
    coverage: float
    sd: float | None
    item_means: dict[int, float]


def element_calc(m: Matrix, idxs: Sequence[int], rules: ScoringRulesFile) -> ElementCalc:
    """Score one element (item indexes ``idxs``) over the respondents of ``m``."""
    mult = rules.scale_multiplier
    item_means: dict[int, float] = {}
    for i in idxs:
        vs = [row[i] for row in m.values if row[i] is not None]
        if vs:
            item_means[i] = _mean(vs)  # type: ignore[arg-type]
    resp_scores = []
    for row in m.values:
        vs = [row[i] for i in idxs if row[i] is not None]
        if vs:
            resp_scores.append(_mean(vs) * mult)  # type: ignore[arg-type]
    n = len(resp_scores)
    coverage = len(item_means) / len(idxs) if idxs else 0.0
    reason = None
    if not idxs:
        reason = "no items of the current instrument measure this element"
    elif coverage < rules.min_item_coverage:
        reason = f"only {len(item_means)} of its {len(idxs)} items have a valid answer (at least {math.ceil(rules.min_item_coverage * len(idxs))} needed)"
    elif n < rules.min_respondents:
        reason = f"only {n} respondent(s) gave a valid answer (at least {rules.min_respondents} needed)"
    score = _mean(list(item_means.values())) * mult if reason is None else None
    return ElementCalc(score, reason, n, coverage, _sd(resp_scores), item_means)


# -- Bootstrap -------------------------------------------------------------------------------


_U32 = next(c for c in "IL" if array(c).itemsize == 4)


def resample_indices(rng: random.Random, n: int) -> list[int]:
    """n draws with replacement from range(n): 32 random bits per draw, scaled by
    multiply-and-shift (bias below n / 2**32), about three times faster than rng.choices."""
    draws = array(_U32, rng.getrandbits(32 * n).to_bytes(4 * n, "little"))
    if sys.byteorder == "big":
        draws.byteswap()
    return [(c * n) >> 32 for c in draws]


def bootstrap_intervals(
    m: Matrix, elements: dict[str, list[int]], rules: ScoringRulesFile, computable: set[str]
) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap over respondents for each computable element and the overall score.

    The resamples are those :func:`resample_indices` draws from the seed, one after another;
    the arithmetic is NumPy's (:func:`.arrays.bootstrap_intervals`), equal to the plain
    definition bit for bit (``tests/test_score_arrays.py``).
    """
    from .arrays import bootstrap_intervals as on_arrays

    cfg = rules.interval
    return on_arrays(
        m.values,
        len(m.items),
        elements,
        computable,
        resamples=cfg.resamples,
        seed=cfg.seed,
        confidence=cfg.confidence,
        multiplier=rules.scale_multiplier,
        overall=OVERALL,
    )


# -- Privacy: minimum cell size with complementary suppression --------------------------------


def protect(
    counts: dict[str, int],
    k: int,
    aggregates: Sequence[Sequence[str]],
    order: Sequence[str],
    zero_shown: bool = False,
    already_hidden: Iterable[str] = (),
) -> tuple[set[str], set[str]]:
    """Which cells to hide so that no hidden cell, nor any union of them, can be recovered.

    ``counts`` maps each cell (group or sector) to its respondents; ``aggregates`` are the
    sets of cells whose total is shown elsewhere (the whole partnership; a perspective).  A
    cell below ``k`` is hidden; then, while some shown aggregate has hidden cells adding up
    to between 1 and k − 1 respondents (which the aggregate minus its shown cells would
    reveal), the smallest shown cell of that aggregate is hidden too (ties in ``order``).
    With ``zero_shown`` an empty cell is shown as zero (there is nobody to identify).
    ``already_hidden`` cells (hidden at a coarser level) start hidden with their true counts.
    Returns (hidden for being small, hidden to protect another cell).
    """
    rank = {c: i for i, c in enumerate(order)}
    small = {c for c, n in counts.items() if n < k and (n > 0 or not zero_shown)}
    hidden = small | set(already_hidden)
    changed = True
    while changed:
        changed = False
        for agg in aggregates:
            h = sum(counts[c] for c in agg if c in hidden)
            shown = [c for c in agg if c not in hidden and counts[c] > 0]
            if 0 < h < k and shown:
                hidden.add(min(shown, key=lambda c: (counts[c], rank[c])))
                changed = True
    return small, hidden - small


# -- Scoring one wave ------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    assessment: Assessment
    framework_version: str
    element_names: dict[str, str]

    @property
    def inst(self) -> InstrumentFile:
        return self.assessment.instrument

    @property
    def rules(self) -> ScoringRulesFile:
        return self.assessment.rules


def _element_index(inst: InstrumentFile, items: list[str], keep: set[str] | None = None) -> dict[str, list[int]]:
    pos = {i: n for n, i in enumerate(items)}
    out: dict[str, list[int]] = {}
    for sec in inst.sections:
        out[sec.element] = sorted(
            pos[it.id]
            for it in inst.items
            if it.element == sec.element and it.id in pos and (keep is None or it.id in keep)
        )
    return out


def wave_items(inst: InstrumentFile, version: str | None) -> list[str]:
    """The items a wave collected with instrument ``version`` is scored on, element by element.

    A wave answered with an earlier version (say 1.0.0 after 1.1.0 retired some items) is
    scored on that version's own items, under the current scoring rules, so answers collected
    before a release stay usable; the result names the version.
    """
    if version is None or version == inst.version:
        return inst.item_ids()
    at = inst.items_at(version)
    # Question number order within an element: the order that version's own file had.
    number = lambda i: int(i.rsplit("Q", 1)[1])  # noqa: E731
    return [
        i
        for sec in inst.sections
        for i in sorted((it.id for it in inst.items if it.element == sec.element and it.id in at), key=number)
    ]


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


def _dk_rate(respondents: Sequence[Respondent], item_ids: Sequence[str]) -> float | None:
    """Share of the given answers (0–4, DK or NA; blanks left out) that were DK, or None."""
    given = dk = 0
    for r in respondents:
        for i in item_ids:
            a = r.answers.get(i)
            if a is None:
                continue
            given += 1
            dk += a == "DK"
    return round(dk / given, 3) if given else None


def _dk_note(c_rate: float | None, i_rate: float | None) -> str:
    if c_rate is None or i_rate is None:
        return ""
    if c_rate - i_rate >= DK_RATE_NOTE:
        return f" Community respondents answered don't know to {c_rate:.0%} of these questions and institutional respondents to {i_rate:.0%}, so the score rests mostly on institutional answers."
    if i_rate - c_rate >= DK_RATE_NOTE:
        return f" Institutional respondents answered don't know to {i_rate:.0%} of these questions and community respondents to {c_rate:.0%}, so the score rests mostly on community answers."
    return ""


def score_wave(
    ctx: Context,
    partnership_id: str,
    p: PartnershipFile,
    responses: Responses,
    waves_available: list[str],
    previous: Responses | None = None,
    comments: bool = False,
) -> sm.ScoreResult:
    """Score one wave of answers. ``responses`` must be free of findings (see :func:`score_partnership`)."""
    inst, rules = ctx.inst, ctx.rules
    d, k, mult = rules.decimals, rules.min_cell_size, rules.scale_multiplier
    items = wave_items(inst, responses.version)
    from .arrays import AnswerArrays

    m = Matrix.build(items, responses.respondents)
    el_idx = _element_index(inst, items)
    calcs = {e: element_calc(m, idxs, rules) for e, idxs in el_idx.items()}
    computable = {e for e, c in calcs.items() if c.score is not None}
    intervals = bootstrap_intervals(m, el_idx, rules, computable)

    # Per-item and per-element counts of each kind of answer.
    counts = {i: {"valid": 0, "DK": 0, "NA": 0, "blank": 0} for i in items}
    for r in m.respondents:
        for i in items:
            a = r.answers.get(i)
            key = "valid" if isinstance(a, int) else "blank" if a is None else a
            counts[i][key] += 1

    elements: list[sm.ElementScore] = []
    rounded: dict[str, float | None] = {}
    for e, idxs in el_idx.items():
        c = calcs[e]
        score = _r(c.score, d)
        rounded[e] = score
        band = rules.level_for(score)
        iv = intervals.get(e)
        item_scores = [
            sm.ItemScore(
                id=items[i],
                score=_r(c.item_means.get(i), 2),
                n_valid=counts[items[i]]["valid"],
                n_dont_know=counts[items[i]]["DK"],
                n_not_applicable=counts[items[i]]["NA"],
                n_blank=counts[items[i]]["blank"],
            )
            for i in idxs
        ]
        elements.append(
            sm.ElementScore(
                id=e,
                name=ctx.element_names[e],
                kind="principle" if e.startswith("P") else "structure",
                score=score,
                reason=None if score is not None else f"Not computable: {c.reason}.",
                level=band.id if band else None,
                level_label=band.label if band else None,
                interval=(_r(iv[0], d), _r(iv[1], d)) if iv and score is not None else None,  # type: ignore[arg-type]
                n_respondents=c.n_respondents,
                coverage=round(c.coverage, 3),
                sd=_r(c.sd, d),
                n_dont_know=sum(x.n_dont_know for x in item_scores),
                n_not_applicable=sum(x.n_not_applicable for x in item_scores),
                items=item_scores,
            )
        )

    # Overall: mean of the eight element scores.
    missing = [e for e in el_idx if calcs[e].score is None]
    overall_raw = _mean([calcs[e].score for e in el_idx]) if not missing and el_idx else None  # type: ignore[misc]
    overall = _r(overall_raw, d)
    resp_overall = []
    for row in m.values:
        per_el = [
            _mean([row[i] for i in idxs if row[i] is not None]) * mult  # type: ignore[misc]
            for idxs in el_idx.values()
            if any(row[i] is not None for i in idxs)
        ]
        if per_el:
            resp_overall.append(_mean(per_el))
    answered_items = sum(1 for i in items if counts[i]["valid"])

    # Gate.
    gate = rules.gate
    capping = [e for e in gate.elements if rounded.get(e) is not None and rounded[e] < gate.threshold]  # type: ignore[operator]
    band = rules.level_for(overall)
    level = band
    capped = False
    if band is not None and capping and rules.level_rank(band.id) > rules.level_rank(gate.cap_level):
        level = rules.level(gate.cap_level)
        capped = True
    names = ", ".join(f"{e} ({ctx.element_names[e]}, {rounded[e]:g})" for e in capping)
    if overall is None:
        expl = "No overall level: the overall score needs all eight elements to be computable."
    elif capped:
        expl = f"The overall score alone would be '{band.label}', but {names} {'is' if len(capping) == 1 else 'are'} below the gate of {gate.threshold:g}, so the overall level is capped at '{level.label}': a partnership cannot be ready without its foundations{' or while equity is not yet practised' if any(e.startswith('P') for e in capping) else ''}."  # type: ignore[union-attr]
    elif capping:
        expl = f"{names} {'is' if len(capping) == 1 else 'are'} below the gate of {gate.threshold:g}; the overall level '{band.label}' is already at or below the cap ('{rules.level(gate.cap_level).label}')."  # type: ignore[union-attr]
    else:
        expl = f"Every gated element ({', '.join(gate.elements)}) scores at least {gate.threshold:g}; the overall level is not capped."
    gating = sm.Gating(
        threshold=gate.threshold,
        capped=capped,
        capping_elements=capping,
        uncapped_level=band.id if band else None,
        level=level.id if level else None,
        level_label=level.label if level else None,
        explanation=expl,
    )
    oiv = intervals.get(OVERALL)
    elements.append(
        sm.ElementScore(
            id=OVERALL,
            name=OVERALL_NAME,
            kind="overall",
            score=overall,
            reason=None
            if overall is not None
            else "Not computable: "
            + ", ".join(missing)
            + (" is" if len(missing) == 1 else " are")
            + " not computable, and the overall score is the mean of all eight elements.",
            level=level.id if level else None,
            level_label=level.label if level else None,
            interval=(_r(oiv[0], d), _r(oiv[1], d)) if oiv and overall is not None else None,  # type: ignore[arg-type]
            n_respondents=len(resp_overall),
            coverage=round(answered_items / len(items), 3) if items else 0.0,
            sd=_r(_sd(resp_overall), d),
            n_dont_know=sum(c["DK"] for c in counts.values()),
            n_not_applicable=sum(c["NA"] for c in counts.values()),
            items=[],
        )
    )

    # Sector groups, with complementary suppression.
    group_ids: list[str] = [g.id for g in inst.sector_groups]
    persp = _perspectives(inst)
    members = {g: [n for n, r in enumerate(m.respondents) if inst.group_of(r.sector) == g] for g in group_ids}
    gn = {g: len(members[g]) for g in group_ids}
    # Most specific aggregates first, so the complement is taken from the side that needs it.
    aggregates = [persp["community"], persp["institutional"], group_ids]
    small, comp = protect(gn, k, aggregates, group_ids)
    # Every group's and both perspectives' element statistics in one pass over the answers.
    side_members = {s: sorted(n for g in gs for n in members[g]) for s, gs in persp.items()}
    sub = AnswerArrays(m.values, len(items), el_idx).subsets(
        {**{f"group:{g}": members[g] for g in group_ids}, **{f"side:{s}": idx for s, idx in side_members.items()}},
        rules,
    )
    group_calcs = {g: sub[f"group:{g}"] for g in group_ids}
    # Per element: a shown group's element score is hidden when few of it answered that
    # element, with the same complementary rule inside the element's shown aggregates.
    el_hidden: dict[str, set[str]] = {}
    for e in el_idx:
        # True counts for every group (a hidden group's people still sit inside the whole
        # partnership's and the perspectives' element scores), hidden groups start hidden.
        en = {g: group_calcs[g][e].n_respondents for g in group_ids}
        s2, c2 = protect(en, k, aggregates, group_ids, already_hidden=small | comp)
        el_hidden[e] = s2 | c2 | small | comp
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
        gel = []
        for e in el_idx:
            gc = group_calcs[g][e]
            hide = g in el_hidden[e]
            dk = None if hide else _dk_rate([m.respondents[n] for n in members[g]], [items[i] for i in el_idx[e]])
            gel.append(
                sm.GroupElement(
                    id=e,
                    score=None if hide else _r(gc.score, d),
                    n_respondents=None if hide else gc.n_respondents,
                    dont_know_rate=dk,
                )
            )
        groups.append(
            sm.GroupResult(group=g, label=glabel[g], suppressed=False, suppression_reason=None, n=gn[g], elements=gel)
        )  # type: ignore[arg-type]

    # Gaps: community versus institutional perspective per element.
    side_calcs = {s: sub[f"side:{s}"] for s in side_members}
    a_t, b_t = rules.gap_thresholds
    gaps = []
    for e in el_idx:
        cc, ic = side_calcs["community"][e], side_calcs["institutional"][e]
        if cc.n_respondents < k or ic.n_respondents < k or cc.score is None or ic.score is None:
            few = [lab for lab, c in (("community", cc), ("institutional", ic)) if c.n_respondents < k]
            why = (
                f"fewer than {k} {' and '.join(few)} respondents answered it"
                if few
                else "one side's score is not computable"
            )
            gaps.append(
                sm.Gap(
                    id=e,
                    community=None,
                    institutional=None,
                    difference=None,
                    code="not-shown",
                    explanation=f"Not shown: the two perspectives cannot be compared because {why}; both numbers are hidden.",
                )
            )
            continue
        cs, is_ = _r(cc.score, d), _r(ic.score, d)
        diff = _r(cs - is_, d)  # type: ignore[operator]
        code = _gap_code(diff, rules)  # type: ignore[arg-type]
        # DK rates by side, shown only where both sides are shown (the same rule as the scores).
        el_items = [items[i] for i in el_idx[e]]
        c_dk = _dk_rate([m.respondents[n] for n in side_members["community"]], el_items)
        i_dk = _dk_rate([m.respondents[n] for n in side_members["institutional"]], el_items)
        expl = _GAP_WORDS[code].format(a=a_t, b=b_t, d=abs(diff)) + _dk_note(c_dk, i_dk)  # type: ignore[arg-type]  # diff is set: both sides are shown
        gaps.append(
            sm.Gap(
                id=e,
                community=cs,
                institutional=is_,
                difference=diff,
                code=code,
                explanation=expl,
                community_dont_know_rate=c_dk,
                institutional_dont_know_rate=i_dk,
            )
        )  # type: ignore[arg-type]

    representation = _representation(inst, p, m, k, small | comp)
    change = _change(ctx, m, responses, previous) if previous is not None else None
    comment_list = None
    if comments:
        comment_list = sorted(
            (
                sm.Comment(
                    item=item,
                    text=text,
                    sector_group=None if inst.group_of(r.sector) in small | comp else inst.group_of(r.sector),
                )
                for r in m.respondents
                for item, text in r.comments.items()
            ),
            key=lambda c: (
                items.index(c.item) if c.item in items else len(items),
                c.item,
                c.text,
                c.sector_group or "",
            ),
        )
    rl = rules
    method = sm.Method(
        interval=f"percentile bootstrap over respondents: {rl.interval.resamples} resamples drawn with Python's Mersenne Twister from the fixed seed {rl.interval.seed}; {rl.interval.confidence:.0%} interval from the {alpha_pct(rl, 0)} and {alpha_pct(rl, 1)} percentiles (linear interpolation); respondents are taken in respondent_id order, so row order never changes the result",
        scale_multiplier=rl.scale_multiplier,
        min_cell_size=k,
        min_item_coverage=rl.min_item_coverage,
        min_respondents=rl.min_respondents,
        level_bands=[(b.id, b.label, b.min, b.max) for b in rl.levels],
        gap_thresholds=rl.gap_thresholds,
        meaningful_change=rl.meaningful_change,
        gate_threshold=rl.gate.threshold,
    )
    return sm.ScoreResult(
        instrument_id=inst.id,
        instrument_version=responses.version or inst.version,
        framework_version=ctx.framework_version,
        scoring_rules_version=rl.version,
        partnership=sm.PartnershipInfo(
            id=partnership_id, name=p.name, scale=p.scale, population_focus=p.population_focus
        ),
        wave=responses.wave,
        waves_available=waves_available,
        n_respondents=len(m.respondents),
        method=method,
        elements=elements,
        groups=groups,
        gaps=gaps,
        gating=gating,
        representation=representation,
        change=change,
        comments=comment_list,
    )


def alpha_pct(rules: ScoringRulesFile, upper: int) -> str:
    a = (1 - rules.interval.confidence) / 2 * 100
    v = 100 - a if upper else a
    return f"{v:g}th"


def _representation(
    inst: InstrumentFile, p: PartnershipFile, m: Matrix, k: int, hidden_groups: set[str]
) -> sm.Representation:
    sectors = [s.id for s in inst.sectors]
    n = {s: 0 for s in sectors}
    for r in m.respondents:
        n[r.sector] += 1
    roster = p.roster_sectors()
    # The whole partnership and every shown group's total are known, so those are the
    # aggregates a hidden sector count could be recovered from.
    aggregates: list[list[str]] = []
    for g in inst.sector_groups:
        if g.id not in hidden_groups:
            aggregates.append([s.id for s in inst.sectors if s.group == g.id])
    aggregates.append(sectors)
    # Zero is shown as "none" (nobody to identify); counts from 1 to k − 1 are hidden.
    hidden_small, comp = protect(n, k, aggregates, sectors, zero_shown=True)
    hidden = hidden_small | comp
    by_sector = []
    for s in inst.sectors:
        c = n[s.id]
        on = s.id in roster
        if c == 0:
            status = "silent" if on else "not-on-roster"
            disp = "none"
        elif s.id in hidden_small:
            status, disp = "few", f"fewer than {k}"
        elif s.id in hidden:
            status, disp = "ok", "not shown (so that a smaller group cannot be worked out)"
        else:
            status, disp = "ok", str(c)
        by_sector.append(
            sm.SectorCount(
                sector=s.id, label=s.label, on_roster=on, n=None if s.id in hidden else c, display=disp, status=status
            )
        )  # type: ignore[arg-type]
    total = len(m.respondents)
    # Residents, families and young people answer as themselves: their share counts the whole
    # sector group of the resident sector, hidden exactly when that group is hidden.
    own = inst.group_of(inst.resident_sector)
    nres = sum(n[s.id] for s in inst.sectors if s.group == own)
    who = "residents, family members or young people"
    if total == 0:
        share, rdisp = None, "Nobody has answered yet."
    elif nres == 0:
        share, rdisp = 0.0, f"No {who} answered."
    elif nres < k:
        share, rdisp = None, f"Fewer than {k} respondents are {who}, so their number is not shown."
    elif own in hidden_groups:
        share, rdisp = None, f"The number of {who} is not shown, so that a smaller group cannot be worked out."
    else:
        share = round(nres / total, 3)
        rdisp = f"{nres} of {total} respondents ({share:.0%}) are {who}."
    return sm.Representation(
        by_sector=by_sector,
        silent_sectors=[s.id for s in inst.sectors if s.id in roster and n[s.id] == 0],
        few_sectors=[s.id for s in inst.sectors if s.id in roster and 0 < n[s.id] < k],
        residents_share=share,
        residents_display=rdisp,
    )


def comparable_items(inst: InstrumentFile, prev: Responses, cur: Responses) -> set[str]:
    """Items answered in both waves whose meaning did not change between their versions."""
    pv = version_tuple(prev.version or inst.version)
    cv = version_tuple(cur.version or inst.version)
    lo, hi = min(pv, cv), max(pv, cv)
    both = set(prev.items) & set(cur.items)
    out = set()
    for it in inst.items:
        if it.id not in both:
            continue
        if it.meaning_changed_in and lo < version_tuple(it.meaning_changed_in) <= hi:
            continue
        out.add(it.id)
    return out


def _change(ctx: Context, m: Matrix, cur: Responses, prev: Responses) -> sm.Change:
    inst, rules = ctx.inst, ctx.rules
    d, t = rules.decimals, rules.meaningful_change
    if prev.findings:
        f = prev.findings[0]
        # only the file's own name and the kind of problem: a scores file and a report travel to
        # funders, and must carry neither the sender's folders nor a quoted cell
        where = f"{Path(f.file).name}" + (f", line {f.line}" if f.line else "") if f.file else "its file"
        why = f"the previous wave's file has problems ({where}: {f.code}; run `lchd-assess validate` on it)"
        return sm.Change(
            previous_wave=prev.wave,
            threshold=t,
            elements=[
                sm.ElementChange(id=e, previous=None, current=None, delta=None, flag="not-comparable", reason=why)
                for e in [s.element for s in inst.sections] + [OVERALL]
            ],
        )
    keep = comparable_items(inst, prev, cur)
    items = m.items  # the current wave's own items (its version's, when it is not the latest)
    full = _element_index(inst, items)
    reduced = _element_index(inst, items, keep)
    pm = Matrix.build(items, prev.respondents)
    out = []
    cur_scores: dict[str, float | None] = {}
    prev_scores: dict[str, float | None] = {}
    reasons: dict[str, str | None] = {}
    for e in full:
        dropped = len(full[e]) - len(reduced[e])
        if not reduced[e]:
            cur_scores[e] = prev_scores[e] = None
            reasons[e] = "no item of this element means the same in both waves"
            continue
        cs = element_calc(m, reduced[e], rules)
        ps = element_calc(pm, reduced[e], rules)
        cur_scores[e], prev_scores[e] = _r(cs.score, d), _r(ps.score, d)
        if cs.score is None or ps.score is None:
            reasons[e] = (
                f"not computable in the {'current' if cs.score is None else 'previous'} wave ({(cs.reason if cs.score is None else ps.reason)})"
            )
        else:
            reasons[e] = (
                f"compared on the {len(reduced[e])} items that mean the same in both waves ({dropped} left out)"
                if dropped
                else None
            )
    els = list(full) + [OVERALL]
    if all(cur_scores[e] is not None and prev_scores[e] is not None for e in full):
        cur_scores[OVERALL] = _r(_mean([cur_scores[e] for e in full]), d)  # type: ignore[misc]
        prev_scores[OVERALL] = _r(_mean([prev_scores[e] for e in full]), d)  # type: ignore[misc]
        reasons[OVERALL] = None
    else:
        cur_scores[OVERALL] = prev_scores[OVERALL] = None
        reasons[OVERALL] = "some elements cannot be compared"
    for e in els:
        c, p_ = cur_scores[e], prev_scores[e]
        if c is None or p_ is None:
            out.append(
                sm.ElementChange(id=e, previous=p_, current=c, delta=None, flag="not-comparable", reason=reasons[e])
            )
            continue
        delta = _r(c - p_, d)
        flag = "improved" if delta >= t else "declined" if delta <= -t else "no-meaningful-change"  # type: ignore[operator]
        out.append(sm.ElementChange(id=e, previous=p_, current=c, delta=delta, flag=flag, reason=reasons[e]))  # type: ignore[arg-type]
    return sm.Change(previous_wave=prev.wave, threshold=t, elements=out)

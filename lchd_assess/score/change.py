"""Change against the previous wave, on the items whose meaning did not change in between."""

from __future__ import annotations

from pathlib import Path

from . import models as sm
from .elements import OVERALL, Matrix, element_calc, element_index, mean, round_half_up
from .models import Responses
from ..load.instrument import InstrumentFile, ScoringRulesFile, version_tuple


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


def change(inst: InstrumentFile, rules: ScoringRulesFile, m: Matrix, cur: Responses, prev: Responses) -> sm.Change:
    """Each element's and the overall score in both waves on the comparable items, and the flag.

    One pass in the order a reader checks it (previous file usable? items comparable? both
    computable? overall only when every element is), which is why it runs a little past 60 lines.
    """
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
    full = element_index(inst, items)
    reduced = element_index(inst, items, keep)
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
        cur_scores[e], prev_scores[e] = round_half_up(cs.score, d), round_half_up(ps.score, d)
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
        cur_scores[OVERALL] = round_half_up(mean([cur_scores[e] for e in full]), d)  # type: ignore[misc]
        prev_scores[OVERALL] = round_half_up(mean([prev_scores[e] for e in full]), d)  # type: ignore[misc]
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
        delta = round_half_up(c - p_, d)
        flag = "improved" if delta >= t else "declined" if delta <= -t else "no-meaningful-change"  # type: ignore[operator]
        out.append(sm.ElementChange(id=e, previous=p_, current=c, delta=delta, flag=flag, reason=reasons[e]))  # type: ignore[arg-type]
    return sm.Change(previous_wave=prev.wave, threshold=t, elements=out)

"""The scorer's plain-Python definitions, kept as the reference the NumPy arithmetic must equal.

``bootstrap_reference`` is the bootstrap of lchd-assess 0.1 (one resample at a time, item sums
packed into big integers, ``math.fsum``); tests/test_score_arrays.py checks that
:mod:`lchd_assess.score.arrays` gives the same intervals to the last bit.
"""

from __future__ import annotations

import math
import operator
import sys
from array import array
from pathlib import Path

from lchd_assess.load.instrument import load_assessment
from lchd_assess.score.elements import element_index
from lchd_assess.score.scoring import Matrix, percentile, resample_indices

import random

OVERALL = "overall"


def bootstrap_reference(
    m: Matrix, elements: dict[str, list[int]], rules, computable: set[str]
) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap over respondents for each computable element and the overall score.

    Each respondent's answers are packed into two big integers (answer sums and valid counts,
    one fixed-width field per item), so a resample's item totals are a sum of a few integers.
    That keeps a pure-Python bootstrap of 2,000 resamples to a few milliseconds per element.
    """
    n = len(m.respondents)
    if n == 0 or not computable:
        return {}
    cfg = rules.interval
    n_items = len(m.items)
    width, code = (16, "H") if 4 * n < 2**16 else (32, "I") if 4 * n < 2**32 else (64, "Q")
    nbytes = n_items * width // 8
    px, pv = [], []
    for row in m.values:
        x = v = 0
        for i, a in enumerate(row):
            if a is not None:
                x |= a << (width * i)
                v |= 1 << (width * i)
        px.append(x)
        pv.append(v)
    big = sys.byteorder == "big"
    mult = rules.scale_multiplier
    order = [e for e in elements if e in computable]
    stats: dict[str, list[float]] = {e: [] for e in order}
    all_eight = len(computable) == len(elements)
    overall: list[float] = []
    # Items of one element are usually contiguous: then a slice and map() do the work in C.
    spans = {
        e: (elements[e][0], elements[e][-1] + 1)
        if elements[e] == list(range(elements[e][0], elements[e][-1] + 1))
        else None
        for e in order
    }
    rng = random.Random(cfg.seed)
    fsum, truediv = math.fsum, operator.truediv
    for _ in range(cfg.resamples):
        pick = resample_indices(rng, n)
        ax = array(code, sum(map(px.__getitem__, pick)).to_bytes(nbytes, "little"))
        av = array(code, sum(map(pv.__getitem__, pick)).to_bytes(nbytes, "little"))
        if big:
            ax.byteswap()
            av.byteswap()
        el_vals = []
        for e in order:
            span = spans[e]
            if span is not None and 0 not in av[span[0] : span[1]]:
                s = fsum(map(truediv, ax[span[0] : span[1]], av[span[0] : span[1]])) / (span[1] - span[0]) * mult
            else:
                means = [ax[i] / av[i] for i in elements[e] if av[i]]
                if not means:
                    continue
                s = fsum(means) / len(means) * mult
            stats[e].append(s)
            el_vals.append(s)
        if all_eight and len(el_vals) == len(order):
            overall.append(fsum(el_vals) / len(el_vals))
    alpha = (1 - cfg.confidence) / 2
    out = {}
    for e, xs in list(stats.items()) + ([(OVERALL, overall)] if all_eight else []):
        if xs:
            xs.sort()
            out[e] = (percentile(xs, alpha), percentile(xs, 1 - alpha))
    return out


def answer_rows(n_items: int, max_respondents: int, min_respondents: int = 1):
    """Hypothesis strategy: ``min_respondents`` to ``max_respondents`` respondents' answers to ``n_items`` items,
    each 0–4 or blank (blanks twice as likely as any one level, as in sparse real waves)."""
    from hypothesis import strategies as st

    answer = st.sampled_from([0, 1, 2, 3, 4, None, None])
    return st.integers(min_value=min_respondents, max_value=max_respondents).flatmap(
        lambda n: st.lists(st.lists(answer, min_size=n_items, max_size=n_items), min_size=n, max_size=n)
    )


# The instrument, rules and answer files the scorer's reference tests share: the current
# instrument's items and elements, its rules (FEW: the same with a 150-resample bootstrap, for
# speed), and every example's and golden case's answer file.
ROOT = Path(__file__).resolve().parent.parent
_A = load_assessment()
INST, RULES = _A.instrument, _A.rules
ITEMS = INST.item_ids()
EL = element_index(INST, ITEMS)
FEW = RULES.model_copy(update={"interval": RULES.interval.model_copy(update={"resamples": 150})})
ANSWER_FILES = sorted((ROOT / "assessments" / "examples").glob("*/responses/*.csv")) + sorted(
    (ROOT / "tests" / "golden" / "score").glob("*/responses/*.csv")
)

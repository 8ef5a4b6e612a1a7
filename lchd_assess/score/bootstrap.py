"""The interval: percentile bootstrap over respondents, from a fixed seed.

Respondents are taken in ``respondent_id`` order and the resamples come from Python's Mersenne
Twister seeded from the scoring rules, so the same answers always give the same interval,
whatever the row order.  The arithmetic is NumPy's (:mod:`.arrays`).
"""

from __future__ import annotations

import math
import random
import sys
from array import array

from .arrays import AnswerArrays
from .elements import OVERALL, Matrix, round_half_up
from .resampling import bootstrap_intervals as on_arrays
from .resampling import plain_error_bound
from ..load.instrument import ScoringRulesFile


_U32 = next(c for c in "IL" if array(c).itemsize == 4)


def resample_indices(rng: random.Random, n: int) -> list[int]:
    """n draws with replacement from range(n): 32 random bits per draw, scaled by
    multiply-and-shift (bias below n / 2**32), about three times faster than rng.choices."""
    draws = array(_U32, rng.getrandbits(32 * n).to_bytes(4 * n, "little"))
    if sys.byteorder == "big":
        draws.byteswap()
    return [(c * n) >> 32 for c in draws]


def bootstrap_intervals(
    m: Matrix,
    elements: dict[str, list[int]],
    rules: ScoringRulesFile,
    computable: set[str],
    answers: AnswerArrays | None = None,
) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap over respondents for each computable element and the overall score.

    The resamples are those :func:`resample_indices` draws from the seed, one after another;
    the arithmetic is NumPy's (:func:`.resampling.bootstrap_intervals`), equal to the plain
    definition bit for bit (``tests/test_score_arrays.py``). ``answers``, the same answers as
    arrays when the caller has them, saves building them again.
    """
    return _intervals(m, elements, rules, computable, answers, plain=False)


def _intervals(
    m: Matrix,
    elements: dict[str, list[int]],
    rules: ScoringRulesFile,
    computable: set[str],
    answers: AnswerArrays | None,
    plain: bool,
) -> dict[str, tuple[float, float]]:
    cfg = rules.interval
    return on_arrays(
        m.values if answers is None else answers.raw,
        len(m.items),
        elements,
        computable,
        resamples=cfg.resamples,
        seed=cfg.seed,
        confidence=cfg.confidence,
        multiplier=rules.scale_multiplier,
        overall=OVERALL,
        plain=plain,
    )


def rounded_intervals(
    m: Matrix,
    elements: dict[str, list[int]],
    rules: ScoringRulesFile,
    computable: set[str],
    answers: AnswerArrays | None = None,
) -> dict[str, tuple[float, float]]:
    """The intervals of :func:`bootstrap_intervals`, rounded to the rules' ``decimals`` (what a
    result shows), equal to rounding the exact ones.

    They are first worked out with plain sums (a quarter less arithmetic), whose interval ends
    lie within :func:`.resampling.plain_error_bound` of the exact ones. Rounding gives the same
    number for every value strictly between two rounding boundaries (the halves: 62.25, 62.35
    … for one decimal), so when no end lies within a hundred times that bound of a boundary,
    rounding the plain ends gives what rounding the exact ones would. Otherwise (an end on or
    near a half, as 62.25 exactly, common with few respondents) the exact intervals are used.
    """
    d = rules.decimals
    fast = _intervals(m, elements, rules, computable, answers, plain=True)
    width = max((len(idx) for idx in elements.values()), default=0)
    tol = 100 * plain_error_bound(width, rules.scale_multiplier, len(elements))
    if any(near_half(x, d, tol) for ends in fast.values() for x in ends):
        fast = _intervals(m, elements, rules, computable, answers, plain=False)
    return {e: (_rounded(lo, d), _rounded(hi, d)) for e, (lo, hi) in fast.items()}


def _rounded(x: float, d: int) -> float:
    r = round_half_up(x, d)
    assert r is not None  # only None for None
    return r


def near_half(x: float, decimals: int, tol: float) -> bool:
    """True when ``x`` lies within ``tol`` of a rounding boundary for ``decimals`` (a half of
    the last decimal kept: 62.25 for one decimal). Scaling by 10**decimals is off by a unit in
    the last place at most, far below any ``tol`` used here."""
    scale = 10.0**decimals
    y = x * scale
    return abs(y - math.floor(y) - 0.5) <= tol * scale

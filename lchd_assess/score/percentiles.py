"""The bootstrap's last steps: element scores from the resamples' sums, the overall score, and
the percentile interval of each (:func:`.resampling.bootstrap_intervals` does the rest).

Pure: arrays and numbers in, intervals out. Same numbers as the plain-Python definition; see
:mod:`.resampling`'s docstring for why, and :func:`plain_error_bound` for plain sums.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np


def compensated_sum(a: np.ndarray) -> np.ndarray:
    """Sum over the first axis, with each addition's rounding error (TwoSum) added back."""
    s = a[0].copy()
    c = np.zeros(a.shape[1:])
    for x in a[1:]:
        t = s + x
        z = t - s
        c += (s - (t - z)) + (x - z)
        s = t
    return s + c


def percentile(sorted_xs: Sequence[float] | np.ndarray, p: float) -> float:
    """Linear interpolation between closest ranks (NumPy's default 'linear' method)."""
    pos = p * (len(sorted_xs) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_xs) - 1)
    frac = pos - lo
    return float(sorted_xs[lo] + (sorted_xs[hi] - sorted_xs[lo]) * frac)


def _total(scores: np.ndarray, plain: bool) -> np.ndarray:
    """Each resample's sum of element scores: added plainly, or compensated (as ``math.fsum``)."""
    return scores.sum(axis=0) if plain else compensated_sum(scores)


def _total_of_rows(scores: np.ndarray, rows: list[int], plain: bool) -> np.ndarray:
    """:func:`_total` of ``scores[rows]``, without copying the rows out when plain: NumPy sums
    two or more columns over the first axis one row after another, as here (a single column
    it sums pairwise, so that one is left to it)."""
    if not plain or scores.shape[1] < 2:
        return _total(scores[rows], plain)
    total = scores[rows[0]].copy()
    for k in rows[1:]:
        total += scores[k]
    return total


def percentile_intervals(
    sums: np.ndarray,
    counts: np.ndarray,
    order: list[str],
    back: list[int],
    n_elements: int,
    confidence: float,
    multiplier: float,
    overall: str,
    plain: bool = False,
) -> dict[str, tuple[float, float]]:
    """Each resample's element scores from its sums of item means and counts of items, the
    overall score where every element has one, and the percentile interval of each.

    ``sums`` has a row per element and one spare row (for the overall score), ``counts`` a row
    per element; the element ``order[k]`` is in row ``back[k]`` of both. ``sums`` is used up."""
    E = len(order)
    has = counts > 0
    alpha = (1 - confidence) / 2
    if has.all():
        # The usual case (every resample drew someone who answered each element): no resample
        # is left out, so no masks and no copies: the scores replace the sums, the overall
        # score goes into the spare row, and every row is sorted and read at once (the same
        # numbers: percentile's arithmetic, element by element).
        scores = sums
        np.divide(sums[:E], counts, out=scores[:E])
        scores[:E] *= multiplier
        if len(order) == n_elements:
            np.divide(_total_of_rows(scores, back, plain), E, out=scores[E])
        else:
            scores = scores[:E]
        scores.sort(axis=1)
        lo, hi = _percentile_rows(scores, alpha), _percentile_rows(scores, 1 - alpha)
        out = {e: (lo[k], hi[k]) for e, k in zip(order, back)}
        if len(order) == n_elements:
            out[overall] = (lo[E], hi[E])
        return out
    sums, counts, has = sums[back], counts[back], has[back]  # rows in `order`
    scores = np.divide(sums, counts, out=np.zeros(sums.shape), where=has) * multiplier
    cols = [(e, scores[k][has[k]]) for k, e in enumerate(order)]
    if len(order) == n_elements:
        every = has.all(axis=0)
        cols.append((overall, _total(scores[:, every], plain) / E))
    out = {}
    for e, xs in cols:
        if len(xs):
            xs = np.sort(xs)
            out[e] = (percentile(xs, alpha), percentile(xs, 1 - alpha))
    return out


def _percentile_rows(sorted_rows: np.ndarray, p: float) -> list[float]:
    """:func:`percentile` of each row (sorted, all of one length), in one pass."""
    n = sorted_rows.shape[1]
    pos = p * (n - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, n - 1)
    frac = pos - lo
    low = sorted_rows[:, lo]
    return (low + (sorted_rows[:, hi] - low) * frac).tolist()  # type: ignore[no-any-return]


#: The unit roundoff of float64.
_U = 2.0**-53


def plain_error_bound(width: int, multiplier: float, n_elements: int) -> float:
    """How far an interval end from ``bootstrap_intervals(..., plain=True)`` can lie from the
    exact one (``plain=False``), for elements of at most ``width`` items.

    Both ways divide the same whole numbers, so the item means are the same bits; each lies in
    [0, 4]. An element's exact sum is correctly rounded (error ≤ u · Σ), a plain sum of w terms
    is within (w − 1) · u · Σ of the true one (Higham, Accuracy and Stability, 2nd ed., §4.2),
    and Σ ≤ 4w: the two sums differ by at most 4w² · u (written 4.04w² · u for the factor
    1 / (1 − w · u)). Dividing by the item count (≥ 1) and multiplying by ``multiplier`` (each
    correctly rounded, and monotone) moves an element score by at most that times
    ``multiplier`` plus two units in the last place of the largest score, 4 · ``multiplier``.
    The overall score, a plain or compensated mean of ``n_elements`` such scores, moves by as
    much plus n_elements + 2 units in the last place. Order statistics move no more than the
    values they are taken from, and the interpolation lo + (hi − lo) · f (0 ≤ f < 1) at most
    triples a move, plus three roundings.
    """
    top = 4.0 * multiplier
    element = 4.04 * width * width * _U * multiplier + 2 * 2 * _U * top
    mean = element + (n_elements + 2) * 2 * _U * top
    return 3 * max(element, mean) + 3 * 2 * _U * top

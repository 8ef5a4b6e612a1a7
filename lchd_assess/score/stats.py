"""Small statistics shared by the scorer, the charts and the portfolio; no heavy imports, so
reading a saved score (``report scores.json``) never loads the scorer."""

from __future__ import annotations

import math
from typing import Sequence


def percentile(sorted_xs: Sequence[float], p: float) -> float:
    """Linear interpolation between closest ranks (numpy's default 'linear' method)."""
    pos = p * (len(sorted_xs) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_xs) - 1)
    frac = pos - lo
    return sorted_xs[lo] + (sorted_xs[hi] - sorted_xs[lo]) * frac


#: 10**d for the usual numbers of decimals: exact doubles.
SCALE = tuple(10.0**d for d in range(8))


def nearest_units(x: float, d: int) -> int | None:
    """The whole number nearest to x · 10**d, when that product is plainly not on a half (more
    than a billionth of its size away); None when it may be, or ``x`` is huge, infinite or NaN,
    or ``d`` is not 0–7.

    The computed product is within half a unit in the last place of the exact one, far less
    than that margin, so both lie strictly between the same two halves and share the nearest
    whole number."""
    if not (abs(x) < 1e15 and 0 <= d < len(SCALE)):
        return None
    y = x * SCALE[d]
    if abs(y - math.floor(y) - 0.5) <= 1e-9 * max(1.0, abs(y)):
        return None
    return round(y)


def round_places(x: float, d: int) -> float:
    """``round(x, d)``: the same double, in a fifth of the time.

    Python's ``round`` writes x's exact value to d decimals and reads that back (an snprintf
    and two conversions, ~0.35 µs; a partnership's result rounds ~60 shares this way). Away
    from a half the whole number k it writes is :func:`nearest_units`, and the double it reads
    back is the one nearest k · 10**-d, which is k / 10**d: one correctly rounded division of
    two exact doubles. Near a half (where ``round`` goes by x's exact binary value), and for
    anything else :func:`nearest_units` declines, ``round`` itself."""
    k = nearest_units(x, d)
    if k is None:
        return round(x, d)
    return math.copysign(k / SCALE[d], x)  # k = 0: round keeps the sign (round(-0.0001, 2) is -0.0)

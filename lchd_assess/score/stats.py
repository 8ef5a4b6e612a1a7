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

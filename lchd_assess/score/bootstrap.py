"""The interval: percentile bootstrap over respondents, from a fixed seed.

Respondents are taken in ``respondent_id`` order and the resamples come from Python's Mersenne
Twister seeded from the scoring rules, so the same answers always give the same interval,
whatever the row order.  The arithmetic is NumPy's (:mod:`.arrays`).
"""

from __future__ import annotations

import random
import sys
from array import array

from .arrays import AnswerArrays
from .arrays import bootstrap_intervals as on_arrays
from .elements import OVERALL, Matrix
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
    the arithmetic is NumPy's (:func:`.arrays.bootstrap_intervals`), equal to the plain
    definition bit for bit (``tests/test_score_arrays.py``). ``answers``, the same answers as
    arrays when the caller has them, saves building them again.
    """
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
    )

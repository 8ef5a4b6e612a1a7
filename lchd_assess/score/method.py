"""The scoring method's settings as a result records them (``ScoreResult.method``).

Apart from the scorer so that the site can word the current rules (context/method.py) without
loading the scorer and NumPy: a forced site build regenerates pages from cached inputs only.
"""

from __future__ import annotations

from . import models as sm
from ..load.scoring_rules import ScoringRulesFile


def method_of(rl: ScoringRulesFile) -> sm.Method:
    """The method's settings, recorded in every result (and worded on the site's scoring page)."""
    return sm.Method(
        interval=f"percentile bootstrap over respondents: {rl.interval.resamples} resamples drawn with Python's Mersenne Twister from the fixed seed {rl.interval.seed}; {rl.interval.confidence:.0%} interval from the {alpha_pct(rl, 0)} and {alpha_pct(rl, 1)} percentiles (linear interpolation); respondents are taken in respondent_id order, so row order never changes the result",
        scale_multiplier=rl.scale_multiplier,
        min_cell_size=rl.min_cell_size,
        min_item_coverage=rl.min_item_coverage,
        min_respondents=rl.min_respondents,
        level_bands=[(b.id, b.label, b.min, b.max) for b in rl.levels],
        gap_thresholds=rl.gap_thresholds,
        meaningful_change=rl.meaningful_change,
        gate_threshold=rl.gate.threshold,
        gate_elements=list(rl.gate.elements),
        gate_cap_level=rl.gate.cap_level,
    )


def alpha_pct(rules: ScoringRulesFile, upper: int) -> str:
    a = (1 - rules.interval.confidence) / 2 * 100
    v = 100 - a if upper else a
    return f"{v:g}th"

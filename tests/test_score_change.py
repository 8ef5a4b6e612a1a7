"""Change between waves, hand-checked numbers, and the interval's arithmetic."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import numpy as np
import pytest

from lchd_assess.load.instrument import load_assessment
from lchd_assess.load.partnership import load_partnership
from lchd_assess.formats.responses import read_responses
from lchd_assess.app.score import framework_context, score_partnership
from lchd_assess.score.scoring import Context, comparable_items, percentile, resample_indices, score_wave

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "score"
A = load_assessment()
CTX = framework_context(A)
INST = A.instrument


def _newer_instrument(changed: list[str]):
    """A made-up instrument 1.2.0 in which the items in ``changed`` changed meaning."""
    items = [i.model_copy(update={"meaning_changed_in": "1.2.0"}) if i.id in changed else i for i in INST.items]
    log = list(INST.changelog) + [
        INST.changelog[0].model_copy(update={"version": "1.2.0", "changes": ["Reworded items."]})
    ]
    return INST.model_copy(update={"version": "1.2.0", "items": items, "changelog": log})


def test_hand_checked_case_scores_75_everywhere():
    r = score_partnership(GOLDEN / "hand-checked")
    # Three respondents answer 2 to everything and three answer 4: every item mean is 3 → 75.
    assert [(e.id, e.score, e.level) for e in r.elements] == [
        (e, 75.0, "ready") for e in ["P1", "P2", "P3", "P4", "FS1", "FS2", "FS3", "FS4", "overall"]
    ]
    assert all(e.sd == pytest.approx(27.4, abs=0.05) for e in r.elements[:8])  # sd of (50,50,50,100,100,100)


def test_change_is_flagged_only_beyond_the_threshold():
    r = score_partnership(GOLDEN / "two-waves")
    flags = {c.id: (c.delta, c.flag) for c in r.change.elements}
    assert flags["FS1"] == (25.0, "improved")
    assert flags["P2"] == (5.0, "no-meaningful-change")
    assert r.change.previous_wave == "2025-baseline"


def test_change_is_never_computed_across_items_whose_meaning_changed():
    folder = GOLDEN / "two-waves"
    newer = _newer_instrument(["FS1.Q1", "FS1.Q2"] + [i.id for i in INST.items if i.element == "P3"])
    ctx = Context(dataclasses.replace(A, instrument=newer), CTX.framework_version, CTX.element_names)
    prev = read_responses(folder / "responses" / "2025-baseline.csv", newer, allow_other_version=True)
    cur = read_responses(folder / "responses" / "2026-followup.csv", newer, allow_other_version=True)
    prev.version, cur.version = "1.0.0", "1.2.0"
    prev.findings.clear()
    cur.findings.clear()
    keep = comparable_items(newer, prev, cur)
    assert "FS1.Q1" not in keep and "FS1.Q3" in keep
    r = score_wave(ctx, "p", load_partnership(folder), cur, ["2025-baseline", "2026-followup"], prev)
    ch = {c.id: c for c in r.change.elements}
    assert ch["P3"].flag == "not-comparable" and "means the same" in ch["P3"].reason
    # FS1 in 1.2.0: Q1 and Q2 changed meaning, Q8 and Q9 are new since 1.0.0 (not in the files):
    # compared on Q3, Q5 and Q6 only.
    assert ch["FS1"].flag == "improved" and "3 items" in ch["FS1"].reason and "4 left out" in ch["FS1"].reason
    assert ch["overall"].flag == "not-comparable"
    # Within the same version nothing is left out.
    same = comparable_items(newer, dataclasses.replace(prev, version="1.2.0"), cur)
    assert same == set(prev.items)


def test_percentile_matches_numpy_linear_interpolation():
    rnd = random.Random(1)
    for _ in range(50):
        xs = sorted(rnd.uniform(0, 100) for _ in range(rnd.randint(1, 300)))
        for p in (0.0, 0.025, 0.5, 0.975, 1.0):
            assert percentile(xs, p) == pytest.approx(float(np.percentile(xs, p * 100)), abs=1e-9)


def test_bootstrap_interval_matches_a_numpy_reference_on_the_same_draws():
    """Re-do the bootstrap for one element with numpy, drawing the same resamples."""
    folder = GOLDEN / "complementary-suppression"
    r = score_partnership(folder)
    res = read_responses(folder / "responses" / "2026-a.csv", INST)
    people = sorted(res.respondents, key=lambda x: x.id)
    items = [i for i in res.items if i.startswith("P2.")]  # the file's own (1.0.0) items
    X = np.array(
        [[p.answers[i] if isinstance(p.answers[i], int) else np.nan for i in items] for p in people], dtype=float
    )
    rng = random.Random(A.rules.interval.seed)
    stats = []
    for _ in range(A.rules.interval.resamples):
        pick = resample_indices(rng, len(people))
        stats.append(float(np.nanmean(np.nanmean(X[pick], axis=0))) * 25)
    lo, hi = np.percentile(stats, [2.5, 97.5])
    p2 = next(e for e in r.elements if e.id == "P2")
    assert p2.interval == (round(lo, 1), round(hi, 1))


def test_resample_indices_are_in_range_and_roughly_uniform():
    rng = random.Random(3)
    counts = [0] * 7
    for _ in range(30000):
        for j in resample_indices(rng, 7):
            assert 0 <= j < 7
            counts[j] += 1
    chi2 = sum((c - 30000) ** 2 / 30000 for c in counts)
    assert chi2 < 22.5  # 6 degrees of freedom: p < 0.001

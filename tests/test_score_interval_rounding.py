"""The interval a result shows comes from plain sums only where that cannot change a printed digit."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lchd_assess.formats.responses import read_responses
from lchd_assess.score import bootstrap
from lchd_assess.score.bootstrap import bootstrap_intervals, near_half, rounded_intervals
from lchd_assess.score.elements import Matrix, element_calc, round_half_up
from lchd_assess.score.resampling import plain_error_bound

from score_reference import ANSWER_FILES, EL, FEW, INST, ITEMS, RULES, answer_rows


def _computable(m: Matrix, rules=RULES) -> set[str]:
    return {e for e, idx in EL.items() if element_calc(m, idx, rules).score is not None}


def _rounded_exact(m, el, rules, comp):
    d = rules.decimals
    return {
        e: (round_half_up(lo, d), round_half_up(hi, d))
        for e, (lo, hi) in bootstrap_intervals(m, el, rules, comp).items()
    }


@pytest.mark.parametrize("path", ANSWER_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_rounded_intervals_equal_the_exact_intervals_rounded_on_every_bundled_answer_file(path):
    m = Matrix.build(ITEMS, read_responses(path, INST, allow_other_version=True).respondents)
    rng = random.Random(path.stem)
    n = len(m.respondents)
    for keep in [list(range(n))] + [sorted(rng.sample(range(n), k)) for k in range(2, n, 5)]:
        sub = m.subset(keep)
        comp = _computable(sub)
        assert rounded_intervals(sub, EL, RULES, comp) == _rounded_exact(sub, EL, RULES, comp)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    answer_rows(len(ITEMS), 30),
    st.integers(0, 2**32 - 1),
    st.integers(0, 2),
)
def test_rounded_intervals_equal_the_exact_intervals_rounded_on_random_answers(rows, seed, decimals):
    rules = FEW.model_copy(update={"decimals": decimals, "interval": FEW.interval.model_copy(update={"seed": seed})})
    m = Matrix(ITEMS, [None] * len(rows), rows)  # type: ignore[list-item]
    comp = _computable(m, rules)
    assert rounded_intervals(m, EL, rules, comp) == _rounded_exact(m, EL, rules, comp)


def test_an_interval_end_exactly_on_a_half_is_taken_from_the_exact_sums(monkeypatch):
    # Everyone answers 1, 0, 0, 0: every resample scores 25 · 1/4 = 6.25, a rounding half.
    rows = [[1, 0, 0, 0]] * 12
    m = Matrix(["A.Q1", "A.Q2", "A.Q3", "A.Q4"], [None] * 12, rows)  # type: ignore[list-item]
    el = {"A": [0, 1, 2, 3]}
    ways = []
    real = bootstrap._intervals
    monkeypatch.setattr(bootstrap, "_intervals", lambda *a, plain: ways.append(plain) or real(*a, plain=plain))
    assert rounded_intervals(m, el, FEW, {"A"}) == {"A": (6.3, 6.3), "overall": (6.3, 6.3)}
    assert ways == [True, False]


def test_plain_sums_are_kept_when_no_end_is_near_a_half(monkeypatch):
    m = Matrix.build(ITEMS, read_responses(ANSWER_FILES[0], INST, allow_other_version=True).respondents)
    ways = []
    real = bootstrap._intervals
    monkeypatch.setattr(bootstrap, "_intervals", lambda *a, plain: ways.append(plain) or real(*a, plain=plain))
    got = rounded_intervals(m, EL, RULES, _computable(m))
    plain = real(m, EL, RULES, _computable(m), None, plain=True)
    tol = 100 * plain_error_bound(max(map(len, EL.values())), RULES.scale_multiplier, len(EL))
    near = [x for ends in plain.values() for x in ends if near_half(x, RULES.decimals, tol)]
    assert not near, f"precondition: this example's interval ends are all clear of a half ({near})"
    assert ways == [True]
    assert got == _rounded_exact(m, EL, RULES, _computable(m))


@pytest.mark.parametrize(
    ("x", "d", "near"),
    [
        (62.25, 1, True),
        (62.2, 1, False),
        (62.3, 1, False),
        (62.25 + 1e-12, 1, True),
        (62.2501, 1, False),
        (0.5, 0, True),
    ],
)
def test_near_half_finds_the_values_rounding_could_send_either_way(x, d, near):
    assert near_half(x, d, 1e-9) is near


def test_plain_interval_ends_stay_within_the_bound_of_the_exact_ones():
    bound = plain_error_bound(max(map(len, EL.values())), RULES.scale_multiplier, len(EL))
    assert bound < 1e-10  # far below the 0.05 between a shown value and a rounding boundary
    for path in ANSWER_FILES:
        m = Matrix.build(ITEMS, read_responses(path, INST, allow_other_version=True).respondents)
        comp = _computable(m)
        exact = bootstrap_intervals(m, EL, RULES, comp)
        plain = bootstrap._intervals(m, EL, RULES, comp, None, plain=True)
        assert plain.keys() == exact.keys()
        for e in exact:
            assert all(abs(p - x) <= bound for p, x in zip(plain[e], exact[e]))

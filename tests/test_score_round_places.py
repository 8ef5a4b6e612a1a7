"""stats.round_places is Python's round(x, d), to the last bit and the sign of zero."""

from __future__ import annotations

import math
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from lchd_assess.score.stats import nearest_units, round_places


def _same(a: float, b: float) -> bool:
    return repr(a) == repr(b) and math.copysign(1.0, a) == math.copysign(1.0, b)


@settings(max_examples=600, deadline=None)
@given(
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False),
        st.floats(-1000, 1000),
        st.tuples(st.integers(0, 5000), st.integers(1, 5000)).map(lambda t: t[0] / t[1]),  # shares
        st.integers(-400_000, 400_000).map(lambda k: k / 4000),
        st.integers(-3_000_000, 3_000_000).map(lambda k: float(Decimal(2 * k + 1) / 2 / Decimal(10) ** (k % 4))),
    ),
    st.integers(-2, 9),
)
def test_rounding_to_places_gives_what_python_round_gives(x, d):
    assert _same(round_places(x, d), round(x, d)), (x, d)


def test_exact_binary_halves_zeros_and_awkward_numbers_round_as_python_does():
    # 0.0625 * 1000 is exactly 62.5: round goes to even (0.062); 2.675 is below its half in binary
    for x in [0.0625, 0.0005, 2.675, 0.145, 1 / 3, 2 / 3, 0.0, -0.0, -0.0001, 1e-300, -5e-324, 1e15, 9.5e14, 123456.5]:
        for d in range(-1, 9):
            assert _same(round_places(x, d), round(x, d)), (x, d)
    for x in [math.inf, -math.inf]:
        assert round_places(x, 3) == x
    assert math.isnan(round_places(math.nan, 3))
    # every half as written, whose product with 10**d may land on, above or below the half
    for d in range(4):
        for k in range(-3000, 3000):
            x = float(Decimal(2 * k + 1) / 2 / Decimal(10) ** d)
            assert _same(round_places(x, d), round(x, d)), (x, d)


def test_a_product_on_or_next_to_a_half_is_left_to_python_round():
    assert nearest_units(0.0625, 3) is None  # 62.5 exactly
    assert nearest_units(2.675, 2) is None  # 267.49999999999997
    assert nearest_units(0.3, 1) == 3 and nearest_units(-0.26, 1) == -3
    assert nearest_units(math.nan, 1) is None and nearest_units(1e16, 1) is None

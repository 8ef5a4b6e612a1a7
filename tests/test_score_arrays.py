"""The scorer's NumPy arithmetic equals its plain-Python definition, to the last bit."""

from __future__ import annotations

import math
import random
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lchd_assess.formats.responses import read_responses
from lchd_assess.score import arrays, resampling
from lchd_assess.score.bootstrap import bootstrap_intervals, resample_indices
from lchd_assess.score.elements import Matrix, answer_codes, answer_kinds, element_calc, round_half_up

from score_reference import ANSWER_FILES, EL, FEW, INST, ITEMS, RULES, answer_rows, bootstrap_reference


def _matrix(path: Path) -> Matrix:
    res = read_responses(path, INST, allow_other_version=True)
    return Matrix.build(ITEMS, res.respondents)


def _computable(m: Matrix, rules=RULES) -> set[str]:
    return {e for e, idx in EL.items() if element_calc(m, idx, rules).score is not None}


def test_resample_counts_are_the_draws_of_resample_indices_one_resample_after_another():
    for n in (1, 2, 7, 25, 300):
        rng_a, rng_b = random.Random(n), random.Random(n)
        counts = resampling.resample_counts(rng_a, n, 40)
        for row in counts:
            expected = Counter(resample_indices(rng_b, n))
            assert {i: int(c) for i, c in enumerate(row) if c} == dict(expected)
        # Both generators are left in the same state: the next block continues the stream.
        assert rng_a.getrandbits(32) == rng_b.getrandbits(32)


@pytest.mark.parametrize("path", ANSWER_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_bootstrap_equals_the_plain_python_definition_on_every_bundled_answer_file(path):
    m = _matrix(path)
    rng = random.Random(path.stem)
    subsets = [list(range(len(m.respondents)))] + [
        sorted(rng.sample(range(len(m.respondents)), k)) for k in range(2, len(m.respondents), 5)
    ]
    for keep in subsets:
        sub = m.subset(keep)
        comp = _computable(sub)
        want = bootstrap_reference(sub, EL, RULES, comp)
        assert bootstrap_intervals(sub, EL, RULES, comp) == want
        # the same from the answers as arrays, as score_wave passes them
        aa = arrays.AnswerArrays(sub.values, len(ITEMS), EL)
        assert bootstrap_intervals(sub, EL, RULES, comp, aa) == want


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    answer_rows(len(ITEMS), 40),
    st.integers(0, 2**32 - 1),
)
def test_bootstrap_equals_the_plain_python_definition_on_random_answers(rows, seed):
    rules = FEW.model_copy(update={"interval": FEW.interval.model_copy(update={"seed": seed})})
    m = Matrix(ITEMS, [None] * len(rows), rows)  # type: ignore[list-item]
    comp = _computable(m, rules)
    assert bootstrap_intervals(m, EL, rules, comp) == bootstrap_reference(m, EL, rules, comp)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    answer_rows(len(ITEMS), 30, min_respondents=0),
    st.randoms(use_true_random=False),
)
def test_subset_statistics_equal_element_calc_on_each_subset(rows, rnd):
    m = Matrix(ITEMS, [None] * len(rows), rows)  # type: ignore[list-item]
    groups = {f"g{j}": sorted(rnd.sample(range(len(rows)), rnd.randint(0, len(rows)))) for j in range(4)}
    got = arrays.AnswerArrays(rows, len(ITEMS), EL).subsets(groups, RULES)
    for g, keep in groups.items():
        for e, idx in EL.items():
            want = element_calc(m.subset(keep), idx, RULES)
            have = got[g][e]
            assert (have.score, have.reason, have.n_respondents, have.coverage, have.item_means) == (
                want.score,
                want.reason,
                want.n_respondents,
                want.coverage,
                want.item_means,
            )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    answer_rows(len(ITEMS), 30, min_respondents=0),
    st.randoms(use_true_random=False),
    st.sampled_from([RULES, RULES.model_copy(update={"min_item_coverage": 0.2, "min_respondents": 1})]),
)
def test_subset_scores_equal_the_scores_and_counts_of_subsets(rows, rnd, rules):
    groups = {f"g{j}": sorted(rnd.sample(range(len(rows)), rnd.randint(0, len(rows)))) for j in range(5)}
    aa = arrays.AnswerArrays(rows, len(ITEMS), EL)
    full = aa.subsets(groups, rules)
    scores, answered = aa.subset_scores(groups, rules)
    for g, key in enumerate(groups):
        assert scores[g] == [full[key][e].score for e in EL]
        assert answered[g] == [full[key][e].n_respondents for e in EL]


def test_compensated_sum_equals_fsum_on_short_sums_of_ratios():
    import numpy as np

    rnd = random.Random(4)
    rows = [[rnd.randint(0, 100) / rnd.randint(1, 40) for _ in range(rnd.randint(1, 12))] for _ in range(3000)]
    width = max(len(r) for r in rows)
    a = np.zeros((width, len(rows)))
    for j, r in enumerate(rows):
        a[: len(r), j] = r
    assert resampling.compensated_sum(a).tolist() == [math.fsum(r) for r in rows]


def test_bootstrap_of_nobody_and_of_nothing_computable_is_empty():
    assert (
        resampling.bootstrap_intervals(
            [], len(ITEMS), EL, set(EL), resamples=10, seed=1, confidence=0.95, multiplier=25, overall="overall"
        )
        == {}
    )
    m = _matrix(ANSWER_FILES[0])
    assert bootstrap_intervals(m, EL, RULES, set()) == {}


def test_the_same_seed_gives_the_same_interval_and_another_seed_another():
    m = _matrix(ANSWER_FILES[0])
    comp = _computable(m)
    a = bootstrap_intervals(m, EL, RULES, comp)
    assert a == bootstrap_intervals(m, EL, RULES, comp)
    other = RULES.model_copy(update={"interval": RULES.interval.model_copy(update={"seed": RULES.interval.seed + 1})})
    assert bootstrap_intervals(m, EL, other, comp) != a


def _round_by_decimal(x: float, d: int) -> float:
    """The rule in its plain form: the number as written, rounded half away from zero."""
    return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)) + 0.0


@pytest.mark.parametrize("x", [0.15, 0.25, 2.675, 81.25, 59.95, 99.95, -0.05, -0.04, 0.0, -0.0, 1e-7, 1e20, 62.5])
@pytest.mark.parametrize("d", [0, 1, 2, 3])
def test_rounding_gives_the_plain_rule_on_ties_and_awkward_numbers(x, d):
    assert repr(round_half_up(x, d)) == repr(_round_by_decimal(x, d))


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.floats(-200, 200, allow_nan=False),
        st.integers(0, 400_000).map(lambda k: k / 4000),
        st.integers(0, 10_000).map(lambda k: k / 3 * 25 / 7),
    ),
    st.integers(0, 3),
)
def test_rounding_gives_the_plain_rule_on_any_score(x, d):
    assert repr(round_half_up(x, d)) == repr(_round_by_decimal(x, d))


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.floats(-1e6, 1e6, allow_nan=False),
        st.integers(-400_000, 400_000).map(lambda k: k / 4000),
        st.integers(-20_000, 20_000).map(lambda k: (2 * k + 1) / 2000),
    ),
    st.integers(0, 3),
)
def test_rounding_a_rounded_number_again_leaves_it_as_it_is(x, d):
    # the scorer takes the bootstrap's interval ends as rounded_intervals rounded them, without
    # rounding them a second time
    r = round_half_up(x, d)
    assert repr(round_half_up(r, d)) == repr(r)


def test_every_tie_as_written_rounds_half_away_from_zero():
    # 0.145 is 0.14499999999999999 in binary, and 0.145 * 100 is 14.499999999999998: still a
    # tie as written, rounded to 0.15 (not Python's 0.14)
    assert round_half_up(0.145, 2) == 0.15 and round_half_up(-2.175, 2) == -2.18
    for d in range(4):
        for k in range(-3000, 3000):
            x = float(Decimal(2 * k + 1) / 2 / Decimal(10) ** d)
            assert repr(round_half_up(x, d)) == repr(_round_by_decimal(x, d)), (x, d)


@settings(max_examples=400, deadline=None)
@given(st.integers(-2_000_000, 2_000_000), st.integers(0, 3), st.integers(-4, 4), st.integers(-3, 3))
def test_rounding_numbers_on_and_next_to_a_half_gives_the_plain_rule(k, d, ulps, near):
    # k + 0.5 units of the d-th decimal, as written, and its neighbours a few units in the
    # last place away, and a little further (the ones the quick check must still send to repr)
    x = float(Decimal(2 * k + 1) / 2 / Decimal(10) ** d)
    for _ in range(abs(ulps)):
        x = math.nextafter(x, math.copysign(math.inf, ulps))
    x += near * abs(x) * 1e-10
    assert repr(round_half_up(x, d)) == repr(_round_by_decimal(x, d))


def _kinds_plain(respondents, items):
    """Each answer's kind, the way the scorer used to count them."""
    code = {"DK": arrays.DONT_KNOW, "NA": arrays.NOT_APPLICABLE}
    return [
        [
            arrays.VALID if isinstance(a := r.answers.get(i), int) else arrays.BLANK if a is None else code[a]
            for i in items
        ]
        for r in respondents
    ]


def _dk_rate_plain(respondents, item_ids):
    """Share of the given answers (0–4, DK or NA; blanks left out) that were DK, or None."""
    given = dk = 0
    for r in respondents:
        for i in item_ids:
            a = r.answers.get(i)
            if a is None:
                continue
            given += 1
            dk += a == "DK"
    return round(dk / given, 3) if given else None


@pytest.mark.parametrize("path", ANSWER_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_array_statistics_equal_their_plain_definitions_on_every_bundled_answer_file(path):
    m = _matrix(path)
    kinds = answer_kinds(m.respondents, ITEMS)
    assert kinds == _kinds_plain(m.respondents, ITEMS)
    aa = arrays.AnswerArrays(m.values, len(ITEMS), EL, kinds=kinds)
    # per item: valid, DK, NA, blank
    for i, item in enumerate(ITEMS):
        col = [r.answers.get(item) for r in m.respondents]
        assert aa.answer_counts()[i] == [
            sum(isinstance(a, int) for a in col),
            col.count("DK"),
            col.count("NA"),
            col.count(None),
        ]
    # per respondent and element: the mean of their valid answers × the multiplier
    per = aa.respondent_scores(RULES.scale_multiplier)
    for row, scores in zip(m.values, per):
        for k, idx in enumerate(EL.values()):
            vs = [row[i] for i in idx if row[i] is not None]
            assert scores[k] == (math.fsum(vs) / len(vs) * RULES.scale_multiplier if vs else None)
    # don't-know rates of random subsets
    rnd = random.Random(path.name)
    groups = {f"g{j}": sorted(rnd.sample(range(aa.n), rnd.randint(0, aa.n))) for j in range(5)}
    rates = aa.dont_know_rates(groups)
    for g, keep in groups.items():
        for e, idx in EL.items():
            assert rates[g][e] == _dk_rate_plain([m.respondents[n] for n in keep], [ITEMS[i] for i in idx])


@pytest.mark.parametrize("path", ANSWER_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_answer_arrays_from_answer_bytes_equal_those_from_values_and_kinds(path):
    import numpy as np

    m = _matrix(path)
    codes = answer_codes(m.respondents, ITEMS)
    assert codes is not None and len(codes) == len(m.respondents) * len(ITEMS)
    plain = arrays.AnswerArrays(m.values, len(ITEMS), EL, kinds=answer_kinds(m.respondents, ITEMS))
    fast = arrays.AnswerArrays(m.values, len(ITEMS), EL, codes=codes)
    for name in ("raw", "X", "V", "kinds", "valid_per_element"):
        a, b = getattr(plain, name), getattr(fast, name)
        assert a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b), name


def test_a_whole_number_outside_0_to_4_still_counts_as_a_valid_answer_as_before():
    # Only the reader's values (0–4, DK, NA, blank) are in the fast tables; anything else takes
    # the plain way, which treats any whole number as a valid answer, as the scorer always has.
    from lchd_assess.score.models import Respondent

    r = Respondent("R01", "housing", "staff", {ITEMS[0]: 7, ITEMS[1]: "DK", ITEMS[2]: 3}, {}, 2)
    m = Matrix.build(ITEMS, [r])
    assert m.values[0][:4] == [7, None, 3, None]
    assert answer_kinds([r], ITEMS)[0][:4] == [arrays.VALID, arrays.DONT_KNOW, arrays.VALID, arrays.BLANK]
    assert answer_codes([r], ITEMS) is None  # 7 has no byte: the plain way


def test_answer_bytes_are_the_same_whatever_order_the_answers_were_read_in():
    # Answers read in instrument order are taken in the dict's order; any other order (columns
    # moved, an item missing, an extra key) is looked up item by item: the same bytes either way.
    from lchd_assess.score.models import Respondent

    cells = [0, 1, 2, 3, 4, "DK", "NA", None]
    answers = {item: cells[n % len(cells)] for n, item in enumerate(ITEMS)}
    orders = [
        answers,
        dict(reversed(answers.items())),
        {k: v for k, v in answers.items() if k != ITEMS[5]},
        {**answers, "retired-item": 4},
    ]
    rs = [Respondent(f"R{n}", "housing", "staff", a, {}, 2) for n, a in enumerate(orders)]
    one_by_one = bytes(
        7 if a.get(i) is None else {"DK": 5, "NA": 6}.get(a.get(i), a.get(i)) for a in orders for i in ITEMS
    )
    assert answer_codes(rs, ITEMS) == one_by_one


@pytest.mark.parametrize("n", [3, resampling.CACHED_UP_TO, resampling.CACHED_UP_TO + 1])
def test_draw_blocks_are_the_resamples_in_order_whether_kept_or_not(n):
    import numpy as np

    blocks = resampling.draw_blocks(7, n, 300, 128)
    assert [b.shape[1] for b in blocks] == [128, 128, 44]
    whole = resampling.resample_counts(random.Random(7), n, 300)
    assert np.array_equal(np.concatenate(blocks, axis=1).T, whole)
    assert all(not b.flags.writeable for b in blocks)


def test_bootstrap_equals_the_plain_definition_when_some_resamples_draw_nobody_who_answered_an_element():
    # One element answered by only the minimum number of respondents out of 25: about one
    # resample in twenty draws none of them, and that element (and the overall score) leaves
    # those resamples out, which the arithmetic takes a path of its own for.
    first = next(iter(EL))
    few = set(range(RULES.min_respondents))
    rows = [[None if (i in EL[first] and r not in few) else (r + i) % 5 for i in range(len(ITEMS))] for r in range(25)]
    m = Matrix(ITEMS, [None] * len(rows), rows)  # type: ignore[list-item]
    comp = _computable(m, FEW)
    assert first in comp and len(comp) == len(EL)
    got = bootstrap_intervals(m, EL, FEW, comp)
    assert got == bootstrap_reference(m, EL, FEW, comp)
    assert set(got) == comp | {"overall"}


def _both_ways(m: Matrix, rules, comp):
    """The intervals with sums and counts packed into one product, and as two halves."""
    packed = bootstrap_intervals(m, EL, rules, comp)
    keep = resampling.PACKED_LIMIT
    resampling.PACKED_LIMIT = 0  # no product is small enough to pack: two halves
    try:
        halves = bootstrap_intervals(m, EL, rules, comp)
    finally:
        resampling.PACKED_LIMIT = keep
    return packed, halves


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(answer_rows(len(ITEMS), 70), st.integers(0, 2**32 - 1))
def test_sums_and_counts_packed_in_one_product_give_the_bits_of_the_two_halves(rows, seed):
    # up to 70 respondents: the count's bits run from 1 to 7 (31, 32, 63, 64 respondents...)
    rules = FEW.model_copy(update={"interval": FEW.interval.model_copy(update={"seed": seed})})
    m = Matrix(ITEMS, [None] * len(rows), rows)  # type: ignore[list-item]
    comp = _computable(m, rules)
    packed, halves = _both_ways(m, rules, comp)
    assert packed == halves == bootstrap_reference(m, EL, rules, comp)


def test_whole_numbers_above_4_are_packed_only_while_the_product_stays_exact():
    import numpy as np

    assert resampling.packing_shift(25, 4.0, np.float32) == 5  # 2**5 > 25 draws
    assert resampling.packing_shift(32, 4.0, np.float32) == 6
    assert resampling.packing_shift(2000, 4.0, np.float32) == 11  # 2000 · (4 · 2048 + 1) < 2**24
    assert resampling.packing_shift(2100, 4.0, np.float32) == 0
    assert resampling.packing_shift(25, 4.0, np.float64) == 0
    assert resampling.packing_shift(25, 300_000.0, np.float32) == 0
    # an answer file's stray 9 or 300 (valid answers to the scorer) gives the same bits both ways
    rows = [[(r * 7 + i) % 5 for i in range(len(ITEMS))] for r in range(25)]
    rows[3][0], rows[8][5] = 9, 300
    m = Matrix(ITEMS, [None] * len(rows), rows)  # type: ignore[list-item]
    comp = _computable(m, RULES)
    packed, halves = _both_ways(m, RULES, comp)
    assert packed == halves == bootstrap_reference(m, EL, RULES, comp)


# Elements of one item, of two, and of several, in an order that is not the widest first: the
# sums are laid out slot by slot (widest first) and read back per element.
_LAYOUTS = [
    {"A": [0], "B": [1, 2], "C": [3, 4, 5, 6, 7]},
    {"A": [4], "B": [2], "C": [0]},
    {"A": [1, 3], "B": [0, 2, 4, 6], "C": [5], "D": [7, 8, 9]},
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(answer_rows(10, 30), st.integers(0, 2**32 - 1), st.sampled_from(_LAYOUTS))
def test_elements_of_one_item_and_of_several_give_the_plain_definition_exactly_and_plain_sums_within_their_bound(
    rows, seed, el
):
    rules = FEW.model_copy(update={"interval": FEW.interval.model_copy(update={"seed": seed})})
    m = Matrix(ITEMS[:10], [None] * len(rows), rows)  # type: ignore[list-item]
    comp = {e for e, idx in el.items() if element_calc(m, idx, rules).score is not None}
    exact = bootstrap_intervals(m, el, rules, comp)
    assert exact == bootstrap_reference(m, el, rules, comp)
    plain = resampling.bootstrap_intervals(
        m.values,
        10,
        el,
        comp,
        resamples=rules.interval.resamples,
        seed=seed,
        confidence=rules.interval.confidence,
        multiplier=rules.scale_multiplier,
        overall="overall",
        plain=True,
    )
    assert plain.keys() == exact.keys()
    bound = resampling.plain_error_bound(max(map(len, el.values())), rules.scale_multiplier, len(el))
    for e, ends in exact.items():
        assert all(abs(p - x) <= bound for p, x in zip(plain[e], ends))
        if e != "overall" and len(el[e]) == 1:
            assert plain[e] == ends  # one item: nothing is added, so nothing is rounded differently


def test_items_share_a_number_of_the_product_only_while_their_fields_cannot_overlap():
    import numpy as np

    f32 = np.float32
    # 25 draws of 4: 25 · (4 · 32 + 1) = 3,225 < 2**12, two fields of 12 bits in 24
    assert resampling.packing(25, 4.0, f32) == resampling.Packing(shift=5, width=12, fields=2)
    assert resampling.packing(31, 4.0, f32) == resampling.Packing(5, 12, 2)  # 3,999 < 4,096
    assert resampling.packing(32, 4.0, f32) == resampling.Packing(6, 14, 1)  # 8,224: one a number
    assert resampling.packing(3, 4.0, f32) == resampling.Packing(2, 6, 4)
    assert resampling.packing(25, 300.0, f32).fields == 1
    assert resampling.packing(25, 4.0, np.float64) == resampling.Packing(0, 0, 0)  # two halves


@pytest.mark.parametrize("n", [1, 2, 3, 7, 8, 15, 16, 25, 31, 32, 40])
def test_every_field_of_the_packed_product_at_its_largest_gives_the_bits_of_the_two_halves(n):
    # Everyone gives the top answer to every item: each item's field reaches n · (4 · 2**shift + 1)
    # in every resample, its largest value; one bit too few per field would carry into the next.
    rows = [[4] * len(ITEMS) for _ in range(n)]
    rows[0][3] = 9  # and one stray larger answer, which the fields must hold too
    m = Matrix(ITEMS, [None] * n, rows)  # type: ignore[list-item]
    comp = _computable(m, FEW)
    packed, halves = _both_ways(m, FEW, comp)
    assert packed == halves == bootstrap_reference(m, EL, FEW, comp)

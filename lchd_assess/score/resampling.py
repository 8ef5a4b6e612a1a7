"""The percentile bootstrap's arithmetic: one matrix product per block of resamples.

Pure: takes the answers as an array (respondents in ``respondent_id`` order, items in instrument
order, -1 for no valid answer) and numbers from the scoring rules; reads no files.

Same numbers as the plain-Python definition (``tests/test_score_arrays.py`` compares them on
random matrices, bit for bit), unless a caller asks for plain sums (``plain=True``, see
:func:`plain_error_bound`):

* item means are integer sums divided by integer counts, exactly as ``fsum(ints) / len``;
* sums of a few floats (item means of one element, element scores of one resample) use a
  compensated sum (Knuth's TwoSum error terms added back), which gives ``math.fsum``'s correctly
  rounded result for sums this short and this well-conditioned (all terms are non-negative);
* the bootstrap draws the very same resamples as :func:`.bootstrap.resample_indices`: one call
  ``getrandbits(32 * n * r)`` yields the same 32-bit words, in the same order, as ``r`` calls of
  ``getrandbits(32 * n)`` (CPython fills the words least significant first, and 32 · n is a whole
  number of words), and ``(c * n) >> 32`` equals ``floor(c * (n / 2**32))`` in float64 because
  ``c * n < 2**53`` is exact and the division by 2**32 only moves the exponent;
* the product packs each item's sum and count (and, for few respondents, two or more items) into
  whole numbers below 2**24, which float32 holds exactly, fields that cannot overlap (see
  :func:`packing`);
* counts of items are kept as floats: whole numbers this small convert exactly, so dividing by
  one is the same division as by the integer;
* the plain sums (``plain=True``) are added in the order NumPy's ``sum(axis=0)`` adds them (one
  row after another for two or more columns), so they keep their bits as well as their bound.
"""

from __future__ import annotations

import functools
import math
import os
import random
import threading
from typing import Mapping, NamedTuple, Sequence


# BLAS threads cost more than they save on matrices this small, and on a shared machine a
# thread that waits for a busy core stalls every product (measured: 0.15 ms alone, 15 ms with
# the other core busy). Only takes effect when nothing imported NumPy before us.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

#: Resamples per block: large enough that NumPy's per-call cost is paid a couple of times per
#: partnership, not dozens (measured: 128 → 1,024 took the bootstrap from 1.9 to 1.4 ms), small
#: enough that a block's arrays stay in the processor cache.
BLOCK = 1024


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


def _slot_layout(
    elements: Mapping[str, Sequence[int]], order: list[str]
) -> tuple[list[int], list[int], list[tuple[int, int]]]:
    """Items laid out slot by slot (slot j: each element's j-th item), elements widest first,
    so that slot j belongs to the first E_j elements: no padding, and each slot's additions run
    over a prefix of the elements (a padded layout adds zeros there, which change nothing).

    Returns the elements' positions in ``order``, widest first; the item of each row; and per
    slot (its first row, E_j).
    """
    by_width = sorted(range(len(order)), key=lambda k: -len(elements[order[k]]))
    widths = [len(elements[order[k]]) for k in by_width]
    rows: list[int] = []
    slots: list[tuple[int, int]] = []
    for j in range(widths[0]):
        ej = sum(1 for w in widths if w > j)
        slots.append((len(rows), ej))
        rows.extend(elements[order[k]][j] for k in by_width[:ej])
    return by_width, rows, slots


def _slot_sums(ax: np.ndarray, slots: list[tuple[int, int]]) -> np.ndarray:
    """Per element, the compensated sum (as :func:`compensated_sum`) of its rows, slot by slot:
    slot j holds rows ``start .. start + E_j`` for the first E_j elements."""
    start, ej = slots[0]
    s = ax[start : start + ej].copy()
    c = np.zeros(s.shape)
    for start, ej in slots[1:]:
        x, sj, cj = ax[start : start + ej], s[:ej], c[:ej]
        t = sj + x
        z = t - sj
        cj += (sj - (t - z)) + (x - z)
        sj[...] = t
    return s + c


def _plain_slot_sums(ax: np.ndarray, slots: list[tuple[int, int]]) -> np.ndarray:
    """The sums of :func:`_slot_sums` added plainly, in the same order (in a scratch array, see
    :func:`_scratch`): each result within a few units in the last place of the compensated one
    (see :func:`plain_error_bound`). The first two slots are added straight into the result (no
    copy of the first slot first); elements of a single item take their one row."""
    (a, e0), (b, e1) = slots[0], slots[1] if len(slots) > 1 else (0, 0)
    s = _scratch(4, (e0, ax.shape[1]), np.float64)
    s[e1:] = ax[a + e1 : a + e0]
    np.add(ax[a : a + e1], ax[b : b + e1], out=s[:e1])
    for start, ej in slots[2:]:
        s[:ej] += ax[start : start + ej]
    return s


def percentile(sorted_xs: Sequence[float] | np.ndarray, p: float) -> float:
    """Linear interpolation between closest ranks (NumPy's default 'linear' method)."""
    pos = p * (len(sorted_xs) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_xs) - 1)
    frac = pos - lo
    return float(sorted_xs[lo] + (sorted_xs[hi] - sorted_xs[lo]) * frac)


def resample_counts(rng: random.Random, n: int, r: int) -> np.ndarray:
    """How often each of ``n`` respondents is drawn in each of ``r`` resamples, shape (r, n).

    The draws of :func:`.bootstrap.resample_indices` called ``r`` times (see the module docstring).
    """
    return _draw_counts(rng, n, r).astype(float)


def _draw_counts(rng: random.Random, n: int, r: int) -> np.ndarray:
    """:func:`resample_counts` as whole numbers (int64)."""
    raw = rng.getrandbits(32 * n * r).to_bytes(4 * n * r, "little")
    # (c * n) >> 32 in 64-bit integers: the floor(c * (n / 2**32)) of the module docstring,
    # without a float array and its conversion back (a fifth of the time of these lines).
    pick = np.right_shift(np.frombuffer(raw, dtype="<u4").astype(np.int64) * n, 32).reshape(r, n)
    pick += np.arange(0, r * n, n)[:, None]  # resample k's draws count in row k
    return np.bincount(pick.ravel(), minlength=r * n).reshape(r, n)


def exact_dtype(n: int) -> type[np.floating]:
    """float32 for the bootstrap's product when it is exact, else float64.

    Every entry of the product is a whole number at most 4 · n (a resample's draws add up to n
    and an answer is at most 4), and float32 holds every whole number below 2**24 exactly, so
    for fewer than 4 million respondents the product is the same in float32, at half the cost
    (the divisions after it are in float64, as by hand).
    """
    return np.float32 if 4 * n < 2**24 else np.float64


def draw_blocks(seed: int, n: int, resamples: int, block: int) -> tuple[np.ndarray, ...]:
    """The draw counts of each block of resamples, transposed for the product (n × block), read-only.

    They depend only on the seed, the number of respondents and the number of resamples, so a
    portfolio of partnerships of one size draws them once: kept for up to 32 sizes of at most
    :data:`CACHED_UP_TO` respondents (1.6 MB each for 2,000 resamples; 51 MB at most).
    """
    if n <= CACHED_UP_TO:
        return _cached_draw_blocks(seed, n, resamples, block)
    return _draw_blocks(seed, n, resamples, block)


#: Partnerships up to this many respondents keep their draws (see :func:`draw_blocks`).
CACHED_UP_TO = 200


def _draw_blocks(seed: int, n: int, resamples: int, block: int) -> tuple[np.ndarray, ...]:
    rng = random.Random(seed)
    out = []
    dtype = exact_dtype(n)
    for s0 in range(0, resamples, block):
        drawn = np.ascontiguousarray(_draw_counts(rng, n, min(block, resamples - s0)).T, dtype=dtype)
        drawn.flags.writeable = False
        out.append(drawn)
    return tuple(out)


_cached_draw_blocks = functools.lru_cache(maxsize=32)(_draw_blocks)


def bootstrap_intervals(
    values: Sequence[Sequence[int | None]] | np.ndarray,
    n_items: int,
    elements: Mapping[str, Sequence[int]],
    computable: set[str],
    *,
    resamples: int,
    seed: int,
    confidence: float,
    multiplier: float,
    overall: str,
    plain: bool = False,
) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap over respondents for each computable element and the overall score.

    Per resample, an element's score is the mean of its items' means over the drawn respondents
    (items nobody drawn answered are left out; a resample where none of its items was answered
    gives no value); the overall score is the mean of the element scores, only in resamples
    where every element has one and only when every element is computable.  The resamples'
    item sums and counts are one product: (resamples × respondents) draw counts times
    (respondents × items) answers.

    ``plain``: sums of item means and of element scores added plainly rather than compensated,
    so each value may differ from the exact one by a few units in the last place (bounded by
    :func:`plain_error_bound`); for callers that round the result and check that no rounding
    boundary is that close (:func:`.bootstrap.rounded_intervals`).
    """
    n = len(values)
    order = [e for e in elements if e in computable]
    if n == 0 or not order:
        return {}
    E = len(order)
    dtype = exact_dtype(n)
    key = (tuple((e, tuple(idx)) for e, idx in elements.items()), tuple(order), dtype)
    by_width, rows, slots, member, widths = _layout(key)
    R = len(rows)
    YT, pk = _operand(values, rows, dtype)
    # Rows widest element first (the slot layout's order), one more for the overall score; the
    # counts are whole numbers, as floats so that dividing by them needs no conversion.
    sums = np.empty((E + 1, resamples))
    counts = np.empty((E, resamples))
    s0 = 0
    for drawn in draw_blocks(seed, n, resamples, BLOCK):
        r = drawn.shape[1]
        ay, av = _sums_and_counts(YT, drawn, R, pk)
        if av.min() > 0:
            # The usual case: every item has someone drawn who answered it, in every resample
            # of the block, so each element counts all its items (no product, no clamping).
            counts[:, s0 : s0 + r] = widths
        else:
            counts[:, s0 : s0 + r] = member @ (av > 0).astype(dtype)
            # An item nobody drawn answered has sum 0 and count 0: 0 / 1 adds nothing.
            np.maximum(av, 1, out=av)
        ax = np.divide(ay, av, dtype=np.float64, out=_scratch(1, (R, r), np.float64))
        # (sums in a contiguous array first: added into a slice of `sums`, NumPy would buffer each addition)
        sums[:E, s0 : s0 + r] = _plain_slot_sums(ax, slots) if plain else _slot_sums(ax, slots)
        s0 += r
    back = np.argsort(by_width).tolist()  # back[k]: the row of order[k]
    return _percentile_intervals(sums, counts, order, back, len(elements), confidence, multiplier, overall, plain)


def _sums_and_counts(YT: np.ndarray, drawn: np.ndarray, R: int, pk: Packing) -> tuple[np.ndarray, np.ndarray]:
    """Per item (R rows) and resample of the block: the sum of the drawn answers and how many
    were drawn who answered, whole numbers (in scratch arrays, see :func:`_scratch`)."""
    r = drawn.shape[1]
    if pk.shift:
        # One product gives 2**shift · sum + count per item and resample, ``fields`` items to
        # a number (see packing), split again with whole-number shifts and masks: a half or
        # less of the product's work.
        rows = YT.shape[0]
        product = np.matmul(YT, drawn, out=_scratch(0, (rows, r), drawn.dtype.type))
        packed = _scratch(3, (pk.fields * rows, r), np.int32)
        if pk.fields == 1:
            np.copyto(packed, product, casting="unsafe")
        else:
            whole = _scratch(5, (rows, r), np.int32)
            np.copyto(whole, product, casting="unsafe")
            for f in range(pk.fields):  # field f holds items f · rows … (f + 1) · rows - 1
                part = packed[f * rows : (f + 1) * rows]
                low = np.right_shift(whole, pk.width * f, out=part) if f else whole
                if f < pk.fields - 1:  # the top field has nothing above it
                    np.bitwise_and(low, (1 << pk.width) - 1, out=part)
            packed = packed[:R]  # (the last field's spare rows are left out)
        ay = np.right_shift(packed, pk.shift, out=_scratch(2, (R, r), np.int32))
        return ay, np.bitwise_and(packed, (1 << pk.shift) - 1, out=packed)
    A = np.matmul(YT, drawn, out=_scratch(0, (2 * R, r), drawn.dtype.type))  # whole numbers, exact (see exact_dtype)
    return A[:R], A[R:]


def packing_shift(n: int, top: float, dtype: type[np.floating]) -> int:
    """The bits that hold a count in the packed product, or 0 to take sums and counts as two
    halves of the product (``n`` respondents, ``top`` the largest valid answer).

    Packed, each valid answer a is ``2**shift · a + 1`` (0 when none is valid), so a resample's
    product for an item is ``2**shift · sum + count``: the count, at most ``n`` draws, fits in
    the low ``shift`` bits (``2**shift > n``) and the two come apart with a shift and a mask.
    Exact while every partial sum is a whole number that float32 and int32 hold (below 2**24):
    for 0–4 answers, up to about 2,000 respondents; beyond that, or in float64, the two halves.
    """
    shift = n.bit_length()
    return shift if dtype is np.float32 and n * (top * (1 << shift) + 1) < PACKED_LIMIT else 0


#: Whole numbers below this are exact in float32 (and in int32).
PACKED_LIMIT = 2**24


class Packing(NamedTuple):
    """How the bootstrap's product holds each item's sum and count (see :func:`packing`)."""

    shift: int  # bits of a count (packing_shift); 0: sums and counts as two halves of the product
    width: int  # bits of one item's 2**shift · sum + count
    fields: int  # items to one number of the product


def packing(n: int, top: float, dtype: type[np.floating]) -> Packing:
    """:func:`packing_shift`, and how many items share one number of the product.

    An item's ``2**shift · sum + count`` is at most ``n · (2**shift · top + 1)`` (all ``n``
    draws of the largest answer), below ``2**width``; so ``fields`` items side by side, item
    f's value times ``2**(width · f)``, never overlap, and their total stays below
    ``2**(width · fields)`` ≤ 2**24, exact in float32 (as is every partial sum, all being whole
    numbers no larger). For 0–4 answers: two items to a number up to 31 respondents, one
    from 32 (a third of the product's work and of its output for 25 respondents).
    """
    shift = packing_shift(n, top, dtype)
    if not shift:
        return Packing(0, 0, 0)
    width = (n * (int(top) * (1 << shift) + 1)).bit_length()
    return Packing(shift, width, (PACKED_LIMIT.bit_length() - 1) // width)


def _operand(
    values: Sequence[Sequence[int | None]] | np.ndarray, rows: list[int], dtype: type[np.floating]
) -> tuple[np.ndarray, Packing]:
    """The answers of the laid-out ``rows`` for the product, and how it is packed
    (:func:`packing`): packed, ``fields`` items to a row (⌈R / fields⌉ × respondents; item
    f · rows + q in row q); else sums, then valid counts (2R × respondents)."""
    if isinstance(values, np.ndarray):  # AnswerArrays.raw: -1 where no valid answer
        raw = values[:, rows]
    else:
        raw = np.array([[-1 if a is None else a for a in row] for row in values], dtype=float)[:, rows]
    valid = raw >= 0
    pk = packing(len(raw), float(raw.max(initial=0.0)), dtype)
    if not pk.shift:
        return np.concatenate([np.where(valid, raw, 0.0), valid], axis=1).T.astype(dtype), pk
    one = np.where(valid, raw, 0.0) * (1 << pk.shift) + valid  # each below 2**width
    per = -(-len(rows) // pk.fields)
    packed = np.zeros((len(raw), per))
    for f in range(pk.fields):  # whole numbers below 2**24: exact
        part = one[:, f * per : (f + 1) * per]
        packed[:, : part.shape[1]] += part * float(1 << (pk.width * f))
    return packed.T.astype(dtype), pk


@functools.lru_cache(maxsize=64)
def _layout(
    key: tuple[tuple[tuple[str, tuple[int, ...]], ...], tuple[str, ...], type[np.floating]],
) -> tuple[list[int], list[int], list[tuple[int, int]], np.ndarray, np.ndarray]:
    """For the elements, the computable ones (``order``) and the product's type: the slot
    layout (:func:`_slot_layout`), which element (widest first) each row belongs to, and each
    element's number of items. The same for every wave of one instrument version (made once,
    read-only: a portfolio scores thousands of waves)."""
    pairs, order, dtype = key
    elements = {e: list(idx) for e, idx in pairs}
    by_width, rows, slots = _slot_layout(elements, list(order))
    member = np.zeros((len(order), len(rows)), dtype=dtype)
    for start, ej in slots:
        member[np.arange(ej), np.arange(start, start + ej)] = 1
    widths = np.array([len(elements[order[k]]) for k in by_width], dtype=float)[:, None]  # as the counts take them
    member.flags.writeable = widths.flags.writeable = False
    return by_width, rows, slots, member, widths


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


def _scratch(slot: int, shape: tuple[int, int], dtype: type[np.number]) -> np.ndarray:
    """A contiguous array of ``shape`` for a block's product, quotients or sums, reused from call to
    call (its contents never outlive the block). A fresh array this size (half a megabyte) comes
    from the operating system each time, page by page: measured, that tripled the cost of the
    product and the division (0.52 → 0.16 ms per partnership)."""
    size = shape[0] * shape[1]
    bufs = _SCRATCH.__dict__.setdefault("bufs", {})
    buf = bufs.get((slot, dtype))
    if buf is None or buf.size < size:
        buf = bufs[(slot, dtype)] = np.empty(size, dtype=dtype)
    return buf[:size].reshape(shape)


#: One set of scratch arrays per thread, so that two threads scoring at once never share one.
_SCRATCH = threading.local()


def _percentile_intervals(
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

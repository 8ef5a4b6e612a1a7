"""The scorer's arithmetic on arrays: element statistics of many respondent subsets at once, and
the percentile bootstrap as one matrix product per block of resamples.

Pure: takes the answer matrix (respondents in ``respondent_id`` order, items in instrument order,
``None`` for no valid answer) and numbers from the scoring rules; reads no files.

Same numbers as the plain-Python definitions in :mod:`.scoring` (``tests/test_score_arrays.py``
compares them on random matrices, bit for bit):

* item means are integer sums divided by integer counts, exactly as ``fsum(ints) / len``;
* sums of a few floats (item means of one element, element scores of one resample) use a
  compensated sum (Knuth's TwoSum error terms added back), which gives ``math.fsum``'s correctly
  rounded result for sums this short and this well-conditioned (all terms are non-negative);
* the bootstrap draws the very same resamples as :func:`.bootstrap.resample_indices`: one call
  ``getrandbits(32 * n * r)`` yields the same 32-bit words, in the same order, as ``r`` calls of
  ``getrandbits(32 * n)`` (CPython fills the words least significant first, and 32 · n is a whole
  number of words), and ``(c * n) >> 32`` equals ``floor(c * (n / 2**32))`` in float64 because
  ``c * n < 2**53`` is exact and the division by 2**32 only moves the exponent.
"""

from __future__ import annotations

import functools
import math
import os
import random
from dataclasses import dataclass
from typing import Mapping, Protocol, Sequence

# BLAS threads cost more than they save on matrices this small, and on a shared machine a
# thread that waits for a busy core stalls every product (measured: 0.15 ms alone, 15 ms with
# the other core busy). Only takes effect when nothing imported NumPy before us.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

#: The kind of each answer, as ``AnswerArrays(kinds=…)`` takes them.
VALID, DONT_KNOW, NOT_APPLICABLE, BLANK = KINDS = (0, 1, 2, 3)

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


def percentile(sorted_xs: Sequence[float] | np.ndarray, p: float) -> float:
    """Linear interpolation between closest ranks (NumPy's default 'linear' method)."""
    pos = p * (len(sorted_xs) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_xs) - 1)
    frac = pos - lo
    return float(sorted_xs[lo] + (sorted_xs[hi] - sorted_xs[lo]) * frac)


# -- Element statistics of respondent subsets ---------------------------------------------------


@dataclass(frozen=True)
class SubsetElement:
    """One element over one subset of respondents, before rounding."""

    score: float | None  # 0–100; None when not computable
    reason: str | None
    n_respondents: int  # respondents with at least one valid answer on the element
    coverage: float  # share of the element's items with at least one valid answer
    item_means: dict[int, float]  # item index → mean of its valid answers (0–4)


#: What each answer byte of :func:`.elements.answer_codes` stands for: its value (-1: none valid)
#: and its kind.
CODE_VALUES = np.array([0, 1, 2, 3, 4, -1, -1, -1], dtype=float)
CODE_KINDS = np.array([VALID] * 5 + [DONT_KNOW, NOT_APPLICABLE, BLANK], dtype=np.int8)


class AnswerArrays:
    """The answer matrix as arrays: ``X`` answers (0 where none), ``V`` 1 where valid.

    ``codes`` (:func:`.elements.answer_codes` of the same answers), when given, stands for both
    ``values`` and ``kinds``: the arrays are read from its bytes (``values`` still gives the
    number of respondents)."""

    def __init__(
        self,
        values: Sequence[Sequence[int | None]],
        n_items: int,
        elements: Mapping[str, Sequence[int]],
        kinds: Sequence[Sequence[int]] | None = None,
        codes: bytes | None = None,
    ) -> None:
        self.n = len(values)
        self.elements = {e: list(idx) for e, idx in elements.items()}
        kind_of: np.ndarray | None = None
        if codes is not None:
            coded = np.frombuffer(codes, dtype=np.uint8).reshape(self.n, n_items)
            raw, kind_of = CODE_VALUES[coded], CODE_KINDS[coded]
        else:
            raw = np.array([[-1 if a is None else a for a in row] for row in values], dtype=float).reshape(
                self.n, n_items
            )
            if kinds is not None:
                kind_of = np.array(kinds, dtype=np.int8).reshape(self.n, n_items)
        #: The answers, -1 where none is valid (what :func:`bootstrap_intervals` takes as ``values``).
        self.raw = raw
        self.V = (raw >= 0).astype(float)
        self.X = np.where(raw >= 0, raw, 0.0)
        ind = np.zeros((n_items, len(self.elements)))
        for k, idx in enumerate(self.elements.values()):
            ind[idx, k] = 1.0
        self.ind = ind
        # Per respondent and element: how many valid answers (an exact small integer).
        self.valid_per_element = self.V @ ind
        #: Each answer's kind (VALID, DONT_KNOW, NOT_APPLICABLE, BLANK), when given.
        self.kinds = kind_of

    def answer_counts(self) -> list[list[int]]:
        """Per item, how many answers of each kind: [valid, DK, NA, blank]."""
        assert self.kinds is not None
        return np.stack([(self.kinds == c).sum(axis=0) for c in KINDS], axis=1).tolist()

    def respondent_scores(self, multiplier: float) -> list[list[float | None]]:
        """Per respondent and element: the mean of the respondent's valid answers × ``multiplier``
        (None without one), computed as by hand: an exact integer sum, one division, one product."""
        S = self.X @ self.ind
        C = self.valid_per_element
        R = np.divide(S, C, out=np.zeros_like(S), where=C > 0) * multiplier
        return [[x if c else None for x, c in zip(rr, cr)] for rr, cr in zip(R.tolist(), C.tolist())]

    def dont_know_rates(self, groups: Mapping[str, Sequence[int]]) -> dict[str, dict[str, float | None]]:
        """``{subset: {element: share}}``: of the answers given (0–4, DK or NA; blanks left
        out) to the element's items by the subset's respondents, the share that were DK,
        rounded to 3 decimals; None when none were given."""
        assert self.kinds is not None
        G = self._indicator(groups)
        given = (G @ (self.kinds != BLANK) @ self.ind).tolist()
        dk = (G @ (self.kinds == DONT_KNOW) @ self.ind).tolist()
        return {
            key: {
                e: round(int(dk[g][k]) / int(given[g][k]), 3) if given[g][k] else None
                for k, e in enumerate(self.elements)
            }
            for g, key in enumerate(groups)
        }

    def _indicator(self, groups: Mapping[str, Sequence[int]]) -> np.ndarray:
        G = np.zeros((len(groups), self.n))
        for g, rows in enumerate(groups.values()):
            G[g, list(rows)] = 1.0
        return G

    def subsets(self, groups: Mapping[str, Sequence[int]], rules: "RulesLike") -> dict[str, dict[str, SubsetElement]]:
        """``{subset: {element: SubsetElement}}`` for subsets given as lists of row indexes."""
        keys = list(groups)
        G = self._indicator(groups)
        # Integer sums and counts (exact in float64), then the same divisions as by hand.
        sums = (G @ self.X).tolist()
        counts = (G @ self.V).tolist()
        answered = (G @ (self.valid_per_element > 0)).tolist()
        out: dict[str, dict[str, SubsetElement]] = {}
        for g, key in enumerate(keys):
            row_s, row_c = sums[g], counts[g]
            res = {}
            for k, (e, idxs) in enumerate(self.elements.items()):
                means = {i: row_s[i] / row_c[i] for i in idxs if row_c[i]}
                res[e] = subset_element(means, len(idxs), int(answered[g][k]), rules)
            out[key] = res
        return out


class RulesLike(Protocol):  # pragma: no cover - what subsets() reads of the scoring rules
    @property
    def scale_multiplier(self) -> float: ...
    @property
    def min_item_coverage(self) -> float: ...
    @property
    def min_respondents(self) -> int: ...


def subset_element(item_means: dict[int, float], n_items: int, n: int, rules: RulesLike) -> SubsetElement:
    """The rule for one element: coverage and respondents first, then the mean of item means."""
    coverage = len(item_means) / n_items if n_items else 0.0
    reason = None
    if not n_items:
        reason = "no items of the current instrument measure this element"
    elif coverage < rules.min_item_coverage:
        reason = f"only {len(item_means)} of its {n_items} items have a valid answer (at least {math.ceil(rules.min_item_coverage * n_items)} needed)"
    elif n < rules.min_respondents:
        reason = f"only {n} respondent(s) gave a valid answer (at least {rules.min_respondents} needed)"
    score = math.fsum(item_means.values()) / len(item_means) * rules.scale_multiplier if reason is None else None
    return SubsetElement(score, reason, n, coverage, item_means)


# -- Bootstrap ---------------------------------------------------------------------------------


def resample_counts(rng: random.Random, n: int, r: int) -> np.ndarray:
    """How often each of ``n`` respondents is drawn in each of ``r`` resamples, shape (r, n).

    The draws of :func:`.bootstrap.resample_indices` called ``r`` times (see the module docstring).
    """
    raw = rng.getrandbits(32 * n * r).to_bytes(4 * n * r, "little")
    pick = (np.frombuffer(raw, dtype="<u4") * (n / 2.0**32)).astype(np.intp)
    pick += np.repeat(np.arange(0, r * n, n), n)
    return np.bincount(pick, minlength=r * n).reshape(r, n).astype(float)


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
        drawn = np.ascontiguousarray(resample_counts(rng, n, min(block, resamples - s0)).T, dtype=dtype)
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
) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap over respondents for each computable element and the overall score.

    Per resample, an element's score is the mean of its items' means over the drawn respondents
    (items nobody drawn answered are left out; a resample where none of its items was answered
    gives no value); the overall score is the mean of the element scores, only in resamples
    where every element has one and only when every element is computable.  The resamples'
    item sums and counts are one product: (resamples × respondents) draw counts times
    (respondents × items) answers.
    """
    n = len(values)
    order = [e for e in elements if e in computable]
    if n == 0 or not order:
        return {}
    E = len(order)
    by_width, rows, slots = _slot_layout(elements, order)
    R = len(rows)
    if isinstance(values, np.ndarray):  # AnswerArrays.raw: -1 where no valid answer
        raw = values[:, rows]
    else:
        raw = np.array([[-1 if a is None else a for a in row] for row in values], dtype=float)[:, rows]
    dtype = exact_dtype(n)
    YT = np.concatenate([np.where(raw >= 0, raw, 0.0), raw >= 0], axis=1).T.astype(dtype)  # (2R, n)
    member = np.zeros((E, R), dtype=dtype)  # which element (widest first) each row belongs to
    for start, ej in slots:
        member[np.arange(ej), np.arange(start, start + ej)] = 1
    sums = np.empty((E, resamples))
    counts = np.empty((E, resamples), dtype=np.intp)
    s0 = 0
    for drawn in draw_blocks(seed, n, resamples, BLOCK):
        r = drawn.shape[1]
        A = YT @ drawn  # whole numbers, exact (see exact_dtype)
        av = A[R:]
        counts[:, s0 : s0 + r] = member @ (av > 0).astype(dtype)
        # An item nobody drawn answered has sum 0 and count 0: 0 / 1 adds nothing.
        np.maximum(av, 1.0, out=av)
        ax = np.divide(A[:R], av, dtype=np.float64)
        sums[:, s0 : s0 + r] = _slot_sums(ax, slots)
        s0 += r
    back = np.argsort(by_width)  # rows in `order` again
    sums, counts = sums[back], counts[back]
    return _percentile_intervals(sums, counts, order, len(elements), confidence, multiplier, overall)


def _percentile_intervals(
    sums: np.ndarray,
    counts: np.ndarray,
    order: list[str],
    n_elements: int,
    confidence: float,
    multiplier: float,
    overall: str,
) -> dict[str, tuple[float, float]]:
    """Each resample's element scores from its sums of item means and counts of items, the
    overall score where every element has one, and the percentile interval of each."""
    E = len(order)
    has = counts > 0
    if has.all():
        # The usual case (every resample drew someone who answered each element): no resample
        # is left out, so no masks and no copies (the same numbers, a third of the time).
        scores = np.divide(sums, counts) * multiplier
        cols = [(e, scores[k]) for k, e in enumerate(order)]
        if len(order) == n_elements:
            cols.append((overall, compensated_sum(scores) / E))
    else:
        scores = np.divide(sums, counts, out=np.zeros(sums.shape), where=has) * multiplier
        cols = [(e, scores[k][has[k]]) for k, e in enumerate(order)]
        if len(order) == n_elements:
            every = has.all(axis=0)
            cols.append((overall, compensated_sum(scores[:, every]) / E))
    alpha = (1 - confidence) / 2
    out = {}
    for e, xs in cols:
        if len(xs):
            xs = np.sort(xs)
            out[e] = (percentile(xs, alpha), percentile(xs, 1 - alpha))
    return out

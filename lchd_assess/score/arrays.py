"""The scorer's arithmetic on arrays: element statistics of many respondent subsets at once (the
bootstrap's arithmetic is in :mod:`.resampling`, re-exported here).

Pure: takes the answer matrix (respondents in ``respondent_id`` order, items in instrument order,
``None`` for no valid answer) and numbers from the scoring rules; reads no files.

Same numbers as the plain-Python definitions in :mod:`.scoring` (``tests/test_score_arrays.py``
compares them on random matrices, bit for bit): item means are integer sums divided by integer
counts, exactly as ``fsum(ints) / len``.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Mapping, Protocol, Sequence

# First: it limits BLAS to one thread before NumPy loads (the bootstrap's arithmetic is there).
from . import resampling  # noqa: F401

import numpy as np

#: The kind of each answer, as ``AnswerArrays(kinds=…)`` takes them.
VALID, DONT_KNOW, NOT_APPLICABLE, BLANK = KINDS = (0, 1, 2, 3)


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
    ``values`` and ``kinds``: the arrays are read from its bytes, and ``values`` may be None
    when ``n`` gives the number of respondents."""

    def __init__(
        self,
        values: Sequence[Sequence[int | None]] | None,
        n_items: int,
        elements: Mapping[str, Sequence[int]],
        kinds: Sequence[Sequence[int]] | None = None,
        codes: bytes | None = None,
        n: int | None = None,
    ) -> None:
        if values is not None:
            self.n = len(values)
        elif n is not None and codes is not None:
            self.n = n
        else:
            raise TypeError("AnswerArrays needs the values, or codes and n")
        self.elements = {e: list(idx) for e, idx in elements.items()}
        kind_of: np.ndarray | None = None
        if codes is not None:
            coded = np.frombuffer(codes, dtype=np.uint8).reshape(self.n, n_items)
            raw, kind_of = CODE_VALUES[coded], CODE_KINDS[coded]
        else:
            assert values is not None, "values are needed without codes"
            raw = np.array([[-1 if a is None else a for a in row] for row in values], dtype=float).reshape(
                self.n, n_items
            )
            if kinds is not None:
                kind_of = np.array(kinds, dtype=np.int8).reshape(self.n, n_items)
        #: The answers, -1 where none is valid (what :func:`.resampling.bootstrap_intervals` takes as ``values``).
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
        # Per respondent and element first (respondents × elements, not × items), then per
        # subset: the same whole numbers, exact in float64; a whole-number float divided by
        # another is the same correctly rounded quotient as the two ints'.
        given = (G @ ((self.kinds != BLANK) @ self.ind)).tolist()
        dk = (G @ ((self.kinds == DONT_KNOW) @ self.ind)).tolist()
        els = list(self.elements)
        return {
            key: {e: round(d / n, 3) if n else None for e, d, n in zip(els, d_row, n_row)}
            for key, d_row, n_row in zip(groups, dk, given)
        }

    def _indicator(self, groups: Mapping[str, Sequence[int]]) -> np.ndarray:
        G = np.zeros((len(groups), self.n))
        # One element at a time: for these few rows a third of the cost of a fancy-index
        # assignment per subset (which makes an index array each time).
        for g, rows in enumerate(groups.values()):
            row = G[g]
            for i in rows:
                row[i] = 1.0
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

    def subset_scores(
        self, groups: Mapping[str, Sequence[int]], rules: "RulesLike"
    ) -> tuple[list[list[float | None]], list[list[int]]]:
        """Per subset (in the order given) and element: the score and the respondents who
        answered, the ``score`` and ``n_respondents`` of :meth:`subsets`, without the rest.

        The same numbers: each item mean is the same division of the same whole numbers (an
        item nobody in the subset answered is 0 here, which ``math.fsum`` adds exactly and
        the divisor does not count), and the sum of an element's item means is ``math.fsum``
        over its items, laid out next to each other."""
        G = self._indicator(groups)
        sums, counts = G @ self.X, G @ self.V
        answered = (G @ (self.valid_per_element > 0)).astype(int).tolist()
        has = counts > 0
        means = np.divide(sums, counts, out=np.zeros_like(sums), where=has)[:, self._by_element].tolist()
        with_answer = (has @ self.ind).astype(int).tolist()
        cov, least, mult = rules.min_item_coverage, rules.min_respondents, rules.scale_multiplier
        scores: list[list[float | None]] = []
        for row, nw, ans in zip(means, with_answer, answered):
            out: list[float | None] = []
            for k, (a, b) in enumerate(self._slices):
                # subset_element's rule: items, coverage, then respondents
                ok = b > a and nw[k] / (b - a) >= cov and ans[k] >= least
                out.append(math.fsum(row[a:b]) / nw[k] * mult if ok else None)
            scores.append(out)
        return scores, answered

    @functools.cached_property
    def _by_element(self) -> list[int]:
        return [i for idx in self.elements.values() for i in idx]

    @functools.cached_property
    def _slices(self) -> list[tuple[int, int]]:
        out, a = [], 0
        for idx in self.elements.values():
            out.append((a, a + len(idx)))
            a += len(idx)
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
    reason = not_computable_reason(n_items, len(item_means), coverage, n, rules)
    score = math.fsum(item_means.values()) / len(item_means) * rules.scale_multiplier if reason is None else None
    return SubsetElement(score, reason, n, coverage, item_means)


def not_computable_reason(
    n_items: int, n_answered_items: int, coverage: float, n_respondents: int, rules: RulesLike
) -> str | None:
    """Why an element (for everyone or for a subset) gets no score, in the words the report shows; None when it is scored."""
    if not n_items:
        return "no items of the current instrument measure this element"
    if coverage < rules.min_item_coverage:
        needed = math.ceil(rules.min_item_coverage * n_items)
        return f"only {n_answered_items} of its {n_items} items have a valid answer (at least {needed} needed)"
    if n_respondents < rules.min_respondents:
        who = "respondent" if n_respondents == 1 else "respondents"
        return f"only {n_respondents} {who} gave a valid answer (at least {rules.min_respondents} needed)"
    return None

"""Element scores: the answer matrix, one element's score over a set of respondents, and the
rounding every published number goes through.

* item score = mean of the valid (0–4) answers; don't know, not applicable and blanks never count;
* element score = mean of its items' scores × ``scale_multiplier`` (0–100); not computable when
  fewer than ``min_item_coverage`` of its items have a valid answer or fewer than
  ``min_respondents`` respondents answered it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Sequence

from .arrays import BLANK, DONT_KNOW, NOT_APPLICABLE, VALID, not_computable_reason
from .models import Respondent
from .stats import SCALE, nearest_units
from ..load.instrument import DONT_KNOW as DONT_KNOW_CODE
from ..load.instrument import NOT_APPLICABLE as NOT_APPLICABLE_CODE
from ..load.instrument import InstrumentFile, ScoringRulesFile

OVERALL = "overall"
OVERALL_NAME = "Overall readiness"


# -- Small numeric helpers (pure) ------------------------------------------------------------


def mean(xs: Sequence[float]) -> float:
    return math.fsum(xs) / len(xs)


def sd(xs: Sequence[float]) -> float | None:
    if len(xs) < 2:
        return None
    m = mean(xs)
    return math.sqrt(math.fsum([(x - m) ** 2 for x in xs]) / (len(xs) - 1))  # a list: no generator per call


def round_half_up(x: float | None, d: int) -> float | None:
    """Round half away from zero, as people do by hand (81.25 → 81.3), never to -0.0.

    The number as written (its shortest repr) is what is rounded.  Only a tie in that writing
    (the digits after the d-th decimal are exactly "5") needs decimal arithmetic; any other
    value lies on the same side of every rounding boundary as its repr, so Python's own
    correctly rounded ``round`` gives the same result, faster (tested against the decimal way
    on ties and on random values in tests/test_score_arrays.py).
    """
    if x is None:
        return None
    table = _ROUNDED.get(d)
    if table is None:
        table = _ROUNDED[d] = {}
    got = table.get(x)
    if got is not None:
        return got
    got = _not_near_a_half(x, d)
    if got is None:
        got = _round_written(x, d)
    if len(table) >= _ROUNDED_MAX:
        table.clear()
    table[x] = got
    return got


def _not_near_a_half(x: float, d: int) -> float | None:
    """``round(x, d)`` when ``x`` is plainly not on a half of the d-th decimal, else None.

    A tie in ``repr(x)`` (k + 0.5 units of the d-th decimal, exactly as written) is the double
    nearest that decimal, so x · 10**d lies within a few units in the last place of k + 0.5;
    a number more than a billionth of its size away from every half is no tie, and rounds
    as Python's correctly rounded ``round`` does. Most numbers a partnership rounds (interval
    ends, SDs) are written once: this skips their repr."""
    if not 1e-4 <= abs(x):  # repr may use an exponent, or x is 0
        return None
    k = nearest_units(x, d)
    if k is None:
        return None
    return k / SCALE[d] + 0.0  # round(x, d) (see stats.round_places)


def _round_written(x: float, d: int) -> float:
    """:func:`round_half_up` of ``x`` from its repr: decimal arithmetic for a tie as written."""
    s = repr(x)
    point = s.find(".")
    if point < 0 or "e" in s or (len(s) - point - 1 == d + 1 and s[-1] == "5"):
        return _round_decimal(x, d)
    return round(x, d) + 0.0


# Results of round_half_up, which depends on nothing but its arguments: item means are ratios of
# small whole numbers, so a portfolio rounds the same few thousand values again and again (a
# partnership rounds about 120 numbers; a look-up is a tenth of the cost). One table per number
# of decimals (no key tuple made per call). 0.0 and -0.0 share a key and a result (0.0); NaN
# never matches itself and is rounded each time.
_ROUNDED: dict[int, dict[float, float]] = {}
_ROUNDED_MAX = 1 << 16


def _round_decimal(x: float, d: int) -> float:
    q = Decimal(repr(x)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
    return float(q) + 0.0


# -- The answer matrix ---------------------------------------------------------------------


#: Each answer as the matrix holds it (None: no valid answer) and its kind (:data:`.arrays.KINDS`).
_VALUE: dict[object, int | None] = {
    **{v: v for v in range(5)},
    DONT_KNOW_CODE: None,
    NOT_APPLICABLE_CODE: None,
    None: None,
}
_KIND: dict[object, int] = {
    **{v: VALID for v in range(5)},
    DONT_KNOW_CODE: DONT_KNOW,
    NOT_APPLICABLE_CODE: NOT_APPLICABLE,
    None: BLANK,
}


@dataclass(frozen=True)
class Matrix:
    """Answers in canonical order: respondents sorted by ID, items in instrument order.

    ``values`` (None: no valid answer, DK, NA or blank) is made from the respondents' answers
    when first asked for: the scorer reads the answers as bytes (:func:`answer_codes`) and
    most waves never need the lists (0.08 ms per 25 × 60 answers)."""

    items: list[str]
    respondents: list[Respondent]
    given_values: list[list[int | None]] | None = field(default=None, repr=False, compare=False)

    @property
    def values(self) -> list[list[int | None]]:
        if self.given_values is None:
            object.__setattr__(self, "given_values", _values_of(self.items, self.respondents))
        return self.given_values  # type: ignore[return-value]  # set just above

    @classmethod
    def build(cls, items: list[str], respondents: Iterable[Respondent]) -> "Matrix":
        return cls(items, sorted(respondents, key=lambda r: r.id))

    def subset(self, keep: Sequence[int]) -> "Matrix":
        return Matrix(self.items, [self.respondents[i] for i in keep], [self.values[i] for i in keep])


def _values_of(items: list[str], respondents: list[Respondent]) -> list[list[int | None]]:
    vals = []
    for r in respondents:
        try:
            vals.append(list(map(_VALUE.__getitem__, map(r.answers.get, items))))
        except KeyError:  # any other whole number is still a valid answer, as the scorer has it
            vals.append([a if isinstance(a, int) else None for a in map(r.answers.get, items)])
    return vals


#: Each answer as one byte for :class:`.arrays.AnswerArrays` (``codes=``): 0–4 the answer,
#: then don't know, not applicable and blank (:data:`.arrays.CODE_VALUES`, :data:`.arrays.CODE_KINDS`).
_CODE: dict[object, int] = {**{v: v for v in range(5)}, DONT_KNOW_CODE: 5, NOT_APPLICABLE_CODE: 6, None: 7}


def answer_codes(respondents: Sequence[Respondent], items: Sequence[str]) -> bytes | None:
    """Every answer as one byte (see ``_CODE``), respondents and items in the order given, row
    after row; None when an answer is something else (a whole number outside 0–4), which then
    takes the plain way (:func:`answer_kinds` and the matrix's values). Building the arrays from
    bytes skips a Python list per respondent (kinds and arrays 0.18 → 0.11 ms per 25 × 60 answers)."""
    # The reader fills each respondent's answers in the file's column order, which is the
    # instrument's order in every file made from the template: then the answers are read in
    # the dict's own order, without a look-up per item (0.08 -> 0.06 ms per 25 x 60 answers).
    # The reader names them with the instrument's own ID strings, so the keys compare by
    # identity; a list of the keys is quicker to make than a tuple.
    order = list(items)
    code = _CODE.__getitem__
    try:
        return b"".join(
            [
                bytes(map(code, r.answers.values()))
                if list(r.answers) == order
                else bytes(map(code, map(r.answers.get, items)))
                for r in respondents
            ]
        )
    except KeyError:
        return None


def answer_kinds(respondents: Sequence[Respondent], items: Sequence[str]) -> list[list[int]]:
    """Each answer's kind (:data:`.arrays.KINDS`), respondents and items in the order given."""
    out = []
    for r in respondents:
        try:
            out.append(list(map(_KIND.__getitem__, map(r.answers.get, items))))
        except KeyError:  # any other whole number is still a valid answer, as the scorer has it
            out.append([VALID if isinstance(a := r.answers.get(i), int) else _KIND[a] for i in items])
    return out


@dataclass(frozen=True)
class ElementCalc:
    score: float | None  # unrounded, 0–100
    reason: str | None
    n_respondents: int
    coverage: float
    sd: float | None
    item_means: dict[int, float]


def element_calc(m: Matrix, idxs: Sequence[int], rules: ScoringRulesFile) -> ElementCalc:
    """Score one element (item indexes ``idxs``) over the respondents of ``m``."""
    mult = rules.scale_multiplier
    item_means: dict[int, float] = {}
    for i in idxs:
        vs = [row[i] for row in m.values if row[i] is not None]
        if vs:
            item_means[i] = mean(vs)  # type: ignore[arg-type]
    resp_scores = []
    for row in m.values:
        vs = [row[i] for i in idxs if row[i] is not None]
        if vs:
            resp_scores.append(mean(vs) * mult)  # type: ignore[arg-type]
    n = len(resp_scores)
    coverage = len(item_means) / len(idxs) if idxs else 0.0
    reason = not_computable_reason(len(idxs), len(item_means), coverage, n, rules)
    score = mean(list(item_means.values())) * mult if reason is None else None
    return ElementCalc(score, reason, n, coverage, sd(resp_scores), item_means)


def element_index(inst: InstrumentFile, items: list[str], keep: set[str] | None = None) -> dict[str, list[int]]:
    pos = {i: n for n, i in enumerate(items)}
    out: dict[str, list[int]] = {}
    for sec in inst.sections:
        out[sec.element] = sorted(
            pos[it.id]
            for it in inst.items
            if it.element == sec.element and it.id in pos and (keep is None or it.id in keep)
        )
    return out


def wave_items(inst: InstrumentFile, version: str | None) -> list[str]:
    """The items a wave collected with instrument ``version`` is scored on, element by element.

    A wave answered with an earlier version (say 1.0.0 after 1.1.0 retired some items) is
    scored on that version's own items, under the current scoring rules, so answers collected
    before a release stay usable; the result names the version.
    """
    if version is None or version == inst.version:
        return inst.item_ids()
    at = inst.items_at(version)
    # Question number order within an element: the order that version's own file had.
    number = lambda i: int(i.rsplit("Q", 1)[1])  # noqa: E731
    return [
        i
        for sec in inst.sections
        for i in sorted((it.id for it in inst.items if it.element == sec.element and it.id in at), key=number)
    ]

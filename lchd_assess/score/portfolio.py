"""What a funder's portfolio takes from each partnership's ScoreResult, and what it computes
across them: the documented subset (:data:`PORTFOLIO_FIELDS`), percentiles, keyed codes.

Shared by the portfolio's context (context/portfolio.py) and its spreadsheet
(formats/portfolio_csv.py), so the page and the CSV say the same thing about each partnership.
Nothing here reads respondents, groups or comments: those stay in the partnership's own report.

Anonymised codes: ``P-`` + the first 8 hex digits of HMAC-SHA-256 of the partnership ID (its
folder name) under a secret key the funder keeps (app/portfolio_key.py), lengthened for every
partnership if two would collide.  Keyed, because an unkeyed hash of a folder name is
recomputed by anyone who can guess folder names (``sha256("harbour-city-family-network")``),
which re-identifies the partnership; without the key a code says nothing about the name.
A keyed hash rather than an ordinal: with the same key the same partnership keeps the same code
in every portfolio and every year, whichever other partnerships are included, so a funder can
follow it over time; an ordinal by sorted ID would change when a partnership joins and would
leak alphabetical order.  Anonymised portfolios are ordered by code, and also drop the
population focus (free text that can name a place).
"""

from __future__ import annotations

import bisect
import hashlib
import hmac
import re
from typing import Sequence

from .models import ElementChange, ScoreResult

#: What the portfolio takes from each ScoreResult: (CSV column, ScoreResult field path, meaning).
#: Nothing else of a partnership appears in the portfolio; the percentile and distribution
#: columns are computed across the portfolio from these values only.  The meanings are the
#: CSV's documentation: the portfolio's method section and the site's funder page list them.
PORTFOLIO_FIELDS: list[tuple[str, str, str]] = [
    ("partnership", "partnership.name", "The partnership's name (or its code with --anonymize)."),
    ("id", "partnership.id", "Folder name of the partnership (omitted with --anonymize)."),
    ("scale", "partnership.scale", "Geographic scale."),
    ("wave", "wave", "Wave reported."),
    ("n_respondents", "n_respondents", "Respondents in the wave."),
    ("overall", "elements[overall].score", "Overall readiness score (0–100)."),
    ("overall_low, overall_high", "elements[overall].interval", "95% interval of the overall score."),
    ("level", "gating.level_label", "Overall readiness level after the gate."),
    (
        "gate_capped",
        "gating.capped",
        "Whether an element below the gate holds the overall level back (the level is lower than the overall score alone would give).",
    ),
    (
        "elements_below_gate",
        "gating.capping_elements",
        "Gated elements scoring below the gate, whether or not that lowers the level.",
    ),
    (
        "capping_elements",
        "gating.capping_elements when gating.capped",
        "The elements that hold the level back; none when the gate does not lower the level.",
    ),
    ("<element>", "elements[P1–FS4].score", "Each element's score (0–100)."),
    ("<element>_low, <element>_high", "elements[P1–FS4].interval", "Each element's 95% interval."),
    ("silent_sectors", "representation.silent_sectors", "Roster sectors with no respondent."),
    ("few_sectors", "representation.few_sectors", "Roster sectors with fewer respondents than the cell size."),
    (
        "residents_share",
        "representation.residents_share",
        "Share of respondents who are residents or family members (0–1); empty when the report hides it to protect a small group.",
    ),
    (
        "n_silent_sectors, n_few_sectors",
        "representation.silent_sectors, few_sectors",
        "How many roster sectors had no respondent, and how many had fewer than the cell size.",
    ),
    (
        "overall_change, change_flag",
        "change.elements[overall]",
        "Change of the overall score since the partnership's previous wave, and whether it is meaningful.",
    ),
    (
        "instrument, framework_version",
        "instrument_id, instrument_version, framework_version",
        "What it was scored with.",
    ),
]

#: Derived across the portfolio (not in any single report).
DERIVED_FIELDS: list[tuple[str, str]] = [
    (
        "<element>_percentile",
        "Percentile rank within the portfolio: 100 × (partnerships scoring lower + half of those scoring the same, itself included) ÷ partnerships with a score on the element.",
    ),
]

ELEMENT_ORDER = ("P1", "P2", "P3", "P4", "FS1", "FS2", "FS3", "FS4", "overall")


def anonymous_codes(ids: Sequence[str], key: bytes, digits: int = 8) -> dict[str, str]:
    """Keyed pseudonyms ``P-xxxxxxxx`` (see the module docstring), unique within ``ids``."""
    if len(key) < 16:
        raise ValueError("an anonymisation key needs at least 16 bytes")
    unique = sorted(set(ids))
    while True:
        codes = {i: "P-" + hmac.new(key, i.encode("utf-8"), hashlib.sha256).hexdigest()[:digits] for i in unique}
        if len(set(codes.values())) == len(codes) or digits >= 64:
            return codes
        digits += 2


def percentile_ranks(values: dict[str, float | None]) -> dict[str, float | None]:
    """Mid-rank percentile of each value among the non-null values (see DERIVED_FIELDS).

    By bisection in the sorted values: a thousand partnerships would otherwise cost a million
    comparisons per element."""
    present = sorted(v for v in values.values() if v is not None)
    n = len(present)
    out: dict[str, float | None] = {}
    for key, v in values.items():
        if v is None or n == 0:
            out[key] = None
            continue
        below = bisect.bisect_left(present, v)
        same = bisect.bisect_right(present, v) - below
        out[key] = 100.0 * (below + 0.5 * same) / n
    return out


def element_percentiles(
    scores: Sequence[ScoreResult], min_for_percentiles: int = 10
) -> dict[str, dict[str, float | None]]:
    """Each partnership's percentile per element; none at all in a portfolio smaller than the
    rule allows (among four partnerships a percentile says more about the other three)."""
    if len(scores) < min_for_percentiles:
        return {eid: {s.partnership.id: None for s in scores} for eid in ELEMENT_ORDER}
    by_id = [{e.id: e.score for e in s.elements} for s in scores]
    return {
        eid: percentile_ranks({s.partnership.id: b.get(eid) for s, b in zip(scores, by_id)}) for eid in ELEMENT_ORDER
    }


def overall_change(s: ScoreResult) -> ElementChange | None:
    """The overall score's change since the partnership's previous wave, if there was one."""
    if s.change is None:
        return None
    return next((c for c in s.change.elements if c.id == "overall"), None)


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that puts 'Region 9' before 'Region 10', as a reader looks for them."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", text.casefold()) if p)


def ordered(scores: Sequence[ScoreResult], codes: dict[str, str]) -> list[ScoreResult]:
    """By code when anonymised (names would leak through the order), else by name."""
    if codes:
        return sorted(scores, key=lambda s: codes[s.partnership.id])
    return sorted(scores, key=lambda s: (_natural(s.partnership.name), s.partnership.id))


def below_gate(s: ScoreResult) -> list[str]:
    """Gated elements below the gate, whether or not they lower the level."""
    return list(s.gating.capping_elements)


def holding_back(s: ScoreResult) -> list[str]:
    """The elements that actually hold the level back: empty unless the gate caps it."""
    return list(s.gating.capping_elements) if s.gating.capped else []

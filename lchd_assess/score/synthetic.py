"""Made-up ScoreResults from a seeded generator, for the portfolio benchmark and tests.

Every partnership here is fictional; the same seed gives the same results.  They are valid
:class:`ScoreResult` objects (the scorer's contract), with suppressed groups, silent sectors,
non-computable elements and change between waves in realistic proportions.
"""

from __future__ import annotations

import random
from typing import Any

from .models import ScoreResult

ELEMENTS = [
    ("P1", "principle"),
    ("P2", "principle"),
    ("P3", "principle"),
    ("P4", "principle"),
    ("FS1", "structure"),
    ("FS2", "structure"),
    ("FS3", "structure"),
    ("FS4", "structure"),
]
BANDS = [
    ("L1", "Beginning", 0.0, 25.0),
    ("L2", "Developing", 25.0, 50.0),
    ("L3", "Established", 50.0, 75.0),
    ("L4", "Leading", 75.0, 100.0),
]
SECTORS = [
    ("resident-family", "Residents and families", "community"),
    ("community-org", "Community-based organisations", "community"),
    ("health-care", "Health care", "health-care"),
    ("public-health", "Public health", "related-sectors"),
    ("education", "Education", "related-sectors"),
    ("housing", "Housing", "related-sectors"),
    ("backbone", "Partnership backbone", "backbone"),
]
GROUPS = [
    ("community", "Community"),
    ("health-care", "Health care"),
    ("related-sectors", "Related sectors"),
    ("backbone", "Partnership backbone"),
]
PLACES = [
    "Riverside",
    "Northgate",
    "Eastfield",
    "Hillcrest",
    "Lakeview",
    "Millbrook",
    "Oakdale",
    "Southport",
    "Westbury",
    "Brookside",
]


def _level(s: float | None) -> tuple[str | None, str | None]:
    if s is None:
        return None, None
    for lid, label, lo, hi in BANDS:
        if lo <= s < hi or (hi == 100.0 and s == 100.0):
            return lid, label
    return None, None


def _elements(rnd: random.Random, base: float, n: int, names: dict[str, str]) -> list[dict[str, Any]]:
    """The eight elements around the partnership's ``base`` score (about one in twenty not
    computable), each with three items."""
    elements: list[dict[str, Any]] = []
    for eid, kind in ELEMENTS:
        computable = rnd.random() > 0.05
        s = round(min(100.0, max(0.0, rnd.gauss(base, 14))), 1) if computable else None
        half = round(rnd.uniform(5, 14), 1)
        items = [
            dict(
                id=f"{eid}.{j}",
                score=None if s is None else round(s / 25, 2),
                n_valid=n - 1 if s is not None else 1,
                n_dont_know=1,
                n_not_applicable=0,
                n_blank=0 if s is not None else n - 2,
            )
            for j in (1, 2, 3)
        ]
        lid, label = _level(s)
        elements.append(
            dict(
                id=eid,
                name=names.get(eid, eid),
                kind=kind,
                score=s,
                reason=None if s is not None else "Fewer than 60% of the items had a valid answer.",
                level=lid,
                level_label=label,
                interval=None if s is None else [round(max(0.0, s - half), 1), round(min(100.0, s + half), 1)],
                n_respondents=n if s is not None else 1,
                coverage=1.0 if s is not None else 0.33,
                sd=None if s is None else round(rnd.uniform(8, 25), 1),
                n_dont_know=3,
                n_not_applicable=0,
                items=items,
            )
        )
    return elements


def _overall(elements: list[dict[str, Any]], n: int) -> dict[str, Any]:
    """Overall readiness: the mean of the computable elements."""
    comp = [e["score"] for e in elements if e["score"] is not None]
    ov = round(sum(comp) / len(comp), 1) if comp else None
    ol, oll = _level(ov)
    return dict(
        id="overall",
        name="Overall readiness",
        kind="overall",
        score=ov,
        reason=None if ov is not None else "No element has a score.",
        level=ol,
        level_label=oll,
        interval=None if ov is None else [round(max(0.0, ov - 6), 1), round(min(100.0, ov + 6), 1)],
        n_respondents=n,
        coverage=1.0,
        sd=None,
        n_dont_know=24,
        n_not_applicable=0,
        items=[],
    )


def _gating(elements: list[dict[str, Any]]) -> dict[str, Any]:
    """The gate: a structure below 40 caps an Established or Leading overall level at Developing."""
    overall = elements[-1]
    ol, oll = overall["level"], overall["level_label"]
    capping = [e["id"] for e in elements if e["kind"] == "structure" and e["score"] is not None and e["score"] < 40]
    level_after = ("L2", "Developing") if capping and ol in ("L3", "L4") else (ol, oll)
    return dict(
        threshold=40.0,
        capped=bool(capping) and level_after[0] != ol,
        capping_elements=capping if level_after[0] != ol else [],
        uncapped_level=ol,
        level=level_after[0],
        level_label=level_after[1],
        explanation="Synthetic gate.",
    )


def _sector_counts(rnd: random.Random, k: int) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Respondents per sector, and the sector counts as shown (1 to k − 1 hidden)."""
    counts = {sec: rnd.choice([0, 1, 2, 3, 4, 6]) for sec, _l, _g in SECTORS}
    by_sector = []
    for sec, label, _g in SECTORS:
        c = counts[sec]
        on = rnd.random() > 0.1
        status = (
            "silent" if on and c == 0 else ("few" if 0 < c < k else ("not-on-roster" if not on and c == 0 else "ok"))
        )
        by_sector.append(
            dict(
                sector=sec,
                label=label,
                on_roster=on,
                n=c if c == 0 or c >= k else None,
                display=str(c) if c >= k else ("none" if c == 0 else f"fewer than {k}"),
                status=status,
            )
        )
    return counts, by_sector


def _groups(rnd: random.Random, counts: dict[str, int], elements: list[dict[str, Any]], k: int) -> list[dict[str, Any]]:
    """The sector groups, each below ``k`` suppressed, the others' scores near the partnership's."""
    groups = []
    for gid, glabel in GROUPS:
        gn = sum(counts[s] for s, _l, g in SECTORS if g == gid)
        small = gn < k
        groups.append(
            dict(
                group=gid,
                label=glabel,
                suppressed=small,
                suppression_reason="below-minimum-cell-size" if small else None,
                n=None if small else gn,
                elements=None
                if small
                else [
                    dict(
                        id=e["id"],
                        score=None
                        if e["score"] is None
                        else round(min(100.0, max(0.0, e["score"] + rnd.uniform(-8, 8))), 1),
                        n_respondents=gn,
                    )
                    for e in elements
                    if e["kind"] != "overall"
                ],
            )
        )
    return groups


def _gaps(rnd: random.Random, elements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Community versus institutional scores of the eight elements."""
    gaps = []
    for e in elements[:8]:
        if e["score"] is None:
            gaps.append(
                dict(
                    id=e["id"],
                    community=None,
                    institutional=None,
                    difference=None,
                    code="not-shown",
                    explanation="One side cannot be shown.",
                )
            )
            continue
        c = round(min(100.0, max(0.0, e["score"] + rnd.uniform(-12, 12))), 1)
        i = round(min(100.0, max(0.0, e["score"] + rnd.uniform(-12, 12))), 1)
        d = round(c - i, 1)
        code = "similar" if abs(d) < 10 else ("some-difference" if abs(d) < 20 else "large-difference")
        gaps.append(dict(id=e["id"], community=c, institutional=i, difference=d, code=code, explanation="Synthetic."))
    return gaps


def synthetic_score(seed: int, names: dict[str, str] | None = None, k: int = 3) -> ScoreResult:
    """A fictional partnership's ScoreResult; the same ``seed`` gives the same result.

    The parts are drawn from one generator in a fixed order (elements, sector counts, groups,
    gaps, scale): reordering the calls below changes every result for a seed.
    """
    rnd = random.Random(seed)
    names = names or {eid: eid for eid, _ in ELEMENTS}
    base = rnd.gauss(55, 12)
    n = rnd.randint(6, 40)
    elements = _elements(rnd, base, n, names)
    elements.append(_overall(elements, n))
    counts, by_sector = _sector_counts(rnd, k)
    groups = _groups(rnd, counts, elements, k)
    gaps = _gaps(rnd, elements)
    place = PLACES[seed % len(PLACES)]
    data = dict(
        instrument_id="lchd-readiness",
        instrument_version="1.0.0",
        framework_version="1.0.0",
        scoring_rules_version="1.0.0",
        partnership=dict(
            id=f"synthetic-{seed:04d}",
            name=f"{place} Partnership {seed}",
            scale=rnd.choice(["neighbourhood", "city", "county", "region"]),
            population_focus=f"Families in {place} (fictional)",
        ),
        wave="2026",
        waves_available=["2026"],
        n_respondents=n,
        method=dict(
            interval="Bootstrap percentile interval (synthetic).",
            min_cell_size=k,
            min_item_coverage=0.6,
            min_respondents=3,
            level_bands=BANDS,
            gap_thresholds=[10.0, 20.0],
            meaningful_change=10.0,
            gate_threshold=40.0,
        ),
        elements=elements,
        groups=groups,
        gaps=gaps,
        gating=_gating(elements),
        representation=dict(
            by_sector=by_sector,
            silent_sectors=[s["sector"] for s in by_sector if s["status"] == "silent"],
            few_sectors=[s["sector"] for s in by_sector if s["status"] == "few"],
            residents_share=None,
            residents_display="The number of residents and family members is not shown, so that a smaller group cannot be worked out.",
        ),
        change=None,
        comments=None,
    )
    return ScoreResult.model_validate(data)

"""Generate the answers of the fictional example partnerships in assessments/examples/.

Run from the repository root: ``.venv/bin/python scripts/make_examples.py``.  The answers are
drawn from a seeded random generator, so rerunning writes byte-identical CSV files; the CSVs are
committed so that nobody needs this script to use the examples.  Each example's profile says
how ready it is on each element, by sector group, so the examples show what the scorer is for:
two waves with visible change, a sector group too small to show, and a structure that trips the
gate.  The partnerships, their organisations and their answers are all made up.
"""

from __future__ import annotations

import csv
import io
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lchd_assess.load.instrument import load_assessment  # noqa: E402
from lchd_assess.core.outputs import write_atomic  # noqa: E402

ELEMENTS = ["P1", "P2", "P3", "P4", "FS1", "FS2", "FS3", "FS4"]
ROLE_OF = {"resident-family": "resident-family-member", "youth": "youth-member"}
#: The two sector groups on the community side (instrument 1.1.0 split 1.0.0's "community").
COMMUNITY_GROUPS = ("residents-families", "community-organisations")
COMMENTS = {
    "P4.Q1": "Meetings are at 2pm on weekdays, so parents who work cannot come.",
    "P4.Q7": "Meetings are at 2pm on weekdays, so parents who work cannot come.",
    "P4.Q8": "The steering group listens, but the big decisions seem made before we meet.",
    "FS3.Q8": "I was never asked if my information could be shared.",
    "FS3.Q7": "Referrals to housing get lost; nobody calls back.",
    "P4.Q2": "The steering group listens, but the big decisions seem made before we meet.",
    "FS2.Q3": "People here remember the clinic closing. Trust takes time.",
    "FS3.Q2": "I was never asked if my information could be shared.",
    "FS4.Q5": "Our agency pays for the home visits but the hospital sees the savings.",
    "FS1.Q1": "We have a roadmap on paper but it is rarely used in meetings.",
    "P2.Q1": "Referrals to housing get lost; nobody calls back.",
}


def answers_for(
    rng: random.Random,
    items,
    mean: dict[str, float],
    group_shift: dict[str, float],
    dk_rate: dict[str, float],
    person: float,
) -> dict[str, str]:
    out = {}
    for it in items:
        el = it.element
        r = rng.random()
        if r < dk_rate.get(el, 0.03):
            out[it.id] = "DK"
            continue
        if r < dk_rate.get(el, 0.03) + 0.015:
            out[it.id] = "NA"
            continue
        if r < dk_rate.get(el, 0.03) + 0.03:
            out[it.id] = ""
            continue
        mu = mean[el] + group_shift.get(el, 0.0) + person + rng.gauss(0, 0.55)
        out[it.id] = str(max(0, min(4, round(mu))))
    return out


def community(shift: dict[str, float]) -> dict[str, dict[str, float]]:
    """The same shift for both community-side sector groups."""
    return {g: dict(shift) for g in COMMUNITY_GROUPS}


def wave_csv(
    inst,
    rng: random.Random,
    roster: list[tuple[str, str, int]],
    mean,
    shifts,
    dk,
    comment_rate: float,
    prefix: str,
    version: str | None = None,
) -> str:
    # A wave collected with an earlier instrument version has that version's items (retired
    # ones included), so the examples show change computed across versions.
    items = inst.active_items() if version is None else [i for i in inst.items if i.id in inst.items_at(version)]
    if version is not None:
        order = {e: n for n, e in enumerate(ELEMENTS)}
        items.sort(key=lambda i: (order[i.element], int(i.id.rsplit("Q", 1)[1])))
    header = ["respondent_id", "sector", "role"] + [i.id for i in items]
    comment_items = [i for i in COMMENTS if i in {x.id for x in items}]
    header += [f"{c}_comment" for c in comment_items]
    rows = []
    n = 0
    for sector, role, count in roster:
        for _ in range(count):
            n += 1
            group = inst.group_of(sector)
            person = rng.gauss(0, 0.25)
            ans = answers_for(rng, items, mean, shifts.get(group, {}), dk.get(group, {}), person)
            com = {c: (COMMENTS[c] if rng.random() < comment_rate else "") for c in comment_items}
            rows.append(
                [f"{prefix}{n:02d}", sector, role] + [ans[i.id] for i in items] + [com[c] for c in comment_items]
            )
    rng.shuffle(rows)  # spreadsheets are not sorted; the scorer must not care
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def main() -> None:
    inst = load_assessment().instrument
    ex = ROOT / "assessments" / "examples"
    community_dk = community({"FS4": 0.35, "FS3": 0.15})

    # 1. A city network with two waves: FS1 and FS3 improve clearly, the rest little.
    rng = random.Random(3101)
    roster = [
        ("health-care", "leadership", 2),
        ("health-care", "staff", 4),
        ("public-health", "staff", 2),
        ("social-services", "staff", 3),
        ("education", "staff", 2),
        ("housing", "leadership", 1),
        ("legal", "staff", 1),
        ("community-organisation", "staff", 3),
        ("resident-family", "resident-family-member", 5),
        ("backbone", "leadership", 1),
        ("backbone", "staff", 4),
    ]
    base = {"P1": 2.0, "P2": 2.2, "P3": 1.8, "P4": 1.9, "FS1": 1.5, "FS2": 2.3, "FS3": 1.3, "FS4": 1.7}
    shifts = {**community({"P4": -0.9, "FS2": -0.7, "P3": -0.4}), "backbone": {"FS1": 0.3}}
    write_atomic(
        ex / "harbour-city-family-network" / "responses" / "2025-baseline.csv",
        wave_csv(inst, rng, roster, base, shifts, community_dk, 0.15, "H", version="1.0.0"),
    )
    later = dict(base, FS1=2.5, FS3=2.2, P2=2.4)
    roster2 = roster[:-2] + [
        ("backbone", "leadership", 1),
        ("backbone", "staff", 3),
        ("resident-family", "resident-family-member", 2),
        ("financial", "staff", 1),
    ]
    write_atomic(
        ex / "harbour-city-family-network" / "responses" / "2026-followup.csv",
        wave_csv(inst, rng, roster2, later, shifts, community_dk, 0.15, "H"),
    )

    # 2. A small neighbourhood collaborative: backbone (2) and health care (3) are too small to show.
    rng = random.Random(3102)
    roster = [
        ("resident-family", "resident-family-member", 5),
        ("community-organisation", "leadership", 2),
        ("community-organisation", "staff", 2),
        ("health-care", "staff", 3),
        ("backbone", "staff", 2),
        ("social-services", "staff", 3),
        ("education", "staff", 2),
    ]
    mean = {"P1": 2.6, "P2": 2.7, "P3": 3.0, "P4": 2.9, "FS1": 2.4, "FS2": 3.0, "FS3": 2.0, "FS4": 1.9}
    shifts = community({"FS3": -0.5})
    write_atomic(
        ex / "riverbend-neighbourhood-collaborative" / "responses" / "2026-spring.csv",
        wave_csv(inst, rng, roster, mean, shifts, community_dk, 0.1, "R"),
    )

    # 3. A county alliance that is strong on principles but has almost no funding structure: FS4 trips the gate.
    rng = random.Random(3103)
    roster = [
        ("health-care", "leadership", 3),
        ("health-care", "staff", 3),
        ("public-health", "leadership", 2),
        ("public-health", "staff", 2),
        ("social-services", "staff", 2),
        ("education", "staff", 2),
        ("housing", "staff", 1),
        ("financial", "staff", 1),
        ("funder", "leadership", 1),
        ("community-organisation", "staff", 3),
        ("resident-family", "resident-family-member", 4),
        ("backbone", "leadership", 1),
        ("backbone", "staff", 3),
    ]
    mean = {"P1": 3.0, "P2": 2.9, "P3": 2.8, "P4": 2.7, "FS1": 3.0, "FS2": 2.9, "FS3": 2.6, "FS4": 0.8}
    shifts = community({"P4": -0.3, "FS2": -0.2})
    write_atomic(
        ex / "three-rivers-county-alliance" / "responses" / "2026-annual.csv",
        wave_csv(inst, rng, roster, mean, shifts, community_dk, 0.1, "T"),
    )

    # 4. A regional network of 40 respondents across every sector, two of them young people.
    rng = random.Random(3104)
    roster = [
        ("health-care", "leadership", 3),
        ("health-care", "staff", 5),
        ("public-health", "staff", 3),
        ("social-services", "staff", 3),
        ("education", "staff", 2),
        ("housing", "staff", 2),
        ("legal", "staff", 1),
        ("financial", "staff", 1),
        ("funder", "leadership", 2),
        ("other", "staff", 1),
        ("community-organisation", "leadership", 2),
        ("community-organisation", "staff", 3),
        ("resident-family", "resident-family-member", 4),
        ("youth", "youth-member", 2),
        ("backbone", "leadership", 1),
        ("backbone", "staff", 5),
    ]
    mean = {"P1": 2.2, "P2": 2.0, "P3": 2.4, "P4": 2.3, "FS1": 2.6, "FS2": 2.2, "FS3": 2.8, "FS4": 2.0}
    shifts = {**community({"P4": -1.0, "FS2": -1.0, "FS1": -0.6}), "health-care": {"FS3": 0.4}}
    write_atomic(
        ex / "upper-valley-regional-network" / "responses" / "2026-annual.csv",
        wave_csv(inst, rng, roster, mean, shifts, community_dk, 0.1, "U"),
    )
    print("wrote the example responses in", ex)


if __name__ == "__main__":
    main()

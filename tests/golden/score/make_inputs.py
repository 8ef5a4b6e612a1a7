"""Write the input folders of the scorer's golden cases (run once; the inputs are committed).

Each case is small and built for one behaviour, so that its expected.json can be checked by
eye: ``.venv/bin/python tests/golden/score/make_inputs.py`` then
``.venv/bin/python -m pytest tests/test_score_golden.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import csv
import io
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from lchd_assess.load.instrument import load_assessment  # noqa: E402

INST = load_assessment().instrument
ITEMS = INST.item_ids()
ROLE = {"resident-family": "resident-family-member"}

PARTNERSHIP = """# yaml-language-server: $schema=../../../../schemas/partnership.schema.json
kind: partnership
name: {name}
scale: {scale}
population_focus: Made-up test case
fictional: true
roster:
{roster}
"""


def write_case(
    case: str, name: str, scale: str, roster: list[str], waves: dict[str, list[tuple[str, str, dict[str, str]]]]
) -> None:
    d = HERE / case
    (d / "responses").mkdir(parents=True, exist_ok=True)
    lines = "\n".join(
        f"  - {{id: org-{i + 1:02d}, name: Test organisation {i + 1}, sector: {s}}}" for i, s in enumerate(roster)
    )
    text = PARTNERSHIP.format(name=name, scale=scale, roster=lines)
    if len(waves) > 1:
        # Two or more waves are ordered by the date each closed, declared here (not by name).
        text += "waves:\n" + "".join(f'  - {{label: {w}, closed: "{w[:4]}-03-31", file: {w}.csv}}\n' for w in waves)
    (d / "partnership.yaml").write_text(text, encoding="utf-8")
    for wave, rows in waves.items():
        buf = io.StringIO(newline="")
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(["respondent_id", "sector", "role", *ITEMS])
        for rid, sector, ans in rows:
            w.writerow([rid, sector, ROLE.get(sector, "staff"), *[ans.get(i, "") for i in ITEMS]])
        (d / "responses" / f"{wave}.csv").write_text(buf.getvalue(), encoding="utf-8")


def const(value: str, **overrides: str) -> dict[str, str]:
    out = {i: value for i in ITEMS}
    out.update(overrides)
    return out


def by_element(values: dict[str, str]) -> dict[str, str]:
    return {i: values[i.split(".")[0]] for i in ITEMS}


def main() -> None:
    # 1. Six respondents, hand-checkable: three answer 2 everywhere, three answer 4 → every item 3 → 75.
    rows = [
        (f"R{n}", s, const(v))
        for n, (s, v) in enumerate(
            [
                ("resident-family", "2"),
                ("health-care", "4"),
                ("backbone", "2"),
                ("education", "4"),
                ("community-organisation", "2"),
                ("housing", "4"),
            ],
            1,
        )
    ]
    write_case(
        "hand-checked",
        "Hand-checked case",
        "city",
        ["health-care", "education", "housing", "community-organisation", "resident-family", "backbone", "legal"],
        {"2026-a": rows},
    )

    # 2. Not computable: P1 has only 2 of 5 items answered; FS2 answered by only 2 people.
    rows = []
    for n in range(1, 7):
        ans = const("3")
        for q in ("P1.Q3", "P1.Q4", "P1.Q5"):
            ans[q] = "DK" if n % 2 else "NA"
        if n > 2:
            for i in ITEMS:
                if i.startswith("FS2."):
                    ans[i] = ""
        rows.append((f"N{n}", ["health-care", "social-services", "resident-family"][n % 3], ans))
    write_case(
        "not-computable",
        "Not computable case",
        "neighbourhood",
        ["health-care", "social-services", "resident-family"],
        {"2026-a": rows},
    )

    # 3. Complementary suppression: community 6, health care 6, related sectors 7, backbone 2.
    rng = random.Random(7)
    rows = []
    plan = [
        ("resident-family", 4),
        ("community-organisation", 2),
        ("health-care", 6),
        ("public-health", 3),
        ("housing", 4),
        ("backbone", 2),
    ]
    n = 0
    for sector, count in plan:
        for _ in range(count):
            n += 1
            rows.append((f"C{n:02d}", sector, {i: str(rng.randint(1, 4)) for i in ITEMS}))
    write_case(
        "complementary-suppression",
        "Complementary suppression case",
        "county",
        ["resident-family", "community-organisation", "health-care", "public-health", "housing", "backbone", "legal"],
        {"2026-a": rows},
    )

    # 4. Gate: strong everywhere except FS3 (answers of 1 → 25), which caps the overall level.
    rows = []
    for n in range(1, 9):
        vals = {"P1": "4", "P2": "3", "P3": "4", "P4": "3", "FS1": "4", "FS2": "3", "FS3": "1", "FS4": "4"}
        rows.append((f"G{n}", ["health-care", "backbone", "resident-family", "education"][n % 4], by_element(vals)))
    write_case(
        "gate-capped",
        "Gate case",
        "region",
        ["health-care", "backbone", "resident-family", "education"],
        {"2026-a": rows},
    )

    # 5. Two waves: FS1 rises by a full point (25) for everyone, P2 by 0.2 of a point (5: not meaningful).
    rng = random.Random(11)
    sectors = (
        ["resident-family"] * 5
        + ["community-organisation"] * 1
        + ["health-care"] * 5
        + ["social-services"] * 5
        + ["backbone"] * 5
    )
    w1, w2 = [], []
    for n, s in enumerate(sectors, 1):
        base = {i: rng.choice(["1", "2", "2", "3"]) for i in ITEMS}
        w1.append((f"W{n:02d}", s, base))
        later = dict(base)
        for i in ITEMS:
            if i.startswith("FS1."):
                later[i] = str(min(4, int(base[i]) + 1))
        w2.append((f"W{n:02d}", s, later))
    # P2 in wave 2: one of five items up by one for everyone → +0.2 on the 0–4 scale.
    w2 = [(rid, s, {**a, "P2.Q1": str(min(4, int(a["P2.Q1"]) + 1))}) for rid, s, a in w2]
    write_case(
        "two-waves",
        "Two waves case",
        "city",
        ["resident-family", "community-organisation", "health-care", "social-services", "backbone", "housing"],
        {"2025-baseline": w1, "2026-followup": w2},
    )

    # 6. DK and NA everywhere but a few answers: scores come only from valid answers.
    rows = []
    for n in range(1, 6):
        ans = const("DK" if n % 2 else "NA")
        for i in ITEMS:
            if i.endswith(".Q1") or i.endswith(".Q2") or i.endswith(".Q3"):
                ans[i] = str(n % 5)
        rows.append((f"D{n}", "resident-family", ans))
    write_case(
        "dont-know-heavy", "Don't-know case", "neighbourhood", ["resident-family", "health-care"], {"2026-a": rows}
    )


if __name__ == "__main__":
    main()

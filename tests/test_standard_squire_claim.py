"""The reporting standard's SQUIRE claim is computed from the crosswalk, not asserted (issue 12)."""

from __future__ import annotations

import re

from lchd_assess.load.framework import load_framework
from lchd_assess.load.standard import standard_from

STD = standard_from(load_framework())
SQUIRE = next(c for c in STD.crosswalks if c.id == "GX-squire-2")
TIER = {i.id: i.tier for i in STD.items()}
FULL = ("equivalent", "narrower")  # our item asks at least what the element asks


def covered(items: set[str]) -> tuple[list[str], list[str]]:
    """(elements addressed in full by one item, elements addressed only by overlapping items together)."""
    one, together = [], []
    for e in SQUIRE.elements:
        mine = [m for m in e.mappings if m.item in items]
        if any(m.relationship in FULL for m in mine):
            one.append(e.number)
        elif len(mine) >= 2 and len(mine) == len(e.mappings):
            together.append(e.number)
    return one, together


def test_the_squire_profile_core_plus_its_extended_items_addresses_all_40_elements():
    assert len(SQUIRE.elements) == 40
    core = {i for i, t in TIER.items() if t == "core"}
    assert all(TIER[i] == "extended" for i in SQUIRE.profile)
    one, together = covered(core | set(SQUIRE.profile))
    assert len(one) + len(together) == 40 and sorted(together) == ["12", "13b"]
    # Every profile item is needed: without it some element is no longer addressed.
    for item in SQUIRE.profile:
        o, t = covered(core | set(SQUIRE.profile) - {item})
        assert len(o) + len(t) < 40, item


def test_the_claims_in_the_summary_and_crosswalk_say_exactly_what_is_covered():
    core = {i for i, t in TIER.items() if t == "core"}
    one, together = covered(core)
    n_core = len(one) + len(together)
    words = {8: "eight"}
    for text in (STD.model.summary, SQUIRE.description):
        flat = " ".join(text.split())
        assert f"{n_core} of" in flat and "40" in flat, flat
        assert f"{words[len(SQUIRE.profile)]} extended items" in flat
        # No sentence claims that any report meeting the standard addresses every element.
        assert not re.search(r"meets the standard therefore also addresses every", flat)


def test_mappings_follow_the_crosswalks_own_definitions_for_the_elements_the_review_named():
    rel = {(e.number, m.item): m.relationship for e in SQUIRE.elements for m in e.mappings}
    for number, item in [
        ("6", "RS-aims"),
        ("8a", "RS-interventions"),
        ("11a", "RS-analysis"),
        ("18", "RS-funding-conflicts"),
        ("9b", "RS-evaluation-design"),
        ("10c", "RS-measures"),
        ("14a", "RS-summary"),
        ("14b", "RS-summary"),
        ("16a", "RS-limitations"),
        ("16b", "RS-limitations"),
        ("16c", "RS-limitations"),
    ]:
        assert rel[(number, item)] == "narrower", (number, item)


def test_the_new_items_and_the_core_promotions_of_release_1_1():
    items = {i.id: i for i in STD.items()}
    assert items["RS-scale"].tier == items["RS-contributions"].tier == "core"
    assert "CRediT" in items["RS-contributions"].what_to_report
    assert items["RS-data-availability"].tier == items["RS-community-review"].tier == "core"
    assert "improvement initiative" in items["RS-title"].what_to_report
    assert all(h in items["RS-outcomes-by-level"].what_to_report for h in ("short", "intermediate", "long"))

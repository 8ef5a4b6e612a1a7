"""The self-assessment's wording: plain, one question per item, versioned honestly (issue 12).

Readability is measured with textstat's Flesch-Kincaid grade (offline: textstat below 0.7.9
bundles its pronunciation dictionary).  Single short questions swing widely on that formula,
so the target is on the stems taken together and on their median, with a ceiling per stem.
"""

from __future__ import annotations

import re
import statistics

import pytest

from lchd_assess.load.instrument import load_assessment

textstat = pytest.importorskip("textstat")

ASSESSMENT = load_assessment()
INST = ASSESSMENT.instrument
ACTIVE = INST.active_items()
NEW_IN = {it.id for it in INST.items if it.since_version == INST.version}

#: Grade targets for the question stems (US school grade, Flesch-Kincaid).
STEMS_TOGETHER = 8.0
STEM_MEDIAN = 8.0
ANY_ONE_STEM = 10.0


def grade(text: str) -> float:
    return float(textstat.flesch_kincaid_grade(text))


def test_the_question_stems_read_at_grade_8_or_below():
    grades = {it.id: grade(it.stem) for it in ACTIVE}
    together = grade(" ".join(it.stem for it in ACTIVE))
    assert together <= STEMS_TOGETHER, together
    assert statistics.median(grades.values()) <= STEM_MEDIAN, statistics.median(grades.values())
    too_hard = {i: round(g, 1) for i, g in grades.items() if g > ANY_ONE_STEM}
    assert not too_hard, too_hard


def test_the_level_statements_read_at_grade_8_or_below_taken_together():
    assert grade(" ".join(a for it in ACTIVE for a in it.anchors)) <= 8.0


def test_every_stem_asks_one_question():
    # One question mark, and no second question joined on with "and do/does/are …".
    second = re.compile(r",? and (do|does|are|is|have|has|can|did) ", re.IGNORECASE)
    for it in ACTIVE:
        assert it.stem.count("?") == 1 and it.stem.rstrip().endswith("?"), it.id
        assert not second.search(it.stem), it.id


def test_no_stem_or_level_uses_the_judgement_words_the_review_found():
    # "fairly", "real say" and "trust is strong" ask for a verdict, not for what people see.
    for it in ACTIVE:
        for text in [it.stem, *it.anchors]:
            assert not re.search(r"\bfairly\b|real say|trust is strong", text), (it.id, text)


def test_every_new_item_has_a_level_1_statement_that_matches_talked_about():
    assert INST.level_labels[1] == "Talked about"
    for it in ACTIVE:
        if it.id in NEW_IN:
            assert re.search(r"\btalk", it.anchors[1]), (it.id, it.anchors[1])


def test_retired_items_name_existing_replacements_and_every_change_is_in_the_changelog():
    ids = {it.id for it in INST.items}
    log = " ".join(c for entry in INST.changelog if entry.version == INST.version for c in entry.changes)
    for it in INST.items:
        if it.status == "retired":
            assert it.retired_in and all(
                r in ids and r not in {x.id for x in INST.items if x.status == "retired"} for r in it.replaced_by
            ), it.id
            assert f"{it.id} retired" in log, it.id
        if it.id in NEW_IN:
            assert it.id in log, it.id
    # Nothing is both kept and changed: a kept item's ID is never reused for another question.
    assert len(ids) == len(INST.items)


def test_insider_knowledge_questions_say_whom_to_ask():
    # Payment models (FS4), data formats and legal agreements (FS3.3, FS3.4): few members see them.
    need = [it for it in ACTIVE if set(it.components) & {"FS3.3", "FS3.4", "FS4.1", "FS4.2", "FS4.3", "FS4.5", "FS4.6"}]
    assert need and all(it.who_knows for it in need), [it.id for it in need if not it.who_knows]


def test_youth_and_residents_are_their_own_group_on_the_community_side():
    groups = {g.id: g for g in INST.sector_groups}
    assert INST.group_of("youth") == INST.group_of("resident-family") == "residents-families"
    assert INST.group_of("community-organisation") == "community-organisations"
    assert groups["residents-families"].perspective == groups["community-organisations"].perspective == "community"


def test_fs2_asks_whether_residents_share_leadership_and_p4_is_gated():
    fs2 = [it for it in ACTIVE if it.element == "FS2"]
    assert any("lead" in it.stem and "resident" in it.stem.lower() for it in fs2)
    assert "P4" in ASSESSMENT.rules.gate.elements


def test_retired_actions_are_never_suggested_and_p4_has_a_process_measure_action():
    from lchd_assess.context.report_context import guidance_from_assessment, select_actions

    guidance = guidance_from_assessment(ASSESSMENT)
    suggested = {a.id for e in ("P2", "P4") for a in select_actions(guidance, e, None)}
    assert not suggested & {"P2.A1", "P4.A2"}
    assert any(
        a.components == ["P4.3"] and "process" in a.title for a in ASSESSMENT.actions.actions if a.status == "active"
    )

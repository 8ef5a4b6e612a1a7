"""The instrument, scoring rules and recommended actions: complete, consistent and honest."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from lchd_assess.core.errors import InputError
from lchd_assess.load.framework import load_framework
from lchd_assess.load.instrument import load_assessment
from lchd_assess.context.method import method_markdown
from lchd_assess.app.validate import validate_paths

ROOT = Path(__file__).resolve().parent.parent
A = load_assessment()
INST, RULES, ACTIONS = A.instrument, A.rules, A.actions
FW = load_framework()


def test_assessment_folder_validates_without_findings():
    report = validate_paths([ROOT / "assessments"]).report
    assert report.ok, report.format_text()


def test_between_40_and_60_items_and_at_least_four_per_element():
    counts = Counter(i.element for i in INST.active_items())
    assert 40 <= sum(counts.values()) <= 60
    assert sorted(counts) == sorted(e.id for e in FW.core_elements)
    assert min(counts.values()) >= INST.min_items_per_element >= 4


def test_every_component_of_every_element_is_reached_by_an_item():
    reached = {c for i in INST.active_items() for c in i.components}
    for el in FW.core_elements:
        for comp in el.components:
            assert comp.id in reached, f"{comp.id} ({comp.name}) is reached by no item"


def test_every_item_has_five_distinct_anchors_and_a_question_mark_stem():
    for item in INST.active_items():
        assert len(item.anchors) == 5 and len(set(item.anchors)) == 5, item.id
        assert item.stem.rstrip().endswith("?"), item.id
        assert item.id.startswith(item.element + ".")


def test_sections_follow_the_framework_order_and_names():
    assert [s.element for s in INST.sections] == [e.id for e in FW.core_elements]
    for s in INST.sections:
        assert s.title == FW.get(s.element).name


def test_sectors_and_groups_are_the_ones_the_issue_names():
    assert [s.id for s in INST.sectors] == [
        "health-care",
        "public-health",
        "social-services",
        "education",
        "housing",
        "legal",
        "financial",
        "community-organisation",
        "resident-family",
        "youth",
        "funder",
        "backbone",
        "other",
    ]
    # Residents, families and youth are their own group (issue 12), beside community organisations;
    # both are the community side of the comparison.
    assert {s.id for s in INST.sectors if s.group == "residents-families"} == {"resident-family", "youth"}
    assert {s.id for s in INST.sectors if s.group == "community-organisations"} == {"community-organisation"}
    assert {g.id for g in INST.sector_groups if g.perspective == "community"} == {
        "residents-families",
        "community-organisations",
    }
    assert [r.id for r in INST.roles] == ["leadership", "staff", "resident-family-member", "youth-member"]


def test_every_element_has_actions_citing_its_section_of_the_paper():
    for el in FW.core_elements:
        acts = [a for a in ACTIONS.actions if a.element == el.id]
        assert acts, el.id
        for a in acts:
            assert a.source.section == el.source.section, a.id
            assert a.source.document == "REF-liu-2022"


def test_actions_for_a_low_level_include_more_than_for_a_high_one():
    from lchd_assess.context.report_context import guidance_from_assessment, select_actions

    guidance = guidance_from_assessment(A)
    low = select_actions(guidance, "FS4", "exploring")
    high = select_actions(guidance, "FS4", "sustaining")
    assert {a.id for a in low} == {"FS4.A1", "FS4.A2"}
    assert high == []
    assert {a.id for a in select_actions(guidance, "FS4", "ready")} == {"FS4.A2"}
    assert len(select_actions(guidance, "FS4", None)) == len([a for a in ACTIONS.actions if a.element == "FS4"])


def test_minimum_cell_size_below_three_is_refused(tmp_path):
    for name in ("instrument.yaml", "scoring-rules.yaml", "recommended-actions.yaml"):
        (tmp_path / name).write_text(
            (ROOT / "assessments" / name).read_text(encoding="utf-8").replace("min_cell_size: 5", "min_cell_size: 2"),
            encoding="utf-8",
        )
    with pytest.raises(InputError, match=r"scoring-rules.yaml:\d+:\d+: schema-value: .*min_cell_size"):
        load_assessment(tmp_path)


def test_levels_that_leave_a_gap_are_a_finding(tmp_path):
    for name in ("instrument.yaml", "recommended-actions.yaml"):
        (tmp_path / name).write_text((ROOT / "assessments" / name).read_text(encoding="utf-8"), encoding="utf-8")
    text = (
        (ROOT / "assessments" / "scoring-rules.yaml")
        .read_text(encoding="utf-8")
        .replace("    min: 40\n", "    min: 45\n", 1)
    )
    (tmp_path / "scoring-rules.yaml").write_text(text, encoding="utf-8")
    report = validate_paths([tmp_path]).report
    assert "scoring-rules-bands" in report.codes()


def test_method_page_is_generated_from_the_rules():
    md = method_markdown(RULES, INST)
    assert md.startswith("# How the self-assessment is scored\n")
    for band in RULES.levels:
        assert f"| {band.label} | {band.min:g} to" in md
    assert f"{RULES.interval.resamples} resamples" in md and str(RULES.interval.seed) in md
    assert f"at least {RULES.min_cell_size} people" in md
    assert f"less than {RULES.gap_thresholds[0]:g} points" in md
    assert f"at least {RULES.meaningful_change:g} points" in md
    # Change the rules: the page follows.
    other = RULES.model_copy(update={"min_cell_size": 7, "meaningful_change": 12.5})
    md2 = method_markdown(other, INST)
    assert "at least 7 people" in md2 and "at least 12.5 points" in md2 and md2 != md


def test_method_page_names_every_sector_group_and_no_placeholder():
    md = method_markdown(RULES, INST)
    for g in INST.sector_groups:
        assert g.label in md
    assert not re.search(r"\{|\}|None|TODO", md)


def test_instrument_data_for_the_site_lists_every_item_once_with_component_names():
    from lchd_assess.context.method import instrument_data
    from lchd_assess.core.outputs import dumps_json

    data = instrument_data(A, FW)
    ids = [it["id"] for el in data["elements"] for it in el["items"]]
    assert ids == INST.item_ids()
    assert [el["id"] for el in data["elements"]] == [e.id for e in FW.core_elements]
    for el in data["elements"]:
        assert el["actions"], el["id"]
        for it in el["items"]:
            assert len(it["levels"]) == 5
            assert all(c["name"] for c in it["components"])
    assert dumps_json(data) == dumps_json(instrument_data(A, FW))  # JSON-ready and stable


def _copy_assessment(tmp_path, edit_instrument):
    for name in ("scoring-rules.yaml", "recommended-actions.yaml"):
        (tmp_path / name).write_text((ROOT / "assessments" / name).read_text(encoding="utf-8"), encoding="utf-8")
    text = (ROOT / "assessments" / "instrument.yaml").read_text(encoding="utf-8")
    (tmp_path / "instrument.yaml").write_text(edit_instrument(text), encoding="utf-8")
    return validate_paths([tmp_path]).report


@pytest.mark.parametrize(
    "edit, code",
    [
        (
            lambda t: t.replace(
                "  - id: FS4.Q6\n    element: FS4\n    components: [FS4.6]\n",
                "  - id: FS4.Q6\n    element: FS4\n    components: []\n",
            ),
            "instrument-component-unreached",
        ),
        (
            lambda t: t.replace(
                "  - id: P4.Q1\n    element: P4\n    components: [P4.1]",
                "  - id: P4.Q1\n    element: P4\n    components: [FS1.1]",
            ),
            "instrument-component-mismatch",
        ),
        (
            lambda t: t.replace("  - id: P1.Q5\n    element: P1", "  - id: P2.Q9\n    element: P1"),
            "instrument-item-prefix",
        ),
        (
            lambda t: t.replace("  - element: P1\n    title:", "  - element: P2\n    title:", 1),
            "instrument-section-mismatch",
        ),
        (
            lambda t: t.replace("resident_sector: resident-family", "resident_sector: residents"),
            "instrument-unknown-sector",
        ),
        (lambda t: t.replace("min_items_per_element: 4", "min_items_per_element: 6"), "instrument-element-uncovered"),
        (
            lambda t: t.replace("    since_version: 1.0.0\n", "    since_version: 1.2.0\n", 1),
            "instrument-version-order",
        ),
    ],
)
def test_a_broken_instrument_yields_its_finding(tmp_path, edit, code):
    report = _copy_assessment(tmp_path, edit)
    assert code in report.codes(), report.format_text()
    assert all(f.line for f in report.findings if f.code == code)


@pytest.mark.parametrize(
    "old, new, code, message",
    [
        (
            "  - id: P1.A1\n    element: P1\n",
            "  - id: P2.A9\n    element: P1\n",
            "instrument-item-prefix",
            "action 'P2.A9' is for P1; its ID must start with 'P1.'",
        ),
        (
            "  - id: P1.A1\n    element: P1\n",
            "  - id: P1.A1\n    element: P1\n    components: [FS1.1]\n",
            "instrument-component-mismatch",
            "component 'FS1.1' is not a component of P1",
        ),
    ],
)
def test_a_recommended_action_under_the_wrong_element_is_reported_in_plain_words(tmp_path, old, new, code, message):
    _copy_assessment(tmp_path, lambda t: t)
    actions = tmp_path / "recommended-actions.yaml"
    text = actions.read_text(encoding="utf-8")
    assert old in text
    actions.write_text(text.replace(old, new, 1), encoding="utf-8")
    report = validate_paths([tmp_path]).report
    found = [f for f in report.findings if f.code == code]
    assert [f.message for f in found] == [message] and found[0].line, report.format_text()

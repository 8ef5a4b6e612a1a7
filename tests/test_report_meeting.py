"""Page 1 of the partnership report: what a coordinator takes to the meeting."""

from __future__ import annotations

from lchd_assess.context.meeting import build_meeting
from lchd_assess.context.report_context import CautionRules, Guidance, GuidanceAction
from lchd_assess.score.models import ElementChange

from report_helpers import GUIDANCE, fixture_score, fw_info

LENIENT = GUIDANCE.model_copy(
    update={"caution": CautionRules(min_respondents=1, max_silent_sectors=99, max_dont_know_share=1.0)}
)


def _with_elements(score, **changes):
    """The score with some elements' (score, interval) replaced: {'P1': (30.0, (20.0, 40.0))}."""
    els = [
        e.model_copy(update={"score": changes[e.id][0], "interval": changes[e.id][1]}) if e.id in changes else e
        for e in score.elements
    ]
    return score.model_copy(update={"elements": els})


def _ungated(score):
    """The score with no element holding its level back (priorities then come from scores alone)."""
    return score.model_copy(
        update={"gating": score.gating.model_copy(update={"capping_elements": [], "capped": False})}
    )


def test_a_few_respondents_silent_sectors_and_many_dont_knows_each_get_a_caution_line():
    score = fixture_score()
    strict = GUIDANCE.model_copy(
        update={
            "caution": CautionRules(
                min_respondents=score.n_respondents + 1, max_silent_sectors=0, max_dont_know_share=0.001
            )
        }
    )
    rep = score.representation.model_copy(update={"silent_sectors": ["housing"]})
    m = build_meeting(score.model_copy(update={"representation": rep}), fw_info(), strict)
    assert len(m.cautions) == 3
    assert m.cautions[0].startswith(
        f"Only {score.n_respondents} members answered (fewer than {score.n_respondents + 1})"
    )
    assert "Housing" in m.cautions[1] or "housing" in m.cautions[1]
    assert "don't know" in m.cautions[2]
    assert f"fewer than {score.n_respondents + 1} members answered" in m.caution_rule
    assert build_meeting(score, fw_info(), LENIENT).cautions == []


def test_no_caution_thresholds_means_no_caution_box():
    assert build_meeting(fixture_score(), fw_info(), Guidance()).cautions == []


def test_priorities_with_overlapping_intervals_are_said_to_be_not_clearly_different():
    score = _with_elements(
        fixture_score(),
        P1=(30.0, (20.0, 45.0)),
        P2=(35.0, (25.0, 50.0)),
        P3=(38.0, (28.0, 52.0)),
        P4=(80.0, (75.0, 85.0)),
        FS1=(82.0, (78.0, 86.0)),
        FS2=(84.0, (80.0, 88.0)),
        FS3=(86.0, (82.0, 90.0)),
        FS4=(88.0, (84.0, 92.0)),
    )
    score = _ungated(score)
    m = build_meeting(score, fw_info(), LENIENT)
    assert [p.id for p in m.priorities] == ["P1", "P2", "P3"]
    assert m.priorities_note.startswith("These three are not clearly different")
    assert m.priority_intervals == ["20–45", "25–50", "28–52"]
    # Clearly separated intervals: nothing to say.
    apart = _with_elements(score, P1=(10.0, (5.0, 15.0)), P2=(30.0, (25.0, 35.0)), P3=(50.0, (45.0, 55.0)))
    assert build_meeting(apart, fw_info(), LENIENT).priorities_note == ""


def test_the_next_element_is_named_when_it_is_not_clearly_higher_than_a_priority():
    score = _with_elements(
        fixture_score(),
        P1=(10.0, (5.0, 15.0)),
        P2=(30.0, (25.0, 35.0)),
        P3=(39.0, (26.0, 56.0)),
        FS4=(47.0, (40.0, 55.0)),
        P4=(80.0, (75.0, 85.0)),
        FS1=(82.0, (78.0, 86.0)),
        FS2=(84.0, (80.0, 88.0)),
        FS3=(86.0, (82.0, 90.0)),
    )
    score = _ungated(score)
    m = build_meeting(score, fw_info(), LENIENT)
    assert "FS4" in m.priorities_note and "not clearly higher" in m.priorities_note


def test_the_largest_perspective_gaps_come_first_and_similar_views_are_left_out():
    score = fixture_score()
    gaps = [
        g.model_copy(update={"community": 50.0, "institutional": 50.0 - d, "difference": d, "code": code})
        for g, (d, code) in zip(
            score.gaps,
            [
                (5.0, "similar"),
                (-24.0, "large-difference"),
                (12.0, "some-difference"),
                (-20.0, "large-difference"),
                (15.0, "some-difference"),
            ],
        )
    ]
    m = build_meeting(score.model_copy(update={"gaps": gaps + list(score.gaps[5:])}), fw_info(), LENIENT)
    assert [g.difference for g in m.gaps] == ["−24", "−20", "+15"]


def test_change_since_the_last_wave_says_the_overall_move_and_what_was_left_out():
    score = fixture_score()
    change = (
        score.change.model_copy(
            update={
                "elements": [
                    ElementChange(
                        id="P1",
                        previous=40.0,
                        current=55.0,
                        delta=15.0,
                        flag="improved",
                        reason="compared on the 3 items that mean the same in both waves (1 left out)",
                    ),
                    ElementChange(
                        id="overall", previous=50.0, current=52.0, delta=2.0, flag="no-meaningful-change", reason=None
                    ),
                ]
            }
        )
        if score.change
        else None
    )
    if change is None:
        from lchd_assess.score.models import Change

        change = Change(
            previous_wave="2025",
            threshold=10.0,
            elements=[
                ElementChange(
                    id="P1",
                    previous=40.0,
                    current=55.0,
                    delta=15.0,
                    flag="improved",
                    reason="compared on the 3 items that mean the same in both waves (1 left out)",
                ),
                ElementChange(
                    id="overall", previous=50.0, current=52.0, delta=2.0, flag="no-meaningful-change", reason=None
                ),
            ],
        )
    m = build_meeting(score.model_copy(update={"change": change}), fw_info(), LENIENT)
    assert m.change is not None
    assert "Overall 50" in m.change.overall and "+2 points: not a meaningful change" in m.change.overall
    assert m.change.improved[0].startswith("P1 ") and m.change.improved[0].endswith("(+15)")
    # page 1 names the element and sends the reader to section 5 for which items and why
    assert "Some items were left out for P1." in m.change.note and "Section 5" in m.change.note


def test_the_level_is_defined_where_it_is_first_used_and_so_is_the_gate():
    score = fixture_score()
    g = GUIDANCE.model_copy(update={"level_meanings": {score.gating.level: "What this level looks like."}})
    m = build_meeting(score, fw_info(), g)
    assert m.level_meaning.startswith(f"{score.gating.level_label} (") and m.level_meaning.endswith(
        "What this level looks like."
    )
    # page 1 prints it after a bold "The gate." label, so the rule itself carries no second label
    assert m.gate_definition.startswith("While any of") and "FS1–FS4" in m.gate_definition


def test_discussion_prompts_come_from_the_recommended_actions_of_the_priorities():
    score = fixture_score()
    acts = [
        GuidanceAction(
            id=f"{e.id}.A1", element=e.id, up_to_level=None, title=f"Do the {e.id} thing", text="Details.", source=""
        )
        for e in score.elements
        if e.kind != "overall"
    ]
    m = build_meeting(score, fw_info(), GUIDANCE.model_copy(update={"actions": acts}))
    assert len(m.prompts) == len(m.priorities) <= 3
    for p, e in zip(m.prompts, m.priorities):
        assert p.startswith(f"{e.id} {e.name}: Do the {e.id} thing.") and "Who would take this on" in p

"""Shared inputs of the report tests: the fixture ScoreResult, framework info, guidance."""

from __future__ import annotations

from pathlib import Path

from lchd_assess.context.report_context import CautionRules, FrameworkInfo, Guidance, GuidanceAction, RosterOrganisation
from lchd_assess.score.models import ScoreResult

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_score(name: str = "score-result-full.json") -> ScoreResult:
    return ScoreResult.model_validate_json((FIXTURES / name).read_text(encoding="utf-8"))


def fw_info() -> FrameworkInfo:
    from lchd_assess.load.framework import load_framework
    from lchd_assess.app.report import report_framework_info

    return report_framework_info(load_framework())


GUIDANCE = Guidance(
    item_stems={"P1.1": "Does the partnership act before problems become crises?"},
    level_order=["L1", "L2", "L3", "L4"],
    actions=[
        GuidanceAction(
            id="FS2.A1",
            element="FS2",
            up_to_level="L2",
            title="Agree a shared data set",
            text="Pick five measures every partner can report.",
            source="Foundational structure 2",
        ),
        GuidanceAction(
            id="FS2.A2",
            element="FS2",
            up_to_level="L1",
            title="Start with one data-sharing agreement",
            text="Only for beginners.",
            source="",
        ),
        GuidanceAction(
            id="P3.A1",
            element="P3",
            up_to_level="L3",
            title="Plan beyond the grant",
            text="Write a ten-year plan.",
            source="Principle 3",
        ),
    ],
    # Strict enough that the fixture gets the caution box, so the template's every field is read.
    caution=CautionRules(min_respondents=100, max_silent_sectors=0, max_dont_know_share=0.2),
)

ROSTER = [
    RosterOrganisation(name="Riverside Clinic", sector="health-care"),
    RosterOrganisation(name="Eastside Tenants Union", sector="housing"),
]


def incomplete_score() -> ScoreResult:
    """The fixture with FS4 not computable, hence no overall score (the scorer's rule)."""
    base = fixture_score()
    elements = []
    for e in base.elements:
        if e.id == "FS4":
            e = e.model_copy(
                update={
                    "score": None,
                    "level": None,
                    "level_label": None,
                    "interval": None,
                    "sd": None,
                    "reason": "Only 1 of 7 items had a valid answer; at least 50% are needed.",
                }
            )
        if e.id == "overall":
            e = e.model_copy(
                update={
                    "score": None,
                    "level": None,
                    "level_label": None,
                    "interval": None,
                    "reason": "The overall score needs all eight elements.",
                }
            )
        elements.append(e)
    gating = base.gating.model_copy(
        update={
            "level": None,
            "level_label": None,
            "uncapped_level": None,
            "capped": False,
            "explanation": "No overall level: the overall score needs all eight elements to be computable.",
        }
    )
    return base.model_copy(update={"elements": elements, "gating": gating})

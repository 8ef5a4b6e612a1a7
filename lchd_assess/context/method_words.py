"""The scoring method in sentences: the one wording of the method, for every place that states it.

The partnership report (section 7, and the gate on page 1) and the site's page "How the
self-assessment is scored" (:mod:`~lchd_assess.context.method`) both take their rule sentences
from :class:`MethodWords`, built by :func:`method_words` from a :class:`~lchd_assess.score.models.Method`
— the settings a result was scored with (``ScoreResult.method``), or for the site the current
scoring rules (:func:`~lchd_assess.context.method.method_words_for_rules`).  A place may add what only it knows (the report its
counts, the site its explanations), never restate a rule in its own words.  (Imports no scorer:
a report from a saved scores file must start without it.)
"""

from __future__ import annotations

from typing import Mapping

from pydantic import Field

from ..core import formatting as filters
from ..score.models import Method
from .base import _Trusted

#: The foundational structures, gated together since scoring rules 1.0.0 (named as a group).
STRUCTURES = ["FS1", "FS2", "FS3", "FS4"]


class LevelWords(_Trusted):
    """One readiness level and the scores it covers."""

    id: str = Field(description="Level ID (scoring rules' levels[].id).")
    label: str = Field(description="Level as shown to people.")
    scores: str = Field(description="The scores it covers, e.g. '25 to below 50'; the top level runs to 100.")


class GapCodeWords(_Trusted):
    """One code for the difference between the community and institutional perspectives."""

    label: str = Field(description="The code as shown ('some difference').")
    rule: str = Field(description="When it applies, as a clause ('they differ by 10 to less than 20 points').")


class MethodWords(_Trusted):
    """The scoring rules as sentences, each a complete sentence ending with a full stop."""

    answers: str = Field(description="How answers are taken: the 0–4 scale; don't know, not applicable, blank.")
    item_score: str = Field(description="How an item's score is made.")
    element_score: str = Field(description="How an element's score is made (with the rules' multiplier).")
    overall_score: str = Field(description="How the overall score is made.")
    computable: str = Field(description="When an element gets a score (coverage and respondents).")
    interval: str = Field(description="The interval given with every score, with its settings.")
    levels: list[LevelWords] = Field(description="The readiness levels in order, lowest first.")
    gated: str = Field(description="The elements the gate applies to, in words (no full stop).")
    gate_rule: str = Field(description="The gate's rule without a label: which elements, the threshold, the cap.")
    gate: str = Field(description="The same rule labelled 'The gate:', for a list of rules.")
    privacy: str = Field(description="The minimum cell size and complementary suppression.")
    meaningful_change: str = Field(description="When a change between waves counts as improved or declined.")
    gap_codes: list[GapCodeWords] = Field(description="The perspective codes and their thresholds, in order.")
    gap_rule: str = Field(description="The perspective codes in one sentence (the report's section 3).")


def gated_words(gate_elements: list[str], names: Mapping[str, str]) -> str:
    """The elements the gate applies to: 'the four foundational structures (FS1–FS4)', and any
    other gated element by ID and name (``names``: element ID → name)."""
    structures = [x for x in gate_elements if x.startswith("FS")]
    parts = []
    if structures == STRUCTURES:
        parts.append("the four foundational structures (FS1–FS4)")
    elif structures:
        parts.append(f"the foundational structures {filters.join_and(structures)}")
    parts += [f"{x} {names.get(x, '')}".strip() for x in gate_elements if not x.startswith("FS")]
    return filters.join_and(parts)


def level_label(method: Method, level_id: str) -> str:
    """A level's label from the method's bands (its ID capitalised when the bands lack it)."""
    return next((label for bid, label, _a, _b in method.level_bands if bid == level_id), level_id.capitalize())


def method_words(method: Method, names: Mapping[str, str]) -> MethodWords:
    """The sentences for ``method`` (``names``: element ID → name, for the gated elements)."""
    m = method
    k = m.min_cell_size
    bands = m.level_bands
    gated = gated_words(m.gate_elements, names)
    lo, hi = m.gap_thresholds
    codes = [
        GapCodeWords.trusted(label="similar", rule=f"the two scores differ by less than {lo:g} points"),
        GapCodeWords.trusted(label="some difference", rule=f"they differ by {lo:g} to less than {hi:g} points"),
        GapCodeWords.trusted(label="large difference", rule=f"they differ by {hi:g} points or more"),
        GapCodeWords.trusted(
            label="not shown",
            rule=f"fewer than {k} people on one side answered the element, or one side has no score, so both numbers are hidden",
        ),
    ]
    gap_rule = "; ".join(f"{c.label}: {c.rule}" for c in codes)
    gate_rule = f"While any of {gated} scores below {m.gate_threshold:g}, the overall readiness level can be no higher than {level_label(m, m.gate_cap_level)}, whatever the overall score."
    return MethodWords.trusted(
        answers="Each answer is on a 0–4 scale; don't know (DK), not applicable (NA) and blank answers are counted and reported but never scored, and none of them counts as a middle answer.",
        item_score="An item's score is the mean of its valid answers (0–4).",
        # the multiplier is the scoring rules' (carried in the result), never a constant here
        element_score=f"An element's score is the mean of its items' scores times {m.scale_multiplier:g}, so it runs from 0 to 100.",
        overall_score="The overall score is the mean of the eight element scores, and needs all eight.",
        computable=f"An element is scored only when at least {filters.percent(m.min_item_coverage)} of its items have a valid answer and at least {m.min_respondents} respondents answered it.",
        interval=f"Every score comes with an interval from a {m.interval}.",
        levels=[
            LevelWords.trusted(
                id=bid, label=label, scores=f"{lo:g} to {'100' if i == len(bands) - 1 else f'below {hi:g}'}"
            )
            for i, (bid, label, lo, hi) in enumerate(bands)
        ],
        gated=gated,
        # where a heading or a bold label already says "The gate", the rule goes without one
        gate_rule=gate_rule,
        gate=f"The gate: {gate_rule[0].lower()}{gate_rule[1:]}",
        privacy=f"A group of fewer than {k} respondents is never shown, nor any group from which it could be worked out by subtraction.",
        meaningful_change=f"A change between waves counts as improved or declined only when it is at least {m.meaningful_change:g} points; a smaller one is no meaningful change.",
        gap_codes=codes,
        gap_rule=f"{gap_rule[0].upper()}{gap_rule[1:]}.",
    )

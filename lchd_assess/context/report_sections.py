"""The partnership report's sections after page 1 (scores, who answered, change, actions,
method, comments): their context models and the builders that fill them from a ScoreResult.
Page 1 is context/meeting.py, section 3 (perspectives) context/report_perspectives.py;
context/report_context.py puts the report together.
"""

from __future__ import annotations

from pydantic import Field

from ..core import formatting as filters
from ..score.models import ElementScore, ScoreResult
from .base import _Trusted
from .report_parts import (
    FLAG_LABELS,
    STATUS_LABELS,
    ElementRef,
    FrameworkInfo,
    Guidance,
    RosterOrganisation,
    element_ref,
    report_method_words,
    sector_labels,
    select_actions,
    signed,
    summary_rule,
)


class Summary(_Trusted):
    """What page 1 shows besides :class:`~lchd_assess.context.meeting.Meeting`."""

    not_computable: list[ElementRef] = Field(description="Elements without a score.")
    n_respondents: int = Field(description="Respondents in this wave.")


class ElementRow(_Trusted):
    id: str = Field(description="Element ID, or 'overall'.")
    name: str = Field(description="Element name.")
    url: str = Field(description="Documentation page of the element ('' for overall).")
    computable: bool = Field(description="False when the scorer could not compute a score.")
    score: str = Field(description="Score 0–100 as a whole number, or '—'.")
    level: str = Field(description="Readiness level label, or '—'.")
    interval: str = Field(description="95% interval 'lo–hi', or '—'.")
    n: int = Field(description="Respondents with a valid answer on the element.")
    coverage: str = Field(description="Share of items with a valid answer, as a percentage.")
    sd: str = Field(description="Spread between respondents (standard deviation, 0–100 scale), or '—'.")
    dont_know: int = Field(description="Don't-know answers on the element's items.")
    not_applicable: int = Field(description="Not-applicable answers on the element's items.")
    reason: str = Field(description="Why there is no score ('' when there is one).")


class SectorRow(_Trusted):
    label: str = Field(description="Sector label.")
    on_roster: bool = Field(description="The roster lists an organisation of this sector.")
    organisations: list[str] = Field(description="Roster organisations of this sector, sorted.")
    respondents: str = Field(description="Respondents as shown: a number, 'fewer than k' or 'none'.")
    status: str = Field(description="Status ID: ok, few, silent, not-on-roster.")
    status_label: str = Field(description="Status as shown to people.")


class WhoAnswered(_Trusted):
    rows: list[SectorRow] = Field(description="One row per sector.")
    silent: list[str] = Field(description="Labels of roster sectors with no respondent.")
    few: list[str] = Field(description="Labels of roster sectors with fewer respondents than the cell size.")
    residents: str = Field(description="The scorer's sentence on how many respondents are residents or family members.")
    n_respondents: int = Field(description="Respondents in this wave.")
    roster: str = Field(
        description="How many organisations the partner roster lists, as a sentence; or that the roster is not known (a report from a saved scores file)."
    )


class ChangeRow(_Trusted):
    id: str = Field(description="Element ID or 'overall'.")
    name: str = Field(description="Element name.")
    previous: str = Field(description="Previous-wave score, or '—'.")
    current: str = Field(description="This wave's score, or '—'.")
    delta: str = Field(description="Signed change in points, or '—'.")
    flag: str = Field(description="Change flag ID: improved, declined, no-meaningful-change, not-comparable.")
    flag_label: str = Field(description="Change flag as shown.")
    reason: str = Field(description="Why not comparable ('' otherwise).")


class ChangeSection(_Trusted):
    previous_wave: str = Field(description="The wave compared with.")
    rule: str = Field(description="The meaningful-change rule in words.")
    rows: list[ChangeRow] = Field(description="One row per element, then overall.")


class ActionItem(_Trusted):
    id: str = Field(description="Action ID.")
    title: str = Field(description="Action title.")
    text: str = Field(description="What to do.")
    source: str = Field(description="Where in the paper it comes from ('' if not given).")


class ActionGroup(_Trusted):
    element: ElementRef = Field(description="The priority element, with its documentation page.")
    why: str = Field(description="Why it is a priority, in words.")
    actions: list[ActionItem] = Field(description="Recommended actions for the element at its level.")


class ItemRow(_Trusted):
    id: str = Field(description="Item ID.")
    stem: str = Field(description="Item wording ('' when the instrument data is not at hand).")
    score: str = Field(description="Mean of valid answers on 0–4, one decimal, or '—'.")
    n_valid: int = Field(description="Valid answers.")
    dont_know: int = Field(description="Don't-know answers.")
    not_applicable: int = Field(description="Not-applicable answers.")
    blank: int = Field(description="Left empty.")


class MethodSection(_Trusted):
    instrument: str = Field(description="Instrument ID and version.")
    framework: str = Field(description="Framework title and version.")
    scoring_rules_version: str = Field(description="Scoring rules version.")
    rules: list[str] = Field(description="The scoring rules in plain sentences.")
    levels: list[str] = Field(description="The readiness levels with their score ranges.")
    items: list[ItemRow] = Field(description="Per-item counts and means.")
    total_dont_know: int = Field(description="Don't-know answers across all elements.")
    total_not_applicable: int = Field(description="Not-applicable answers across all elements.")
    summary_rule: str = Field(description="How strengths and priorities are chosen, in words.")


class CommentRow(_Trusted):
    item: str = Field(description="Item the comment was written on.")
    stem: str = Field(
        description="The item's question, as members read it ('' when the instrument data is not at hand)."
    )
    text: str = Field(description="The comment (escaped by the template).")
    sector: str = Field(description="Sector group of the commenter, or a note that it is not shown.")


# -- Builders ----------------------------------------------------------------------------------


def who_answered(score: ScoreResult, roster: list[RosterOrganisation] | None) -> WhoAnswered:
    """Section 4: respondents by sector against the roster.

    ``roster`` None: the organisations are not listed (a saved scores file does not carry them, and an
    anonymised portfolio report leaves them out because their names say who the partnership is)."""
    orgs: dict[str, list[str]] = {}
    for o in roster or []:
        orgs.setdefault(o.sector, []).append(o.name)
    rep = score.representation
    return WhoAnswered.trusted(
        rows=[
            SectorRow.trusted(
                label=s.label,
                on_roster=s.on_roster,
                organisations=sorted(orgs.get(s.sector, [])),
                respondents=s.display,
                status=s.status,
                status_label=STATUS_LABELS[s.status],
            )
            for s in rep.by_sector
        ],
        silent=sector_labels(rep, rep.silent_sectors),
        few=sector_labels(rep, rep.few_sectors),
        residents=rep.residents_display if rep.residents_display.endswith(".") else rep.residents_display + ".",
        n_respondents=score.n_respondents,
        roster=(
            "this report does not list the partner roster's organisations, only which sectors are on it."
            if roster is None
            else f"the partner roster lists {filters.plural(len(roster), 'organisation')}."
        ),
    )


def change_section(score: ScoreResult) -> ChangeSection | None:
    """Section 5: change since the previous wave; None when there is none."""
    by_id = {e.id: e for e in score.elements}
    if score.change is None:
        return None
    c = score.change
    return ChangeSection.trusted(
        previous_wave=c.previous_wave,
        rule=f"A change counts as meaningful when the score moves by at least {filters.score(c.threshold)} points; smaller moves are within what different respondents or chance alone could give. Elements are compared only when both waves have a score and the items asked the same thing.",
        rows=[
            ChangeRow.trusted(
                id=ch.id,
                name=by_id[ch.id].name if ch.id in by_id else ch.id,
                previous=filters.score(ch.previous),
                current=filters.score(ch.current),
                delta=signed(ch.delta),
                flag=ch.flag,
                flag_label=FLAG_LABELS[ch.flag],
                reason=ch.reason or "",
            )
            for ch in c.elements
        ],
    )


def action_groups(
    score: ScoreResult, fw: FrameworkInfo, guidance: Guidance, priorities: list[ElementScore]
) -> list[ActionGroup]:
    """Section 6: the recommended actions for each priority element at its level."""
    capping_ids = set(score.gating.capping_elements)
    groups = []
    for e in priorities:
        acts = select_actions(guidance, e.id, e.level)
        why = (
            f"Below the gate ({filters.score(score.gating.threshold)}): it holds the overall level back."
            if e.id in capping_ids
            else f"Among the lowest scores ({filters.score(e.score)}, {e.level_label or 'no level'})."
        )
        groups.append(
            ActionGroup.trusted(
                element=element_ref(fw, e),
                why=why,
                actions=[ActionItem.trusted(id=a.id, title=a.title, text=a.text, source=a.source) for a in acts],
            )
        )
    return groups


def method_section(
    score: ScoreResult, fw: FrameworkInfo, guidance: Guidance, core: list[ElementScore], caution_rule: str
) -> MethodSection:
    """Section 7: the method in words, from the rules the scores were made with."""
    k = score.method.min_cell_size
    words = report_method_words(score)
    items = [
        ItemRow.trusted(
            id=it.id,
            stem=guidance.item_stems.get(it.id, ""),
            score=filters.score(it.score, 1),
            n_valid=it.n_valid,
            dont_know=it.n_dont_know,
            not_applicable=it.n_not_applicable,
            blank=it.n_blank,
        )
        for e in core
        for it in e.items
    ]
    return MethodSection.trusted(
        instrument=f"{score.instrument_id} {score.instrument_version}",
        framework=f"{fw.title} {score.framework_version}",
        scoring_rules_version=score.scoring_rules_version,
        # the rule sentences are the site's too (context/method_words.py); the report adds its
        # comments clause and page 1's caution rule, which only it has
        rules=[
            words.answers,
            f"{words.item_score} {words.element_score} {words.overall_score}",
            words.computable,
            words.interval,
            words.gate,
            f"{words.privacy} Comments show a sector group only when that group has at least {k} respondents.",
            words.meaningful_change,
            *([f"Caution on page 1: {caution_rule[0].lower()}{caution_rule[1:]}"] if caution_rule else []),
        ],
        levels=[f"{level.label}: {level.scores}" for level in words.levels],
        items=items,
        total_dont_know=sum(e.n_dont_know for e in core),
        total_not_applicable=sum(e.n_not_applicable for e in core),
        summary_rule=summary_rule(score),
    )


def comment_rows(score: ScoreResult, guidance: Guidance) -> list[CommentRow] | None:
    """Free-text comments under each question's text; None unless asked for."""
    k = score.method.min_cell_size
    if score.comments is None:
        return None
    # A sector group is named only when the scorer shows it; a group it hid stays hidden
    # here even if a comment carried its name.
    group_label = {gr.group: gr.label for gr in score.groups if not gr.suppressed}
    # In questionnaire order, so comments sit under each question as members read it.
    position = {item: i for i, item in enumerate(guidance.item_stems)}
    return [
        CommentRow.trusted(
            item=c.item,
            stem=guidance.item_stems.get(c.item, ""),
            text=c.text,
            sector=group_label.get(c.sector_group or "", f"not shown (group of fewer than {k})"),
        )
        for c in sorted(
            score.comments,
            key=lambda c: (position.get(c.item, len(position)), c.item, c.text, c.sector_group or ""),
        )
    ]

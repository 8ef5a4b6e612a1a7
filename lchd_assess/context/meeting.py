"""Page 1 of the partnership report: what the partnership's meeting discusses.

Built from the ScoreResult only (plus the instrument's wording and the caution thresholds of
scoring-rules.yaml): the level and what it means, how sure it is, a caution when the scores
stand on little, where the two perspectives differ most, what changed since the last wave,
the priorities (saying when they are not clearly different), and three questions to discuss
drawn from the recommended actions.  Every sentence is made here, so the template only places
text and the same score always gives the same page.
"""

from __future__ import annotations

from pydantic import Field

from ..core import formatting as filters
from ..score.models import ElementScore, ScoreResult
from .base import _Trusted
from .report_parts import (
    GAP_LABELS,
    ElementRef,
    FrameworkInfo,
    Guidance,
    choose_priorities,
    element_ref,
    report_method_words,
    sector_labels,
    select_actions,
    signed,
)


class MeetingGap(_Trusted):
    element: ElementRef = Field(description="The element.")
    community: str = Field(description="Community perspective score as shown.")
    institutional: str = Field(description="Institutional perspective score as shown.")
    difference: str = Field(description="Community minus institutional, signed.")
    code_label: str = Field(
        description="How different the perspectives are, as shown (some difference, large difference)."
    )


class MeetingChange(_Trusted):
    previous_wave: str = Field(description="The wave compared with.")
    overall: str = Field(description="One sentence on the overall score's change, or why it cannot be compared.")
    improved: list[str] = Field(description="Elements that improved meaningfully, as 'P1 Name (+12)'.")
    declined: list[str] = Field(description="Elements that declined meaningfully, as 'FS2 Name (−11)'.")
    note: str = Field(description="What was compared and what was left out (comparability), or ''.")


class Meeting(_Trusted):
    """Page 1: everything the meeting needs, in the order it is read."""

    computable: bool = Field(description="False when there is no overall score.")
    level: str = Field(description="Overall readiness level after the gate, or 'Not computable'.")
    level_meaning: str = Field(description="What the level means, in plain words, with its score range.")
    score: str = Field(description="Overall score as shown.")
    interval: str = Field(description="95% interval of the overall score, 'lo–hi'.")
    sureness: str = Field(description="How sure the level is, in words (does the interval stay within the level?).")
    gate_definition: str = Field(description="What the gate is, in one sentence.")
    gate_status: str = Field(description="What the gate does to this partnership's level.")
    gate_capped: bool = Field(description="The gate holds the level back.")
    cautions: list[str] = Field(description="Reasons to read the scores with caution; empty: no caution box.")
    caution_rule: str = Field(description="The thresholds behind the caution box (scoring-rules.yaml).")
    respondents: str = Field(description="Who answered, saying what the count means.")
    priorities: list[ElementRef] = Field(
        description="Up to three priorities (structures below the gate first, then the lowest scores)."
    )
    priority_intervals: list[str] = Field(description="Each priority's 95% interval, in the same order.")
    priorities_note: str = Field(
        description="Whether the priorities are clearly different from each other and from the next element, or ''."
    )
    strengths: list[ElementRef] = Field(description="Up to three strengths.")
    gaps: list[MeetingGap] = Field(
        description="Up to three largest differences between the community and institutional perspectives (partial agreement or disagreement)."
    )
    gaps_note: str = Field(description="What the gaps list means or why it is empty.")
    change: MeetingChange | None = Field(description="Change since the previous wave; null when there is none.")
    prompts: list[str] = Field(
        description="Up to three questions for the meeting, drawn from the recommended actions for the priorities."
    )


def _overlap(a: ElementScore, b: ElementScore) -> bool:
    if not a.interval or not b.interval:
        return False
    return a.interval[0] <= b.interval[1] and b.interval[0] <= a.interval[1]


def _name(e: ElementScore) -> str:
    return f"{e.id} {e.name}"


def _priorities_note(score: ScoreResult, priorities: list[ElementScore]) -> str:
    """Priorities are ranked by point estimates; say when the intervals do not support the order."""
    if len(priorities) < 2:
        return ""
    core = [e for e in score.elements if e.kind != "overall" and e.score is not None]
    listed = {e.id for e in priorities}
    rest = sorted((e for e in core if e.id not in listed), key=lambda e: e.score)  # type: ignore[arg-type,return-value]
    all_overlap = all(_overlap(a, b) for i, a in enumerate(priorities) for b in priorities[i + 1 :])
    parts = []
    if all_overlap:
        parts.append(
            f"These {['', '', 'two', 'three'][len(priorities)]} are not clearly different: their 95% intervals overlap, so treat them as one group rather than a ranking."
        )
    else:
        pairs = [f"{a.id} and {b.id}" for i, a in enumerate(priorities) for b in priorities[i + 1 :] if _overlap(a, b)]
        if pairs:
            parts.append(f"Not clearly different (overlapping intervals): {filters.join_and(pairs)}.")
    close = [e for e in rest if any(_overlap(e, p) for p in priorities)][:2]
    if close:
        parts.append(
            f"{filters.join_and([f'{_name(e)} ({filters.score(e.score)}, {filters.interval(e.interval)})' for e in close])} {'is' if len(close) == 1 else 'are'} not clearly higher either."
        )
    return " ".join(parts)


def _cautions(score: ScoreResult, guidance: Guidance) -> tuple[list[str], str]:
    rules = guidance.caution
    if rules is None:
        return [], ""
    out = []
    n = score.n_respondents
    if n < rules.min_respondents:
        out.append(
            f"Only {n} {'member' if n == 1 else 'members'} answered (fewer than {rules.min_respondents}): one person more or less can move a score by many points."
        )
    rep = score.representation
    if len(rep.silent_sectors) > rules.max_silent_sectors:
        names = sector_labels(rep, rep.silent_sectors)
        out.append(
            f"Nobody answered for {len(names)} {'sector' if len(names) == 1 else 'sectors'} on the roster ({filters.join_and(names)}): their view is missing from every score."
        )
    cells = sum(
        it.n_valid + it.n_dont_know + it.n_not_applicable + it.n_blank
        for e in score.elements
        if e.kind != "overall"
        for it in e.items
    )
    dk = sum(it.n_dont_know for e in score.elements if e.kind != "overall" for it in e.items)
    if cells and dk / cells > rules.max_dont_know_share:
        out.append(
            f'{filters.percent(dk / cells)} of all answers were "don\'t know" (more than {filters.percent(rules.max_dont_know_share)}): many members could not judge these practices, and the scores rest on those who could.'
        )
    rule = (
        f"A caution is shown when fewer than {rules.min_respondents} members answered, when "
        + (
            "any roster sector has no respondent"
            if rules.max_silent_sectors == 0
            else f"more than {rules.max_silent_sectors} roster sectors have no respondent"
        )
        + f', or when more than {filters.percent(rules.max_dont_know_share)} of answers are "don\'t know" (scoring rules, caution).'
    )
    return out, rule


def _level_range(score: ScoreResult, level_id: str | None) -> str:
    for bid, _label, lo, hi in score.method.level_bands:
        if bid == level_id:
            return f"{filters.score(lo)} to {'100' if hi >= 100 else 'under ' + filters.score(hi)}"
    return ""


def _sureness(overall: ElementScore, score: ScoreResult) -> str:
    if overall.interval is None or overall.score is None:
        return ""
    lo, hi = overall.interval
    levels = [(label, a, b) for _i, label, a, b in score.method.level_bands]
    touched = [label for label, a, b in levels if lo < b and hi >= a]
    if len(touched) <= 1:
        return f"The 95% interval ({filters.interval(overall.interval)}) stays within this level: other members answering would very likely give the same level."
    return f"The 95% interval ({filters.interval(overall.interval)}) spans {filters.join_and(touched)}: with other members answering, the score could plausibly fall in any of these levels."


def _change(score: ScoreResult) -> MeetingChange | None:
    c = score.change
    if c is None:
        return None
    by_id = {e.id: e for e in score.elements}
    rows = {ch.id: ch for ch in c.elements}
    o = rows.get("overall")
    if o is None or o.delta is None:
        overall = f"The overall score cannot be compared with wave {c.previous_wave}: {o.reason if o and o.reason else 'some elements cannot be compared'}."
    else:
        verdict = {
            "improved": "a meaningful improvement",
            "declined": "a meaningful decline",
            "no-meaningful-change": "not a meaningful change",
        }[o.flag]
        overall = f"Overall {filters.score(o.previous)} in wave {c.previous_wave}, {filters.score(o.current)} now ({signed(o.delta)} points: {verdict}; a change counts from {filters.score(c.threshold)} points)."
    fmt = lambda ch: f"{ch.id} {by_id[ch.id].name if ch.id in by_id else ch.id} ({signed(ch.delta)})"  # noqa: E731
    improved = [fmt(ch) for ch in c.elements if ch.id != "overall" and ch.flag == "improved"]
    declined = [fmt(ch) for ch in c.elements if ch.id != "overall" and ch.flag == "declined"]
    # Page 1 names the elements only; section 5 gives each element's reason (which items, why).
    partial = [ch.id for ch in c.elements if ch.id != "overall" and ch.reason and ch.delta is not None]
    uncompared = [ch.id for ch in c.elements if ch.id != "overall" and ch.reason and ch.delta is None]
    said = []
    if partial:
        said.append(f"Some items were left out for {filters.join_and(partial)}.")
    if uncompared:
        said.append(f"{filters.join_and(uncompared)} could not be compared.")
    note = (
        " ".join(["Compared only on items that mean the same in both waves.", *said, "Section 5 gives the details."])
        if said
        else "Compared on every item; all asked the same thing in both waves."
    )
    return MeetingChange.trusted(
        previous_wave=c.previous_wave, overall=overall, improved=improved, declined=declined, note=note
    )


def _gaps(score: ScoreResult, fw: FrameworkInfo, k: int) -> tuple[list[MeetingGap], str]:
    by_id = {e.id: e for e in score.elements}
    shown = [
        g
        for g in score.gaps
        if g.difference is not None and g.code in ("some-difference", "large-difference") and g.id in by_id
    ]
    shown.sort(key=lambda g: (-abs(g.difference or 0), g.id))
    gaps = [
        MeetingGap.trusted(
            element=element_ref(fw, by_id[g.id]),
            community=filters.score(g.community),
            institutional=filters.score(g.institutional),
            difference=signed(g.difference),
            code_label=GAP_LABELS[g.code],
        )
        for g in shown[:3]
    ]
    silent = sum(1 for g in score.gaps if g.code == "not-shown")
    if gaps:
        note = "Community: residents, families and community organisations; institutional: everyone else. Positive: the community rates the element higher."
    elif silent == len(score.gaps):
        note = f"The two perspectives cannot be compared on any element: one side has fewer than {k} respondents (or is hidden to protect a small group)."
    else:
        note = "The community and institutional perspectives agree (within the agreement threshold) wherever they can be compared."
    if gaps and silent:
        note += (
            f" {silent} {'element' if silent == 1 else 'elements'} cannot be compared (too few answers on one side)."
        )
    return gaps, note


def _prompts(priorities: list[ElementScore], guidance: Guidance) -> list[str]:
    out = []
    for e in priorities:
        acts = select_actions(guidance, e.id, e.level)
        if acts:
            a = acts[0]
            # The title only: the full text is in section 6, and page 1 has to fit on one page.
            out.append(f"{e.id} {e.name}: {a.title.rstrip('.')}. Who would take this on, and by when?")
    return out[:3]


def build_meeting(score: ScoreResult, fw: FrameworkInfo, guidance: Guidance) -> Meeting:
    """Page 1 from the result and the instrument's guidance.

    The level and gate sentences are worded in :func:`_level_meaning` and :func:`_gate_sentences`
    (next below), the respondents sentence here; the lists (gaps, change, priorities, prompts)
    have helpers further down."""
    by_id = {e.id: e for e in score.elements}
    overall = by_id["overall"]
    strengths, priorities = choose_priorities(score)
    g = score.gating
    level_meaning = _level_meaning(score, guidance)
    gate_definition, gate_status = _gate_sentences(score)
    cautions, caution_rule = _cautions(score, guidance)
    n = score.n_respondents
    respondents = (
        f"{n} {'member' if n == 1 else 'members'} answered, each on their own; a form left entirely blank is not counted. "
        f"Sector groups are scored only with at least {score.method.min_cell_size} members (section 3)."
    )
    gaps, gaps_note = _gaps(score, fw, score.method.min_cell_size)
    return Meeting.trusted(
        computable=overall.score is not None,
        level=g.level_label or "Not computable",
        level_meaning=level_meaning,
        score=filters.score(overall.score),
        interval=filters.interval(overall.interval),
        sureness=_sureness(overall, score),
        gate_definition=gate_definition,
        gate_status=gate_status,
        gate_capped=g.capped,
        cautions=cautions,
        caution_rule=caution_rule,
        respondents=respondents,
        priorities=[element_ref(fw, e) for e in priorities],
        priority_intervals=[filters.interval(e.interval) for e in priorities],
        priorities_note=_priorities_note(score, priorities),
        strengths=[element_ref(fw, e) for e in strengths],
        gaps=gaps,
        gaps_note=gaps_note,
        change=_change(score),
        prompts=_prompts(priorities, guidance),
    )


def _level_meaning(score: ScoreResult, guidance: Guidance) -> str:
    """The overall level, its range on the 0–100 scale and what it means (or why there is none)."""
    g = score.gating
    level_id = g.level
    meaning = guidance.level_meanings.get(level_id or "", "")
    rng = _level_range(score, level_id)
    level_meaning = (
        f"{g.level_label} ({rng} on the 0–100 scale): {meaning}"
        if g.level_label and meaning
        else (
            f"{g.level_label}: {rng}"
            if g.level_label
            else "There is no overall level: the overall score needs every element to have a score."
        )
    )
    return level_meaning


def _gate_sentences(score: ScoreResult) -> tuple[str, str]:
    """The gate in words: what it is (from the rules the scores were made with) and whether it
    holds this partnership back."""
    g = score.gating
    gate_names = ", ".join(g.capping_elements) if g.capping_elements else ""
    # the gate as the method section and the site's scoring page word it (context/method_words.py);
    # page 1 labels it "The gate." in bold already, so the rule goes without its own label
    gate_definition = report_method_words(score).gate_rule
    if g.capped:
        gate_status = f"The gate holds this partnership back: {gate_names} {'is' if len(g.capping_elements) == 1 else 'are'} below {filters.score(g.threshold)}, so the level is {g.level_label} although the overall score alone would give a higher one."
    elif g.capping_elements:
        gate_status = f"{gate_names} {'is' if len(g.capping_elements) == 1 else 'are'} below the gate, but the overall level is not above the cap anyway."
    else:
        gate_status = (
            "Every foundational structure is at or above the gate: the level is not held back."
            if score.method.gate_elements == ["FS1", "FS2", "FS3", "FS4"]
            else f"Every gated element ({', '.join(score.method.gate_elements)}) is at or above the gate: the level is not held back."
        )
    return gate_definition, gate_status

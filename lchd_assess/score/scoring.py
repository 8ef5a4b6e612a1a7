"""The scorer: many respondents' answers → an honest :class:`~lchd_assess.score.models.ScoreResult`.

Every number it uses comes from the scoring rules (``assessments/scoring-rules.yaml``):

* item and element scores (:mod:`.elements`): mean of the valid (0–4) answers, then mean of an
  element's item scores × ``scale_multiplier`` (0–100), computable only with enough items and
  respondents; overall = mean of the eight element scores;
* interval (:mod:`.bootstrap`): percentile bootstrap over respondents from a fixed seed;
* sector groups and community-versus-institutional gaps (:mod:`.perspectives`) and sector counts
  (:mod:`.privacy`) are shown only for groups of at least ``min_cell_size``, with complementary
  suppression (:func:`.privacy.protect`);
* a gated foundational structure below the gate caps the overall level (here);
* change against the previous wave (:mod:`.change`) uses only items whose meaning did not change.

This module puts them together into one :class:`~.models.ScoreResult`.

Scores are rounded to ``decimals`` first; levels, gaps and changes are read from the rounded
numbers, so a report never shows 60.0 beside a level that needs 60.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import models as sm
from .arrays import AnswerArrays
from .bootstrap import bootstrap_intervals, resample_indices, rounded_intervals  # noqa: F401 (bootstrap_intervals, resample_indices re-exported for tests)
from .change import change as change_since, comparable_items  # noqa: F401 (comparable_items re-exported)
from .elements import (  # noqa: F401 (Matrix, element_index re-exported for tests)
    OVERALL,
    OVERALL_NAME,
    ElementCalc,
    answer_codes,
    answer_kinds,
    Matrix,
    element_calc,
    element_index,
    mean,
    round_half_up,
    sd,
    wave_items,
)
from .method import alpha_pct, method_of  # noqa: F401 (alpha_pct re-exported)
from .models import Responses
from .perspectives import groups_and_gaps
from .privacy import protect, representation  # noqa: F401 (protect re-exported for tests)
from .stats import percentile, round_places  # noqa: F401 (percentile re-exported: scoring.percentile is used by tests)
from ..load.instrument import Assessment, InstrumentFile, LevelBand, ScoringRulesFile
from ..load.partnership import PartnershipFile


@dataclass(frozen=True)
class Context:
    assessment: Assessment
    framework_version: str
    element_names: dict[str, str]
    #: Each instrument version's items and their elements, worked out once per context: a
    #: portfolio scores thousands of waves of the same version (0.06 ms each to recompute).
    _layouts: dict[str | None, tuple[list[str], dict[str, list[int]]]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def layout(self, version: str | None) -> tuple[list[str], dict[str, list[int]]]:
        """The items a wave answered with ``version`` is scored on, and each element's item
        indexes (:func:`.elements.wave_items`, :func:`.elements.element_index`); fresh lists
        each time, so no caller can change another's."""
        if version not in self._layouts:
            items = wave_items(self.inst, version)
            self._layouts[version] = (items, element_index(self.inst, items))
        items, el_idx = self._layouts[version]
        return list(items), {e: list(idx) for e, idx in el_idx.items()}

    @property
    def inst(self) -> InstrumentFile:
        return self.assessment.instrument

    @property
    def rules(self) -> ScoringRulesFile:
        return self.assessment.rules


def score_wave(
    ctx: Context,
    partnership_id: str,
    p: PartnershipFile,
    responses: Responses,
    waves_available: list[str],
    previous: Responses | None = None,
    comments: bool = False,
) -> sm.ScoreResult:
    """Score one wave of answers. ``responses`` must be free of findings (see :func:`score_partnership`)."""
    inst, rules = ctx.inst, ctx.rules
    items, el_idx = ctx.layout(responses.version)
    m = Matrix.build(items, responses.respondents)
    # The answers as arrays once: every statistic below is read from them.
    codes = answer_codes(m.respondents, items)
    kinds = answer_kinds(m.respondents, items) if codes is None else None
    # With codes the matrix's value lists are never made (Matrix.values is made on demand).
    values = m.values if codes is None else None
    aa = AnswerArrays(values, len(items), el_idx, kinds=kinds, codes=codes, n=len(m.respondents))
    per_respondent = aa.respondent_scores(rules.scale_multiplier)
    calcs = _element_calcs(aa, per_respondent, rules)
    computable = {e for e, c in calcs.items() if c.score is not None}
    # Rounded as the result shows them: used below as they are.
    intervals = rounded_intervals(m, el_idx, rules, computable, aa)
    # Per item (by index): how many valid, don't know, not applicable and blank answers.
    counts = aa.answer_counts()
    elements = _element_scores(ctx, items, el_idx, calcs, intervals, counts)
    rounded = {e.id: e.score for e in elements}
    overall, gating = _overall(ctx, per_respondent, items, el_idx, calcs, intervals, counts, rounded)
    elements.append(overall)
    gg = groups_and_gaps(inst, rules, m, items, el_idx, aa)
    # Validated once here: the gaps (and the parts below that are dicts) are built by it.
    return sm.ScoreResult.model_validate(
        {
            "instrument_id": inst.id,
            "instrument_version": responses.version or inst.version,
            "framework_version": ctx.framework_version,
            "scoring_rules_version": rules.version,
            "partnership": {
                "id": partnership_id,
                "name": p.name,
                "scale": p.scale,
                "population_focus": p.population_focus,
            },
            "wave": responses.wave,
            "waves_available": waves_available,
            "n_respondents": len(m.respondents),
            "method": method_of(rules),
            "elements": elements,
            "groups": gg.groups,
            "gaps": gg.gaps,
            "gating": gating,
            "representation": representation(inst, p, m, rules.min_cell_size, gg.hidden),
            "change": change_since(inst, rules, m, responses, previous) if previous is not None else None,
            "comments": _comments(inst, m, items, gg.hidden) if comments else None,
        }
    )


def _element_calcs(
    aa: AnswerArrays, per_respondent: list[list[float | None]], rules: ScoringRulesFile
) -> dict[str, ElementCalc]:
    """Each element over all respondents: what :func:`.elements.element_calc` gives, from the
    arrays (the same numbers, tests/test_score_arrays.py)."""
    whole = aa.subsets({"all": range(aa.n)}, rules)["all"]
    out = {}
    for k, (e, s) in enumerate(whole.items()):
        scores = [row[k] for row in per_respondent if row[k] is not None]
        out[e] = ElementCalc(s.score, s.reason, s.n_respondents, s.coverage, sd(scores), s.item_means)  # type: ignore[arg-type]
    return out


def _element_scores(
    ctx: Context,
    items: list[str],
    el_idx: dict[str, list[int]],
    calcs: dict[str, ElementCalc],
    intervals: dict[str, tuple[float, float]],
    counts: list[list[int]],
) -> list[sm.ElementScore]:
    """The eight elements' results, rounded, each with its items (``intervals`` already rounded)."""
    rules, d = ctx.rules, ctx.rules.decimals
    elements: list[sm.ElementScore] = []
    for e, idxs in el_idx.items():
        c = calcs[e]
        score = round_half_up(c.score, d)
        band = rules.level_for(score)
        iv = intervals.get(e)
        # Items as plain dicts: the element's validation builds them (the same checks as
        # ItemScore(...), without a Python call per item; 60 per partnership).
        item_scores: list[dict[str, Any]] = [
            {
                "id": items[i],
                "score": round_half_up(c.item_means.get(i), 2),
                "n_valid": counts[i][0],
                "n_dont_know": counts[i][1],
                "n_not_applicable": counts[i][2],
                "n_blank": counts[i][3],
            }
            for i in idxs
        ]
        elements.append(
            sm.ElementScore.model_validate(
                {
                    "id": e,
                    "name": ctx.element_names[e],
                    "kind": "principle" if e.startswith("P") else "structure",
                    "score": score,
                    "reason": None if score is not None else f"Not computable: {c.reason}.",
                    "level": band.id if band else None,
                    "level_label": band.label if band else None,
                    "interval": iv if iv and score is not None else None,
                    "n_respondents": c.n_respondents,
                    "coverage": round_places(c.coverage, 3),
                    "sd": round_half_up(c.sd, d),
                    "n_dont_know": sum([counts[i][1] for i in idxs]),
                    "n_not_applicable": sum([counts[i][2] for i in idxs]),
                    "items": item_scores,
                }
            )
        )
    return elements


def _overall(
    ctx: Context,
    per_respondent: list[list[float | None]],
    items: list[str],
    el_idx: dict[str, list[int]],
    calcs: dict[str, ElementCalc],
    intervals: dict[str, tuple[float, float]],
    counts: list[list[int]],
    rounded: dict[str, float | None],
) -> tuple[sm.ElementScore, sm.Gating]:
    """The overall score (mean of the eight elements) and the level after the gate
    (``intervals`` already rounded)."""
    rules = ctx.rules
    d = rules.decimals
    missing = [e for e in el_idx if calcs[e].score is None]
    overall_raw = mean([calcs[e].score for e in el_idx]) if not missing and el_idx else None  # type: ignore[misc]
    overall = round_half_up(overall_raw, d)
    # Each respondent's overall: the mean of their element scores, over the elements they answered.
    resp_overall = [mean(given) for row in per_respondent if (given := [x for x in row if x is not None])]  # type: ignore[misc]
    answered_items = sum(1 for c in counts if c[0])

    band = rules.level_for(overall)
    level, gating = _gating(ctx, rounded, overall, band)
    oiv = intervals.get(OVERALL)
    return (
        sm.ElementScore(
            id=OVERALL,
            name=OVERALL_NAME,
            kind="overall",
            score=overall,
            reason=None
            if overall is not None
            else "Not computable: "
            + ", ".join(missing)
            + (" is" if len(missing) == 1 else " are")
            + " not computable, and the overall score is the mean of all eight elements.",
            level=level.id if level else None,
            level_label=level.label if level else None,
            interval=oiv if oiv and overall is not None else None,
            n_respondents=len(resp_overall),
            coverage=round_places(answered_items / len(items), 3) if items else 0.0,
            sd=round_half_up(sd(resp_overall), d),
            n_dont_know=sum(c[1] for c in counts),
            n_not_applicable=sum(c[2] for c in counts),
            items=[],
        ),
        gating,
    )


def _gating(
    ctx: Context, rounded: dict[str, float | None], overall: float | None, band: LevelBand | None
) -> tuple[LevelBand | None, sm.Gating]:
    """A gated element below the gate caps the overall level: (the level after the gate, the gating result)."""
    rules = ctx.rules
    gate = rules.gate
    capping = [e for e in gate.elements if rounded.get(e) is not None and rounded[e] < gate.threshold]  # type: ignore[operator]
    level = band
    capped = False
    if band is not None and capping and rules.level_rank(band.id) > rules.level_rank(gate.cap_level):
        level = rules.level(gate.cap_level)
        capped = True
    names = ", ".join(f"{e} ({ctx.element_names[e]}, {rounded[e]:g})" for e in capping)
    if overall is None:
        expl = "No overall level: the overall score needs all eight elements to be computable."
    elif capped:
        expl = f"The overall score alone would be '{band.label}', but {names} {'is' if len(capping) == 1 else 'are'} below the gate of {gate.threshold:g}, so the overall level is capped at '{level.label}': a partnership cannot be ready without its foundations{' or while equity is not yet practised' if any(e.startswith('P') for e in capping) else ''}."  # type: ignore[union-attr]
    elif capping:
        expl = f"{names} {'is' if len(capping) == 1 else 'are'} below the gate of {gate.threshold:g}; the overall level '{band.label}' is already at or below the cap ('{rules.level(gate.cap_level).label}')."  # type: ignore[union-attr]
    else:
        expl = f"Every gated element ({', '.join(gate.elements)}) scores at least {gate.threshold:g}; the overall level is not capped."
    gating = sm.Gating(
        threshold=gate.threshold,
        capped=capped,
        capping_elements=capping,
        uncapped_level=band.id if band else None,
        level=level.id if level else None,
        level_label=level.label if level else None,
        explanation=expl,
    )
    return level, gating


def _comments(inst: InstrumentFile, m: Matrix, items: list[str], hidden: set[str]) -> list[sm.Comment]:
    """Comments in item order, each with its commenter's sector group unless that group is hidden."""
    return sorted(
        (
            sm.Comment(
                item=item,
                text=text,
                sector_group=None if inst.group_of(r.sector) in hidden else inst.group_of(r.sector),
            )
            for r in m.respondents
            for item, text in r.comments.items()
        ),
        key=lambda c: (
            items.index(c.item) if c.item in items else len(items),
            c.item,
            c.text,
            c.sector_group or "",
        ),
    )

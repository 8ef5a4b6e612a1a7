"""The scoring method in words, generated from the scoring rules (and the instrument).

:func:`method_markdown` is the documentation page "How the self-assessment is scored": every
number on it comes from ``assessments/scoring-rules.yaml``, so the page cannot fall behind the
scorer.  (Which actions fit an element's level: ``report_context.select_actions``.)
"""

from __future__ import annotations

from typing import Callable, Mapping

from ..core.formatting import plural
from ..score.models import DK_RATE_NOTE
from ..load.instrument import InstrumentFile, Item, ScoringRulesFile
from ..load.scoring_rules import RecommendedAction
from ..score.method import method_of
from .method_words import MethodWords, method_words


def method_words_for_rules(rules: ScoringRulesFile, names: Mapping[str, str]) -> MethodWords:
    """The method's sentences for the current scoring rules (what a result scored today carries)."""
    return method_words(method_of(rules), names)


def method_markdown(
    rules: ScoringRulesFile, inst: InstrumentFile | None = None, names: Mapping[str, str] | None = None
) -> str:
    """Markdown describing how answers become scores, levels, gaps, changes and groups.

    The rules' sentences are :class:`~lchd_assess.context.method_words.MethodWords`' (the report
    words the method with the same ones); this page adds explanations around them.  ``names``:
    element ID → name, for the gated elements (the framework's).
    """
    words = method_words_for_rules(rules, names or {})
    L: list[str] = []
    _answers_and_scores(L, rules, words)
    _uncertainty(L, words)
    _levels_and_gate(L, rules, words)
    _groups_and_privacy(L, rules, inst, words)
    _perspectives(L, rules, inst, words)
    _who_answered_and_change(L, rules, words)
    return "\n".join(L)


def _answers_and_scores(L: list[str], rules: ScoringRulesFile, words: MethodWords) -> None:
    """The rules' identity, the answers and how they become scores."""
    L.append("# How the self-assessment is scored")
    L.append("")
    L.append(
        f"Scoring rules `{rules.id}` version {rules.version}, for instrument `{rules.instrument}` version {rules.instrument_version}. Every number on this page is read from the scoring rules file, so the page and the scorer always agree; a partnership's report states the same rules in the same words."
    )
    L.append("")
    L.append("## Answers")
    L.append("")
    L.append(
        "Each item has five anchored levels, 0 to 4, each describing what can be observed in the partnership at that level. "
        f"{words.answers} A blank cell is a skipped item."
    )
    L.append("")
    L.append("## Scores")
    L.append("")
    L.append(f"- {words.item_score}")
    L.append(f"- {words.element_score} (The elements are the principles P1–P4 and the structures FS1–FS4.)")
    L.append(f"- {words.overall_score}")
    L.append(
        f"- Scores are rounded to {plural(rules.decimals, 'decimal place')}; levels, gaps and changes are read from the rounded scores."
    )
    L.append("")
    L.append(f"{words.computable} An element without a score is shown as **not computable**, with the reason.")
    L.append("")
    L.append(
        "Each element also shows how many respondents answered it, its coverage (the share of its items with a valid answer), the standard deviation of respondents' own element scores (how much people differ), and the numbers of DK and NA answers."
    )
    L.append("")


def _uncertainty(L: list[str], words: MethodWords) -> None:
    """The bootstrap interval given with every score."""
    L.append("## Uncertainty")
    L.append("")
    L.append(
        f"{words.interval} The same answers therefore always give the same interval. A wide interval means the score rests on few or divided answers."
    )
    L.append("")


def _levels_and_gate(L: list[str], rules: ScoringRulesFile, words: MethodWords) -> None:
    """The readiness levels and the foundations gate that caps them."""
    L.append("## Readiness levels")
    L.append("")
    L.append("| Level | Score | What it looks like |")
    L.append("|---|---|---|")
    for band, level in zip(rules.levels, words.levels):
        L.append(f"| {level.label} | {level.scores} | {band.description} |")
    L.append("")
    g = rules.gate
    ready = rules.level(g.ready_level).label if g.ready_level in {x.id for x in rules.levels} else g.ready_level
    L.append("## The foundations gate")
    L.append("")
    gated_p = [e for e in g.elements if e.startswith("P")]
    L.append(
        f"A partnership cannot reach {ready} without its foundations. {words.gate_rule} The report names the elements below the gate."
    )
    if gated_p:
        L.append("")
        L.append(
            f'{", ".join(gated_p)} (equity in praxis and outcomes) is gated as well as the foundational structures. The framework paper names "equity: goal, not practice" as a limitation of prevailing approaches and asks that equity and anti-racism be built into how a partnership operates, not only into its aims (Principle 4); a partnership that has not begun to practise equity is therefore not called ready, however well it scores elsewhere. The other principles are not gated: they describe what a partnership aims to do, and a low score on one of them already lowers the overall score.'
        )
    L.append("")


def _groups_and_privacy(L: list[str], rules: ScoringRulesFile, inst: InstrumentFile | None, words: MethodWords) -> None:
    """The sector groups and the minimum cell size that hides small ones."""
    k = rules.min_cell_size
    L.append("## Sector groups and privacy")
    L.append("")
    if inst is not None:
        L.append(
            f"Respondents say which sector they come from; sectors are combined into {len(inst.sector_groups)} groups:"
        )
        L.append("")
        for grp in inst.sector_groups:
            members = ", ".join(s.label.lower() for s in inst.sectors if s.group == grp.id)
            L.append(f"- **{grp.label}**: {members}.")
        L.append("")
    L.append(
        f"{words.privacy} This minimum cell size is never below 3. "
        "When hiding small groups would still let someone work one out by subtraction (the whole partnership minus the groups shown), the next-smallest group is hidden too (complementary suppression), until every hidden part adds up to none or to at least "
        f"{k} people. The same rule applies inside each element, inside each side of the community-versus-institutional comparison, and to the counts of respondents by sector. No names are collected."
    )
    L.append("")


def _perspectives(L: list[str], rules: ScoringRulesFile, inst: InstrumentFile | None, words: MethodWords) -> None:
    """How the community and institutional perspectives are compared and coded."""
    k = rules.min_cell_size
    L.append("## Community and institutional perspectives")
    L.append("")
    community = (
        [grp.label.lower() for grp in inst.sector_groups if grp.perspective == "community"]
        if inst is not None
        else ["residents, families and youth", "community-based organisations"]
    )
    L.append(
        f"For each element the community perspective ({'; '.join(community)}) is compared with the institutional perspective (everyone else). Residents, families and youth are also a sector group of their own, so their view is shown apart from the community organisations that work with them whenever at least {k} of them answered. The difference between the two perspectives is given one of these codes:"
    )
    L.append("")
    for i, code in enumerate(words.gap_codes):
        L.append(f"- **{code.label}**: {code.rule}{'.' if i == len(words.gap_codes) - 1 else ';'}")
    L.append("")
    L.append(
        'These codes and their thresholds are the toolkit\'s own. The idea of setting two perspectives side by side is adapted from Blebu et al. (2023), who triangulated staff interviews with a partner network survey using the codes full agreement, partial agreement, disagreement and silence (after Farmer et al. 2006); theirs compare qualitative descriptions of implementation factors, and their "silence" means a factor found in one data source and not the other. Ours compare two groups\' scores; a group hidden to protect privacy is "not shown", never "silent".'
    )
    L.append("")
    L.append(
        f"Each side's share of don't-know answers is reported beside its score (when both sides are shown), and the explanation names a side whose DK share is at least {round(DK_RATE_NOTE * 100)} points higher than the other's: funding, data and legal questions are often answered mostly by institutional members, and the report says so instead of letting their answers silently decide the score."
    )
    L.append("")


def _who_answered_and_change(L: list[str], rules: ScoringRulesFile, words: MethodWords) -> None:
    """The report's list of who answered, and how change between waves is read."""
    k = rules.min_cell_size
    L.append("## Who answered")
    L.append("")
    L.append(
        f"The report lists the sectors on the partnership's roster from which nobody answered and those with fewer than {k} respondents, and the share of respondents who are residents or family members (hidden when it would expose a small group)."
    )
    L.append("")
    L.append("## Change over time")
    L.append("")
    L.append(
        f"When a partnership has answered before, each element is compared with the previous wave. {words.meaningful_change} "
        "Items whose meaning changed between the two instrument versions are left out of both waves' scores for the comparison, so a change is never computed across items that ask different things. From instrument 1.1.0 an item whose question or levels changed is retired and replaced under a new ID, so it is only ever compared with itself; items reworded in plainer words with the same meaning keep their ID and are compared."
    )
    L.append("")


def instrument_data(assessment, framework) -> dict:
    """The instrument, its actions and its rules as plain data (JSON-ready) for a site page.

    Elements come in framework order; each carries its items (stem, anchored levels, the
    components it reaches with their names) and its recommended actions (with the place in
    the paper).  Nothing here is rendered: a page template decides how it looks.
    """
    inst, rules, actions = assessment.instrument, assessment.rules, assessment.actions
    level_label = {b.id: b.label for b in rules.levels}

    def comp(cid: str) -> dict:
        obj = framework.get(cid) if cid in framework else None
        return {"id": cid, "name": getattr(obj, "name", None)}

    elements = []
    for sec in inst.sections:
        el = framework.get(sec.element)
        elements.append(
            {
                "id": sec.element,
                "name": el.name,
                "kind": "principle" if sec.element.startswith("P") else "structure",
                "section_title": sec.title,
                "intro": sec.intro,
                "items": [_item_data(it, inst, comp) for it in inst.active_items() if it.element == sec.element],
                "actions": [
                    _action_data(a, level_label, comp)
                    for a in actions.actions
                    if a.element == sec.element and a.status == "active"
                ],
            }
        )
    return {
        "instrument": {
            "id": inst.id,
            "title": inst.title,
            "version": inst.version,
            "release_date": inst.release_date,
            "framework_version": inst.framework_version,
            "instructions": inst.instructions,
            "changelog": [e.model_dump(mode="json") for e in inst.changelog],
        },
        "answers": {
            "levels": [{"value": n, "label": lab} for n, lab in enumerate(inst.level_labels)],
            "special": [a.model_dump(mode="json") for a in inst.special_answers],
        },
        "sectors": [s.model_dump(mode="json") for s in inst.sectors],
        "sector_groups": [g.model_dump(mode="json") for g in inst.sector_groups],
        "roles": [r.model_dump(mode="json") for r in inst.roles],
        "elements": elements,
        "scoring_rules": rules.model_dump(mode="json"),
        "recommended_actions_version": actions.version,
    }


def _item_data(it: Item, inst: InstrumentFile, comp: Callable[[str], dict]) -> dict:
    """One item: its stem, anchored levels and the components it reaches."""
    return {
        "id": it.id,
        "stem": it.stem,
        "who_knows": it.who_knows,
        "levels": [{"value": n, "label": inst.level_labels[n], "anchor": a} for n, a in enumerate(it.anchors)],
        "components": [comp(c) for c in it.components],
        "since_version": it.since_version,
        "meaning_changed_in": it.meaning_changed_in,
    }


def _action_data(a: RecommendedAction, level_label: dict[str, str], comp: Callable[[str], dict]) -> dict:
    """One recommended action: its text, the level it fits up to and its place in the paper."""
    return {
        "id": a.id,
        "title": a.title,
        "text": a.text,
        "up_to_level": a.up_to_level,
        "up_to_level_label": level_label.get(a.up_to_level, a.up_to_level),
        "components": [comp(c) for c in a.components],
        "source": {
            "document": a.source.document,
            "section": a.source.section,
            "figure": a.source.figure,
            "note": a.source.note,
            "label": a.source.label(),
        },
    }

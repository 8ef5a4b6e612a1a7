"""The assessment files' own rules, beyond their schemas: coverage of the framework's elements
and components, ID prefixes, versions, level bands and the actions' references.

:func:`~lchd_assess.load.instrument.load_assessment` enforces them (a loaded assessment obeys
them), and ``lchd-assess validate`` runs them over every file (:func:`check_assessment_files`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable

from . import models
from ..core.findings import Finding
from .documents import Document
from .fields import ELEMENT_REF, version_tuple
from ..core.formatting import plural

if TYPE_CHECKING:
    from .instrument import InstrumentFile
    from .scoring_rules import RecommendedActionsFile, ScoringRulesFile


def _f(doc: Document, code: str, msg: str, path: tuple) -> Finding:
    return doc.loaded.locate(Finding(code, msg, path=path))


def _prefix_checks(
    doc: Document, where: tuple, own_id: str, element: str, components: Iterable[str], what: str, whose: str = ""
) -> Iterable[Finding]:
    """An item's or action's ID and components must start with its element's ID and a dot.

    ``what`` opens the ID message ("item 'P1.Q1' measures P1"); ``whose`` ends the component
    message (", the element of item 'P1.Q1'").
    """
    if not own_id.startswith(element + "."):
        yield _f(doc, "instrument-item-prefix", f"{what}; its ID must start with '{element}.'", (*where, "id"))
    for c_i, comp in enumerate(components):
        if not comp.startswith(element + "."):
            yield _f(
                doc,
                "instrument-component-mismatch",
                f"component '{comp}' is not a component of {element}{whose}",
                (*where, "components", c_i),
            )


def check_instrument(doc: Document, fw_index: dict[str, object] | None) -> Iterable[Finding]:
    """Coverage of elements and components, ID prefixes and versions of one instrument file."""
    inst: InstrumentFile = doc.model  # type: ignore[assignment]
    yield from _sector_and_section_checks(doc, inst)
    yield from _item_checks(doc, inst)
    if fw_index is not None:
        yield from _coverage_checks(doc, inst, fw_index)


def _sector_and_section_checks(doc: Document, inst: InstrumentFile) -> Iterable[Finding]:
    """Sectors in known groups, a known resident sector, one section per element with items."""
    groups = {g.id for g in inst.sector_groups}
    for i, s in enumerate(inst.sectors):
        if s.group not in groups:
            yield _f(
                doc,
                "instrument-unknown-group",
                f"sector '{s.id}' is in group '{s.group}', which is not one of sector_groups",
                ("sectors", i, "group"),
            )
    if inst.resident_sector not in {s.id for s in inst.sectors}:
        yield _f(
            doc,
            "instrument-unknown-sector",
            f"resident_sector '{inst.resident_sector}' is not one of the sectors",
            ("resident_sector",),
        )
    seen_sections: set[str] = set()
    item_elements = {i.element for i in inst.active_items()}
    for n, sec in enumerate(inst.sections):
        if sec.element in seen_sections:
            yield _f(
                doc,
                "instrument-section-mismatch",
                f"{sec.element} has two sections; keep one",
                ("sections", n, "element"),
            )
        elif sec.element not in item_elements:
            yield _f(
                doc,
                "instrument-section-mismatch",
                f"section {sec.element} has no active items",
                ("sections", n, "element"),
            )
        seen_sections.add(sec.element)
    for missing_el in sorted(item_elements - seen_sections):
        yield _f(
            doc,
            "instrument-section-mismatch",
            f"items of {missing_el} have no section; add one to `sections`",
            ("sections",),
        )


def _item_checks(doc: Document, inst: InstrumentFile) -> Iterable[Finding]:
    """Each item's ID and components match its element; its versions are in order."""
    v_inst = version_tuple(inst.version)
    for n, item in enumerate(inst.items):
        yield from _prefix_checks(
            doc,
            ("items", n),
            item.id,
            item.element,
            item.components,
            f"item '{item.id}' measures {item.element}",
            f", the element of item '{item.id}'",
        )
        for field in ("since_version", "meaning_changed_in", "retired_in"):
            v = getattr(item, field)
            if v and version_tuple(v) > v_inst:
                yield _f(
                    doc,
                    "instrument-version-order",
                    f"item '{item.id}': {field} {v} is later than the instrument version {inst.version}",
                    ("items", n, field),
                )
        if item.meaning_changed_in and version_tuple(item.meaning_changed_in) < version_tuple(item.since_version):
            yield _f(
                doc,
                "instrument-version-order",
                f"item '{item.id}': meaning_changed_in {item.meaning_changed_in} is before since_version {item.since_version}",
                ("items", n, "meaning_changed_in"),
            )


def _coverage_checks(doc: Document, inst: InstrumentFile, fw_index: dict[str, object]) -> Iterable[Finding]:
    """Every active principle and structure has enough items, and every component is reached."""
    active = inst.active_items()
    for el_id, el in sorted(fw_index.items()):
        if not re.match(models.ID_PATTERNS["principle"] + "|" + models.ID_PATTERNS["structure"], el_id):
            continue
        if getattr(el, "status", "active") != "active":
            continue
        items = [i for i in active if i.element == el_id]
        if len(items) < inst.min_items_per_element:
            yield _f(
                doc,
                "instrument-element-uncovered",
                f"{el_id} has {plural(len(items), 'active item')}; at least {inst.min_items_per_element} are needed",
                ("items",),
            )
        reached = {c for i in items for c in i.components}
        for comp in getattr(el, "components", []) or []:
            if comp.id not in reached:
                yield _f(
                    doc,
                    "instrument-component-unreached",
                    f"no active item of {el_id} reaches component {comp.id} ({comp.name}); add it to the `components` of an item that asks about it",
                    ("items",),
                )


def check_rules(doc: Document, inst: InstrumentFile | None) -> Iterable[Finding]:
    rules: ScoringRulesFile = doc.model  # type: ignore[assignment]
    bands = rules.levels
    ok = (
        bands[0].min == 0
        and bands[-1].max == 100
        and all(a.max == b.min for a, b in zip(bands, bands[1:]))
        and all(b.min < b.max for b in bands)
    )
    if not ok:
        yield _f(
            doc,
            "scoring-rules-bands",
            "levels must run from 0 to 100, lowest first, each starting where the one before ends",
            ("levels",),
        )
    ids = [b.id for b in bands]
    for field in ("ready_level", "cap_level"):
        if getattr(rules.gate, field) not in ids:
            yield _f(
                doc,
                "scoring-rules-unknown-level",
                f"gate {field} '{getattr(rules.gate, field)}' is not one of the levels ({', '.join(ids)})",
                ("gate", field),
            )
    if (
        rules.gate.ready_level in ids
        and rules.gate.cap_level in ids
        and ids.index(rules.gate.cap_level) >= ids.index(rules.gate.ready_level)
    ):
        yield _f(
            doc,
            "scoring-rules-unknown-level",
            f"gate cap_level '{rules.gate.cap_level}' must be below ready_level '{rules.gate.ready_level}'",
            ("gate", "cap_level"),
        )
    if not rules.gap_thresholds[0] < rules.gap_thresholds[1]:
        yield _f(
            doc,
            "scoring-rules-bands",
            "gap_thresholds must be two increasing numbers (similar below the first, some difference below the second)",
            ("gap_thresholds",),
        )
    if inst is not None and (rules.instrument != inst.id or rules.instrument_version != inst.version):
        yield _f(
            doc,
            "scoring-rules-instrument",
            f"these rules are for {rules.instrument} {rules.instrument_version}, but the instrument is {inst.id} {inst.version}",
            ("instrument_version",),
        )


def check_actions(doc: Document, inst: InstrumentFile | None, rules: ScoringRulesFile | None) -> Iterable[Finding]:
    acts: RecommendedActionsFile = doc.model  # type: ignore[assignment]
    if inst is not None and (acts.instrument != inst.id or acts.instrument_version != inst.version):
        yield _f(
            doc,
            "scoring-rules-instrument",
            f"these actions are for {acts.instrument} {acts.instrument_version}, but the instrument is {inst.id} {inst.version}",
            ("instrument_version",),
        )
    for n, a in enumerate(acts.actions):
        yield from _prefix_checks(
            doc, ("actions", n), a.id, a.element, a.components, f"action '{a.id}' is for {a.element}"
        )
        if rules is not None and a.up_to_level not in {b.id for b in rules.levels}:
            yield _f(
                doc,
                "scoring-rules-unknown-level",
                f"up_to_level '{a.up_to_level}' is not one of the scoring rules' levels",
                ("actions", n, "up_to_level"),
            )


def check_assessment_files(docs: list[Document], index: Any) -> Iterable[Finding]:
    """The instrument's, rules' and actions' own rules, over every loaded document."""
    by_kind: dict[str, list[Document]] = {}
    for d in docs:
        if d.model is not None and d.kind:
            by_kind.setdefault(d.kind, []).append(d)
    fw = {e.id: e.obj for e in index.entries.values() if e.kind in ELEMENT_REF}
    insts = by_kind.get("instrument", [])
    inst = insts[0].model if len(insts) == 1 else None
    rules_docs = by_kind.get("scoring-rules", [])
    rules = rules_docs[0].model if len(rules_docs) == 1 else None
    for d in insts:
        yield from check_instrument(d, fw or None)
    for d in rules_docs:
        yield from check_rules(d, inst)  # type: ignore[arg-type]
    for d in by_kind.get("recommended-actions", []):
        yield from check_actions(d, inst, rules)  # type: ignore[arg-type]

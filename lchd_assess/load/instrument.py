"""The readiness self-assessment as data: instrument, scoring rules and recommended actions.

Three kinds of YAML file live in ``assessments/``:

* ``instrument`` — the items (each tied to one principle or structure and the components it
  reaches), their five anchored levels, the answer codes, sectors, sector groups and roles;
* ``scoring-rules`` — every number the scorer uses (level bands, coverage, cell size, gap and
  change thresholds, the gate, the interval settings), so the method is data, not code;
* ``recommended-actions`` — what a partnership scoring low on an element can do next, each
  action citing its place in the paper.

Each carries a semantic version and a changelog.  :func:`load_assessment` returns all three,
validated, or raises one clear :class:`~lchd_assess.core.errors.InputError`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Literal

from pydantic import Field, model_validator

from . import models
from ..core.errors import InputError
from ..core.findings import Finding, first_line
from ..core import paths as data_paths
from ..core.paths import display_path, real
from .documents import Document, Kind, load_document
from .models import SEMVER, ChangelogEntry, Ref, Source, Strict, Text

#: The answer codes that never count as a score.
DONT_KNOW = "DK"
NOT_APPLICABLE = "NA"
LEVEL_VALUES = (0, 1, 2, 3, 4)
#: The answer file the browser questionnaire saves (read by formats/answer_file.py): its name
#: and version, here so the questionnaire's context and the reader share one definition.
ANSWER_FILE_FORMAT = "lchd-answers"
ANSWER_FILE_VERSION = 1


def version_tuple(v: str) -> tuple[int, int, int]:
    m = re.match(r"^(\d+)\.(\d+)\.(\d+)", v)
    if not m:
        raise ValueError(f"not a semantic version: {v!r}")
    return (int(m.group(1)), int(m.group(2)), int(m.group(3)))


# -- Models ----------------------------------------------------------------------------------
ELEMENT_REF = ("principle", "structure")
COMPONENT_REF = ("principle-component", "structure-component")
# Instrument 1.1.0 splits 1.0.0's "community" group (residents, families and community-based
# organisations together) into residents-families and community-organisations, so that
# residents' own view can be shown on its own; "community" stays valid so older files still read.
SectorGroupId = Literal[
    "residents-families", "community-organisations", "health-care", "related-sectors", "backbone", "community"
]


class Item(Strict):
    """One question of the self-assessment."""

    id: str = models.Id("item")
    element: str = Ref(*ELEMENT_REF, description="The principle or foundational structure this item measures.")
    components: list[str] = Ref(
        *COMPONENT_REF,
        default_factory=list,
        description="Components of that element the item reaches (e.g. P4.2, FS1.3); empty when the element has none or the item asks about the whole.",
    )
    stem: Text = Field(description="The question, in plain words a resident can answer.")
    anchors: list[Text] = Field(
        min_length=5, max_length=5, description="Observable practice at levels 0, 1, 2, 3 and 4, in that order."
    )
    since_version: str = Field(pattern=SEMVER, description="Instrument version that added the item.")
    meaning_changed_in: str | None = Field(
        default=None,
        pattern=SEMVER,
        description="Latest instrument version that changed what the item asks; change over time is never computed across it.",
    )
    status: Literal["active", "retired"] = "active"
    retired_in: str | None = Field(
        default=None, pattern=SEMVER, description="For a retired item: the version that dropped it."
    )
    replaced_by: list[str] = Field(
        default_factory=list,
        description="For a retired item: the item(s) that ask what it asked, under new IDs (its meaning changed, so its answers are never compared with theirs).",
    )
    who_knows: Text | None = Field(
        default=None,
        description="Who in the partnership can answer a question that needs insider knowledge (payment models, data formats, legal agreements); shown with the question so that a respondent who is unsure asks, or answers DK.",
    )


class Section(Strict):
    element: str = Ref(*ELEMENT_REF, description="Element the section's items measure.")
    title: Text = Field(description="Heading shown to respondents.")
    intro: Text = Field(description="One or two sentences introducing the section to respondents.")


class Sector(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", description="Code written in the `sector` column.")
    label: Text
    group: SectorGroupId = Field(description="Sector group used for breakdowns.")


class SectorGroup(Strict):
    id: SectorGroupId
    label: Text
    perspective: Literal["community", "institutional"] = Field(
        description="Side of the community-versus-institutional comparison."
    )


class Role(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    label: Text


class AnswerCode(Strict):
    code: str = Field(pattern=r"^[A-Z]{2}$")
    label: Text
    meaning: Text


class InstrumentFile(models.FileBase):
    """`assessments/instrument.yaml`: the readiness self-assessment's items and answer codes."""

    kind: Literal["instrument"]
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: Text
    version: str = Field(pattern=SEMVER)
    framework_version: str = Field(pattern=SEMVER, description="Framework version the items were written against.")
    release_date: str = Field(pattern=models.DATE)
    instructions: Text = Field(description="What respondents read first.")
    level_labels: list[Text] = Field(
        min_length=5, max_length=5, description="Short names of levels 0–4 shown in the codebook."
    )
    special_answers: list[AnswerCode] = Field(
        min_length=2, max_length=2, description="Don't know (DK) and not applicable (NA): never scored."
    )
    min_items_per_element: int = Field(ge=1, description="Each element has at least this many active items.")
    sector_groups: list[SectorGroup] = Field(min_length=2, max_length=6)
    sectors: list[Sector] = Field(min_length=1)
    resident_sector: str = Field(
        description="The sector code of community residents and family members (their share of respondents is reported)."
    )
    roles: list[Role] = Field(min_length=1)
    sections: list[Section] = Field(min_length=1)
    items: list[Item] = Field(min_length=1)
    changelog: list[ChangelogEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _answer_codes(self) -> "InstrumentFile":
        codes = sorted(a.code for a in self.special_answers)
        if codes != [DONT_KNOW, NOT_APPLICABLE]:
            raise ValueError("special_answers must be exactly DK (don't know) and NA (not applicable)")
        return self

    # Convenience views -------------------------------------------------------------------
    def active_items(self) -> list[Item]:
        return [i for i in self.items if i.status == "active"]

    def item_ids(self) -> list[str]:
        return [i.id for i in self.active_items()]

    def items_at(self, version: str) -> set[str]:
        """IDs of the items that made up the instrument at ``version``."""
        v = version_tuple(version)
        out = set()
        for i in self.items:
            if version_tuple(i.since_version) > v:
                continue
            if i.retired_in and version_tuple(i.retired_in) <= v:
                continue
            out.add(i.id)
        return out

    def known_versions(self) -> list[str]:
        return sorted({e.version for e in self.changelog}, key=version_tuple)

    def sector(self, sector_id: str) -> Sector | None:
        return next((s for s in self.sectors if s.id == sector_id), None)

    def group_labels(self) -> dict[str, str]:
        """Sector group ID → the label shown to people."""
        return {g.id: g.label for g in self.sector_groups}

    def group_of(self, sector_id: str) -> str:
        s = self.sector(sector_id)
        if s is None:
            raise KeyError(sector_id)
        return s.group


class LevelBand(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    label: Text
    min: float = Field(ge=0, le=100, description="Lower bound, inclusive (0–100 scale).")
    max: float = Field(ge=0, le=100, description="Upper bound, exclusive except for the top level.")
    description: Text = Field(description="What a partnership at this level looks like.")


class Gate(Strict):
    threshold: float = Field(
        ge=0, le=100, description="A foundational structure below this score caps the overall level."
    )
    elements: list[str] = Ref(
        "principle",
        "structure",
        min_length=1,
        description="The elements the gate applies to: the foundational structures, and P4 (equity in praxis) from scoring rules 1.1.0.",
    )
    ready_level: str = Field(description="Level ID meaning 'ready'.")
    cap_level: str = Field(
        description="Highest overall level allowed while any gated structure is below the threshold (the level below ready)."
    )


class Interval(Strict):
    method: Literal["percentile-bootstrap"]
    confidence: float = Field(gt=0, lt=1)
    resamples: int = Field(ge=100, le=100000)
    seed: int = Field(ge=0)


class ReportCaution(Strict):
    """When page 1 of a partnership report warns that its scores stand on little."""

    min_respondents: int = Field(ge=1, description="A wave with fewer respondents than this gets a caution.")
    max_silent_sectors: int = Field(
        ge=0, description="More roster sectors than this without any respondent gets a caution (0: any silent sector)."
    )
    max_dont_know_share: float = Field(
        gt=0, le=1, description="A larger share of don't-know answers (of all answer cells) than this gets a caution."
    )


class PortfolioRules(Strict):
    """How a funder's portfolio compares partnerships."""

    min_partnerships_for_percentiles: int = Field(
        ge=2,
        description="Percentiles are shown only when the portfolio has at least this many partnerships; among fewer they say more about who else is in the portfolio than about the partnership.",
    )


class ScoringRulesFile(models.FileBase):
    """`assessments/scoring-rules.yaml`: every number the scorer uses."""

    kind: Literal["scoring-rules"]
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str = Field(pattern=SEMVER)
    instrument: str = Field(description="ID of the instrument these rules score.")
    instrument_version: str = Field(pattern=SEMVER, description="Instrument version the rules were written for.")
    release_date: str = Field(pattern=models.DATE)
    scale_multiplier: float = Field(gt=0, description="Item means (0–4) times this give the 0–100 scale.")
    decimals: int = Field(
        ge=0,
        le=3,
        description="Scores and intervals are rounded to this many decimals before levels, gaps and changes are read from them.",
    )
    min_item_coverage: float = Field(
        gt=0, le=1, description="An element is scored only when at least this share of its items has a valid answer."
    )
    min_respondents: int = Field(
        ge=1, description="An element is scored only when at least this many respondents gave it a valid answer."
    )
    min_cell_size: int = Field(ge=3, description="Smallest group ever shown (never below 3).")
    gap_thresholds: tuple[float, float] = Field(
        description="Absolute community − institutional differences below the first are coded similar, below the second some-difference, otherwise large-difference."
    )
    meaningful_change: float = Field(
        gt=0, description="Smallest change between waves (0–100 scale) flagged as improved or declined."
    )
    levels: list[LevelBand] = Field(min_length=2)
    gate: Gate
    interval: Interval
    caution: ReportCaution
    portfolio: PortfolioRules
    changelog: list[ChangelogEntry] = Field(min_length=1)

    def level_for(self, score: float | None) -> LevelBand | None:
        if score is None:
            return None
        for band in self.levels:
            if band.min <= score < band.max:
                return band
        return self.levels[-1] if score >= self.levels[-1].min else None

    def level(self, level_id: str) -> LevelBand:
        return next(b for b in self.levels if b.id == level_id)

    def level_rank(self, level_id: str) -> int:
        return [b.id for b in self.levels].index(level_id)


class RecommendedAction(Strict):
    id: str = models.Id("recommended-action")
    element: str = Ref(*ELEMENT_REF, description="Element the action helps with.")
    components: list[str] = Ref(*COMPONENT_REF, default_factory=list, description="Components the action works on.")
    up_to_level: str = Field(description="Suggest the action while the element's level is at or below this level ID.")
    title: Text
    text: Text = Field(description="What to do, in plain words.")
    source: Source = Field(description="Where in the paper the action comes from.")
    status: Literal["active", "retired"] = Field(
        default="active", description="A retired action keeps its ID and is never suggested."
    )
    retired_in: str | None = Field(
        default=None, pattern=SEMVER, description="For a retired action: the version that dropped it."
    )
    replaced_by: list[str] = Field(
        default_factory=list, description="For a retired action: the action(s) that take its place."
    )


class RecommendedActionsFile(models.FileBase):
    """`assessments/recommended-actions.yaml`: next steps per element, each citing the paper."""

    kind: Literal["recommended-actions"]
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str = Field(pattern=SEMVER)
    instrument: str
    instrument_version: str = Field(pattern=SEMVER)
    actions: list[RecommendedAction] = Field(min_length=1)
    changelog: list[ChangelogEntry] = Field(min_length=1)


#: The three kinds of file in assessments/ (listed in :data:`lchd_assess.load.kinds.KINDS`).
INSTRUMENT = Kind(
    "instrument",
    InstrumentFile,
    "The readiness self-assessment: items tied to framework elements, anchored levels, answer codes, sectors and roles.",
    "instrument",
)
SCORING_RULES = Kind(
    "scoring-rules",
    ScoringRulesFile,
    "The readiness self-assessment's scoring rules: level bands, coverage, cell size, gap and change thresholds, gate and interval.",
    "instrument",
)
RECOMMENDED_ACTIONS = Kind(
    "recommended-actions",
    RecommendedActionsFile,
    "Recommended next steps per framework element, each citing its place in the paper.",
    "instrument",
)
ASSESSMENT_KINDS = {k.name: k for k in (INSTRUMENT, SCORING_RULES, RECOMMENDED_ACTIONS)}


# -- Semantic checks -------------------------------------------------------------------------


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
    v_inst = version_tuple(inst.version)
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
    if fw_index is None:
        return
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
                f"{el_id} has {len(items)} active item(s); at least {inst.min_items_per_element} are needed",
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


# -- Loading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Assessment:
    """The instrument, its scoring rules and recommended actions, validated together."""

    instrument: InstrumentFile
    rules: ScoringRulesFile
    actions: RecommendedActionsFile
    folder: Path


def assessments_dir(path: str | Path | None = None) -> Path:
    return Path(path) if path else data_paths.assessments_dir()


def load_assessment(path: str | Path | None = None) -> Assessment:
    """The validated instrument, rules and actions in ``path`` (default: assessments/)."""
    return _load_cached(str(real(assessments_dir(path))))


@functools.lru_cache(maxsize=4)
def _load_cached(folder: str) -> Assessment:
    """Schema and the assessment's own rules; references into the framework are checked by
    `lchd-assess validate` (and the test suite), which loads the whole framework."""
    d = Path(folder)
    files = {
        "instrument": d / "instrument.yaml",
        "scoring-rules": d / "scoring-rules.yaml",
        "recommended-actions": d / "recommended-actions.yaml",
    }
    docs: dict[str, Document] = {}
    for kind, p in files.items():
        if not p.is_file():
            raise InputError(
                f"{display_path(p)}: file-not-found: the {kind} file is missing; the assessment folder needs instrument.yaml, scoring-rules.yaml and recommended-actions.yaml"
            )
        docs[kind] = load_document(p, ASSESSMENT_KINDS[kind], display=display_path(p))
    findings = [f for doc in docs.values() for f in doc.findings]
    if not findings:
        inst, rules = docs["instrument"].model, docs["scoring-rules"].model
        findings += list(check_instrument(docs["instrument"], None))
        findings += list(check_rules(docs["scoring-rules"], inst))  # type: ignore[arg-type]
        findings += list(check_actions(docs["recommended-actions"], inst, rules))  # type: ignore[arg-type]
    if findings:
        more = (
            f" (and {len(findings) - 1} more; run `lchd-assess validate {display_path(d)}`)"
            if len(findings) > 1
            else ""
        )
        raise InputError(first_line(findings) + more)
    return Assessment(docs["instrument"].model, docs["scoring-rules"].model, docs["recommended-actions"].model, d)  # type: ignore[arg-type]

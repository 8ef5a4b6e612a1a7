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
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from . import models
from ..core.errors import InputError
from ..core.files import stamp
from ..core.findings import first_line
from ..core import paths as data_paths
from ..core.paths import display_path, real
from .documents import Document, Kind, load_document
from .fields import COMPONENT_REF, ELEMENT_REF, version_tuple  # noqa: F401  (version_tuple re-exported)
from .instrument_checks import check_actions, check_assessment_files, check_instrument, check_rules  # noqa: F401
from .models import SEMVER, ChangelogEntry, Ref, Strict, Text

# The scoring rules and recommended actions are loaded with the instrument (load_assessment);
# their models and kinds live in scoring_rules.py and stay importable from here.
from .scoring_rules import (  # noqa: F401  (re-exported)
    RECOMMENDED_ACTIONS,
    SCORING_RULES,
    Gate,
    Interval,
    LevelBand,
    PortfolioRules,
    RecommendedAction,
    RecommendedActionsFile,
    ReportCaution,
    ScoringRulesFile,
)

#: The answer codes that never count as a score.
DONT_KNOW = "DK"
NOT_APPLICABLE = "NA"
LEVEL_VALUES = (0, 1, 2, 3, 4)
#: The answer file the browser questionnaire saves (read by formats/answer_file.py): its name
#: and version, here so the questionnaire's context and the reader share one definition.
ANSWER_FILE_FORMAT = "lchd-answers"
ANSWER_FILE_VERSION = 1


# -- Models ----------------------------------------------------------------------------------
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


#: The three kinds of file in assessments/ (listed in :data:`lchd_assess.load.kinds.KINDS`).
INSTRUMENT = Kind(
    "instrument",
    InstrumentFile,
    "The readiness self-assessment: items tied to framework elements, anchored levels, answer codes, sectors and roles.",
    "instrument",
)
ASSESSMENT_KINDS = {k.name: k for k in (INSTRUMENT, SCORING_RULES, RECOMMENDED_ACTIONS)}


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
    d = real(assessments_dir(path))
    return _load_cached(str(d), stamp([d / name for name in ASSESSMENT_FILES.values()]))


#: The assessment's three files, by kind.
ASSESSMENT_FILES = {
    "instrument": "instrument.yaml",
    "scoring-rules": "scoring-rules.yaml",
    "recommended-actions": "recommended-actions.yaml",
}


@functools.lru_cache(maxsize=4)
def _load_cached(folder: str, files_stamp: tuple) -> Assessment:
    """Schema and the assessment's own rules; references into the framework are checked by
    `lchd-assess validate` (and the test suite), which loads the whole framework.

    ``files_stamp`` is part of the memo's key only: an edited file is read again."""
    d = Path(folder)
    files = {kind: d / name for kind, name in ASSESSMENT_FILES.items()}
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

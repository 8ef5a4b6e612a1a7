"""Pydantic models of the framework: the single source of truth for its data.

The JSON Schemas in ``schemas/`` are generated from these models (``lchd-assess schemas``) and a
test fails when the committed copies fall behind.  Reference fields name the kinds of element
they may point at in ``json_schema_extra={"x-refers-to": [...]}``; the validator resolves them
generically, so a new reference field needs no new check.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

# The shared base model, ID rules and field helpers live in fields.py; their names stay
# importable from here, where most models import them.
from .fields import (  # noqa: F401  (re-exported)
    DATE,
    ID_EXAMPLES,
    ID_PATTERNS,
    KIND_LABELS,
    SEMVER,
    Id,
    Ref,
    Scale,
    Strict,
    Text,
)
from .references import Author, Publication, Reference  # noqa: F401  (re-exported)


class Source(Strict):
    """Where in a source document an element comes from."""

    document: str = Ref(
        "reference",
        description="Reference ID of the source document; defaults to the framework paper.",
        default="REF-liu-2022",
    )
    section: str | None = Field(
        default=None, description="Section heading in the source, e.g. 'Principle 1: Move From Reactive…'."
    )
    figure: str | None = Field(default=None, description="Figure in the source, e.g. 'Figure 2'.")
    note: str | None = Field(default=None, description="Finer place: paragraph, list item or column.")

    def label(self) -> str:
        parts = [p for p in (self.figure, self.section) if p]
        return "; ".join(parts) + (f" ({self.note})" if self.note else "")


class Reading(Strict):
    """A statement about an element that is the toolkit's reading of the paper, not the paper's.

    The site labels each such statement "Our reading", so readers can tell what the authors
    wrote from what the toolkit added (a link, a grouping, a direction the paper leaves open).
    """

    field: Literal[
        "characteristics",
        "concepts",
        "addresses_limitations",
        "builds_on",
        "supports_principles",
        "components",
        "characteristic",
    ] = Field(description="The element's field whose content is the toolkit's reading.")
    note: Text = Field(description="What in the paper this reading rests on, and what the toolkit added.")


class Element(Strict):
    """Fields shared by every framework element."""

    name: Text = Field(description="Short name; may follow the paper exactly.")
    description: Text = Field(description="What this element means, in the toolkit's own words.")
    source: Source = Field(description="Where in the paper this element comes from (section heading or figure).")
    status: Literal["active", "retired"] = Field(default="active", description="Retired elements keep their ID.")
    replaced_by: str | None = Ref(
        "concept",
        "characteristic",
        "principle",
        "structure",
        "limitation",
        "partnership-model",
        default=None,
        description="For a retired element: what replaces it.",
    )
    our_reading: list[Reading] = Field(
        default_factory=list,
        description="Fields of this element that are the toolkit's reading of the paper rather than the paper's own statements; the site marks them \"Our reading\".",
    )


class Concept(Element):
    id: str = Id("concept")


class Attribute(Strict):
    id: str = Id("attribute")
    name: Text
    description: Text


class Characteristic(Element):
    id: str = Id("characteristic")
    question: str | None = Field(default=None, description="The question this characteristic answers, if any.")
    attributes: list[Attribute] = Field(
        min_length=1, description="Attributes listed under this characteristic in Figure 2."
    )
    concepts: list[str] = Ref(
        "concept", min_length=1, description="The core LCHD concept(s) this characteristic follows from."
    )


class Component(Strict):
    """A named part of a principle or structure (P4's decisions, FS1's domains, …)."""

    id: str
    name: Text
    description: Text
    type: Literal[
        "operational-decision",
        "theory-of-change-domain",
        "relational-outcome",
        "data-requirement",
        "funding-mechanism",
        "funding-problem",
    ]
    terms: list[str] = Ref("term", default_factory=list, description="Glossary terms this component names.")


class PrincipleComponent(Component):
    id: str = Id("principle-component")


class StructureComponent(Component):
    id: str = Id("structure-component")


class Principle(Element):
    id: str = Id("principle")
    title: Text = Field(description="The principle's full title as the paper states it.")
    from_state: Text = Field(description="What partnerships move away from.")
    to_state: Text = Field(description="What partnerships move toward.")
    characteristics: list[str] = Ref(
        "characteristic",
        min_length=1,
        description="Characteristic(s) of life-course interventions this principle answers (Figure 2).",
    )
    addresses_limitations: list[str] = Ref(
        "limitation", min_length=1, description="Limitations of prevailing approaches this principle addresses."
    )
    asks: list[Text] = Field(min_length=1, description="What the principle asks of a partnership, as practices.")
    components: list[PrincipleComponent] = Field(
        default_factory=list, description="Named parts, such as P4's five operational decisions."
    )


class Structure(Element):
    id: str = Id("structure")
    title: Text = Field(description="The structure's full title as the paper states it.")
    builds_on: list[str] = Ref(
        "structure",
        default_factory=list,
        description="Structures this one builds on (the arrows of Figure 2); must be acyclic.",
    )
    supports_principles: list[str] = Ref(
        "principle", min_length=1, description="Principles this structure equips a partnership to carry out."
    )
    addresses_limitations: list[str] = Ref("limitation", default_factory=list)
    components: list[StructureComponent] = Field(min_length=1)
    asks: list[Text] = Field(min_length=1, description="What the structure asks of a partnership, as practices.")


class Limitation(Element):
    id: str = Id("limitation")
    short: Text = Field(description="The paper's short label, e.g. 'Reactive and sporadic'.")
    group: Literal["intervention", "structure"] = Field(
        description="Limitations of how interventions are designed (1–4) or of how they are structured (5–6)."
    )
    characteristic: str = Ref(
        "characteristic", description="The characteristic of life-course interventions this limitation violates."
    )


class Example(Strict):
    name: Text
    description: str | None = None
    reference: str | None = Ref("reference", default=None)


class Innovation(Strict):
    id: str = Id("innovation")
    text: Text
    characteristics: list[str] = Ref("characteristic", min_length=1)


class ModelLimitation(Strict):
    id: str = Id("model-limitation")
    text: Text
    characteristics: list[str] = Ref("characteristic", min_length=1)
    limitations: list[str] = Ref(
        "limitation", default_factory=list, description="Limitations of prevailing approaches this is an instance of."
    )


class PartnershipModel(Element):
    id: str = Id("partnership-model")
    abbreviation: str | None = None
    examples: list[Example] = Field(default_factory=list)
    innovations: list[Innovation] = Field(min_length=1)
    limitations: list[ModelLimitation] = Field(min_length=1)


class ReportingDomain(Element):
    id: str = Id("reporting-domain")
    prompts: list[Text] = Field(min_length=1, description="What a partnership report should say in this domain.")
    principles: list[str] = Ref("principle", "structure", default_factory=list)


class ResearchPriority(Element):
    id: str = Id("research-priority")
    related: list[str] = Ref("principle", "structure", "reporting-domain", default_factory=list)


class Term(Strict):
    id: str = Id("term")
    term: Text
    abbreviation: str | None = None
    definition: Text
    source: Source
    see_also: list[str] = Ref(
        "term",
        "principle",
        "structure",
        "limitation",
        "partnership-model",
        "concept",
        "characteristic",
        default_factory=list,
    )
    our_reading: str | None = Field(
        default=None,
        description='Set when the paper uses the term without defining it: says so; the site marks the definition "Our reading".',
    )


class ChangelogEntry(Strict):
    version: str = Field(pattern=SEMVER)
    date: str = Field(pattern=DATE)
    changes: list[Text] = Field(min_length=1)


class CrosswalkSource(Strict):
    id: str = Id("crosswalk-source")
    name: Text
    description: Text
    source: Source


class Mapping(Strict):
    source: str = Field(description="ID of a source element listed in this crosswalk.")
    target: str = Ref(
        "principle",
        "structure",
        "principle-component",
        "structure-component",
        description="Principle or structure (or one of their components) it maps onto.",
    )
    relationship: Literal["equivalent", "subset", "superset", "overlaps", "related"]
    rationale: Text = Field(description="One line on why.")


# -- File kinds ------------------------------------------------------------------------------
# Each YAML file holds one `kind`; the file model says what else it holds.


class FileBase(Strict):
    kind: str


class FrameworkFile(FileBase):
    """`framework/framework.yaml`: identity, version and changelog of the framework."""

    kind: Literal["framework"]
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: Text
    short_title: Text
    version: str = Field(pattern=SEMVER)
    schema_version: str = Field(pattern=SEMVER)
    release_date: str = Field(pattern=DATE)
    licence: Text
    licence_url: str = Field(pattern=r"^https://\S+$")
    base_url: str = Field(
        pattern=r"^https://\S+/$",
        description="Where the documentation site is published; permanent element URLs start here.",
    )
    summary: Text
    source_publication: Publication
    changelog: list[ChangelogEntry] = Field(min_length=1)


class ConceptsFile(FileBase):
    kind: Literal["concepts"]
    concepts: list[Concept] = Field(min_length=1)


class CharacteristicsFile(FileBase):
    kind: Literal["characteristics"]
    characteristics: list[Characteristic] = Field(min_length=1)


class PrinciplesFile(FileBase):
    kind: Literal["principles"]
    principles: list[Principle] = Field(min_length=1)


class StructuresFile(FileBase):
    kind: Literal["structures"]
    structures: list[Structure] = Field(min_length=1)


class LimitationsFile(FileBase):
    kind: Literal["limitations"]
    limitations: list[Limitation] = Field(min_length=1)


class ModelsFile(FileBase):
    kind: Literal["partnership-models"]
    models: list[PartnershipModel] = Field(min_length=1)


class ResearchAgendaFile(FileBase):
    kind: Literal["research-agenda"]
    source: Source
    summary: Text
    reporting_domains: list[ReportingDomain] = Field(min_length=1)
    priorities: list[ResearchPriority] = Field(default_factory=list)


class GlossaryFile(FileBase):
    kind: Literal["glossary"]
    terms: list[Term] = Field(min_length=1)


class ReferencesFile(FileBase):
    kind: Literal["references"]
    references: list[Reference] = Field(min_length=1)


class CrosswalkFile(FileBase):
    kind: Literal["crosswalk"]
    id: str = Id("crosswalk")
    title: Text
    description: Text
    source_document: str = Ref("reference")
    source_elements: list[CrosswalkSource] = Field(min_length=1)
    mappings: list[Mapping] = Field(min_length=1)


#: kind → file model, for the files that make up the framework itself.
FRAMEWORK_KINDS: dict[str, type[FileBase]] = {
    "framework": FrameworkFile,
    "concepts": ConceptsFile,
    "characteristics": CharacteristicsFile,
    "principles": PrinciplesFile,
    "structures": StructuresFile,
    "limitations": LimitationsFile,
    "partnership-models": ModelsFile,
    "research-agenda": ResearchAgendaFile,
    "glossary": GlossaryFile,
    "references": ReferencesFile,
    "crosswalk": CrosswalkFile,
}

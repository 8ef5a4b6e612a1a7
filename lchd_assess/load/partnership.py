"""A partnership folder: ``partnership.yaml`` (who the partnership is) and ``responses/``.

The roster's organisation codes are local to the file (``org-01``…), not framework IDs.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from ..core.errors import InputError
from ..core.findings import Finding, first_line
from ..core.paths import as_path, display_path, display_real, is_inside, real, real_child, real_is_inside
from . import models
from .documents import Document, Kind, check_loaded
from .yamlload import LoadedYaml, load_yaml
from .models import Scale, Strict, Text


class RosterEntry(Strict):
    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="Local code of the organisation in this file (e.g. org-01); not a framework ID.",
    )
    name: Text = Field(description="The organisation's name (organisations, never people).")
    sector: str = Field(
        pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
        description="Sector code from the instrument's sector list (e.g. health-care, housing, resident-family).",
    )


class Wave(Strict):
    label: Text = Field(description="The wave's name for people (e.g. Baseline 2025).")
    closed: str = Field(
        pattern=models.DATE,
        description="Date the collection closed (YYYY-MM-DD). Waves are ordered by it: change always runs from the earlier wave to the later one, whatever the files are called.",
    )
    file: str = Field(
        # The ending in any case: Excel on Windows may save 2025-BASELINE.CSV, and the folder
        # listing already takes such files.
        pattern=r"^[^/\\]+\.([cC][sS][vV]|[xX][lL][sS][xX])$",
        description="The wave's answers in responses/: a CSV file (e.g. 2025-baseline.csv) or an answer workbook (.xlsx), the ending in any case; the name without its ending is the wave's name on the command line (--wave 2025-baseline).",
    )

    @property
    def name(self) -> str:
        return self.file.rsplit(".", 1)[0]


class PartnershipFile(models.FileBase):
    """`partnership.yaml`: a partnership's name, scale, population focus and partner roster."""

    kind: Literal["partnership"]
    id: str | None = Field(
        default=None,
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="The partnership's own code (lower-case letters, digits, hyphens), the same whichever folder holds it; portfolios and scores files tell partnerships apart by it. Default: the folder's name.",
    )
    name: Text
    scale: Scale = Field(description="Geographic scale.")
    population_focus: Text = Field(description="Who the partnership serves.")
    fictional: bool = Field(default=False, description="True for the toolkit's made-up examples.")
    roster: list[RosterEntry] = Field(min_length=1, description="Partner organisations and their sectors.")
    waves: list[Wave] = Field(
        default_factory=list,
        description="The partnership's collection waves, each with the date it closed. A file in responses/ whose name starts with an ISO date (2026-03-31-spring.csv) needs no entry; any other file must be listed here, so that waves are ordered by date and never by name.",
    )

    @model_validator(mode="after")
    def _unique_codes(self) -> "PartnershipFile":
        seen: set[str] = set()
        for i, r in enumerate(self.roster):
            if r.id in seen:
                raise ValueError(
                    f"roster entry {i}: organisation code '{r.id}' is used twice; give each organisation its own code"
                )
            seen.add(r.id)
        files: dict[str, int] = {}
        dates: dict[str, int] = {}
        for i, w in enumerate(self.waves):
            if w.file in files:
                raise ValueError(
                    f"waves entry {i}: file '{w.file}' is already listed in entry {files[w.file]}; list each wave once"
                )
            if w.closed in dates:
                raise ValueError(
                    f"waves entry {i}: closing date {w.closed} is also the date of entry {dates[w.closed]}; two waves closing on one day cannot be put in order"
                )
            files[w.file] = i
            dates[w.closed] = i
        return self

    def roster_sectors(self) -> set[str]:
        return {r.sector for r in self.roster}


#: The kind of partnership.yaml (listed in :data:`lchd_assess.load.kinds.KINDS`).
PARTNERSHIP = Kind(
    "partnership",
    PartnershipFile,
    "A partnership: name, geographic scale, population focus and partner roster with each organisation's sector.",
    "partnership",
)


def partnership_folders(parent: str | Path) -> list[Path]:
    """The partnership folders directly inside ``parent`` (each holds a partnership.yaml),
    sorted by name; none when ``parent`` is not a folder."""
    parent = Path(parent)
    return sorted(d for d in parent.iterdir() if (d / "partnership.yaml").is_file()) if parent.is_dir() else []


def load_partnership(
    folder: str | Path, sectors: list[str] | None = None, real_folder: Path | None = None
) -> PartnershipFile:
    """The validated ``partnership.yaml`` in ``folder``; one clear InputError otherwise.

    With ``sectors`` (the instrument's sector codes) every roster sector must be one of them.
    ``real_folder``: ``real(folder)`` when the caller has it (each realpath is an lstat per
    part of the name; a portfolio loads thousands of partnerships).
    """
    folder = as_path(folder)
    path = folder / "partnership.yaml"
    if not path.is_file():
        raise InputError(
            f"{display_path(path)}: file-not-found: a partnership folder needs a partnership.yaml (name, scale, population_focus, roster)"
        )
    real_folder = real_folder or real(folder)
    resolved = real_child(real_folder, folder, "partnership.yaml")
    shown = display_real(resolved, path)
    if not real_is_inside(resolved, real_folder):
        raise outside_folder(shown)
    loaded = load_yaml(path, display=shown)
    doc = _valid_at_once(loaded) or check_loaded(loaded, PARTNERSHIP)
    if doc.model is None:
        raise InputError(first_line(doc.findings))
    if sectors is not None:
        unknown = roster_sector_findings(doc, sectors)
        if unknown:
            raise InputError(first_line(unknown))
    return doc.model  # type: ignore[return-value]


def _valid_at_once(loaded: LoadedYaml) -> Document | None:
    """The document when the model accepts its data in strict mode, else None (and the caller
    runs the JSON Schema, whose findings explain what is wrong).

    partnership.yaml's JSON Schema is generated from :class:`PartnershipFile` and says nothing
    the model does not, so a file the model accepts strictly passes the schema too
    (tests/test_partnership_loading.py checks the schema's keywords and, on random documents,
    that the schema accepts whatever strict validation accepts). Running the schema with
    jsonschema was most of the time of loading a partnership (0.5 ms of 0.9 ms per file; a
    portfolio loads thousands); it is now only run to explain a file that is wrong.
    """
    data = loaded.data
    if loaded.findings or not isinstance(data, dict) or data.get("kind") != PARTNERSHIP.name:
        return None
    try:
        model = PartnershipFile.model_validate(data, strict=True)
    except ValidationError:
        return None
    return Document(loaded, kind=PARTNERSHIP.name, model=model, family=PARTNERSHIP.family)


def roster_sector_findings(doc: Document, sectors: list[str]) -> list[Finding]:
    """A finding for each roster entry whose sector is not one of the instrument's codes."""
    out = []
    for i, r in enumerate(doc.model.roster):  # type: ignore[union-attr]
        if r.sector not in sectors:
            close = difflib.get_close_matches(r.sector, sectors, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            out.append(
                doc.loaded.locate(
                    Finding(
                        "partnership-unknown-sector",
                        f"'{r.sector}' is not a sector code; use one of: {', '.join(sectors)}{hint}",
                        path=("roster", i, "sector"),
                    )
                )
            )
    return out


# A wave file named after its closing date needs no entry in partnership.yaml.
_DATED = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def _date_in_name(stem: str) -> str | None:
    m = _DATED.match(stem)
    if not m:
        return None
    try:
        datetime.date.fromisoformat(m.group(1))
    except ValueError:
        return None
    return m.group(1)


def outside_folder(shown: str) -> InputError:
    """The one line for a file of a partnership folder that is a symbolic link leading out of
    it: answers live in the folder, and a link to /etc/passwd must not be read (nor quoted, nor
    written over) as answers."""
    return InputError(
        f"{shown}: file-outside-folder: this is a symbolic link to a file outside the partnership folder; copy the file into the folder instead of linking to it"
    )


def stay_inside(path: Path, folder: Path, display: str) -> None:
    """Refuse (:func:`outside_folder`) a file of ``folder`` that leads out of it."""
    if not is_inside(path, folder):
        raise outside_folder(display)


def wave_order(folder: str | Path, p: PartnershipFile) -> list[str]:
    """The waves that have a file in ``folder``/responses, earliest closing date first.

    A file listed under ``waves`` in partnership.yaml takes its date from there; any other file
    must start with an ISO date. Raises one clear InputError naming a file that is neither,
    with the entry to add: ordering by name would silently turn change around. A partnership
    with a single wave file has no order to get wrong, so that file needs no date.
    """
    order, findings = wave_findings(folder, p)
    if findings:
        raise InputError(findings[0].format_text())
    return order


def wave_findings(folder: str | Path, p: PartnershipFile) -> tuple[list[str], list[Finding]]:
    """:func:`wave_order` as values: the order, and a finding for each file it cannot place."""

    d = as_path(folder) / "responses"
    names = _wave_file_names(d)
    findings: list[Finding] = []
    stems: dict[str, str] = {}
    for name in names:
        stem = _stem(name)
        if stem in stems:
            findings.append(
                Finding(
                    "wave-undeclared",
                    f"wave '{stem}' has two files ({stems[stem]} and {name}); keep one of them",
                    file=display_path(d / name),
                )
            )
        stems[stem] = name
    # A file listed as 2026-spring.csv and saved as 2026-spring.CSV is the same wave: the
    # ending's case is the spreadsheet's choice, not the user's.
    declared = {_ending_folded(w.file): w for w in p.waves}
    keyed: list[tuple[str, str]] = []
    for name in names:
        stem = _stem(name)
        w = declared.get(_ending_folded(name))
        date = w.closed if w else _date_in_name(stem)
        if date is None and len(names) > 1:
            findings.append(
                Finding(
                    "wave-undeclared",
                    f'the wave\'s date is unknown (the file is not listed under waves in partnership.yaml and its name does not start with a date such as 2026-03-31); add to partnership.yaml: waves: [{{label: "{stem}", closed: "YYYY-MM-DD", file: "{name}"}}] with the date the collection closed',
                    file=display_path(d / name),
                )
            )
        keyed.append((date or "", stem))
    return [stem for _, stem in sorted(keyed)], findings


def _wave_file_names(d: Path) -> list[str]:
    """The names of the wave files in ``d`` (none when it is not a folder): regular files (or
    links to one) ending in .csv or .xlsx in any case, not hidden, not Office's lock files;
    in the order of their paths (``os.path.normcase``: case-blind on Windows, as paths compare).
    Listed with ``os.scandir``, whose entries know their type without a stat each and need no
    Path each (a portfolio lists thousands of folders)."""
    if not d.is_dir():
        return []
    with os.scandir(d) as entries:
        names = [
            e.name
            for e in entries
            if e.name.lower().endswith(WAVE_SUFFIXES) and not e.name.startswith((".", "~$")) and e.is_file()
        ]
    return sorted(names, key=os.path.normcase)


def _stem(name: str) -> str:
    """A wave file's name without its ending (``Path.stem`` of a name ending in .csv or .xlsx)."""
    return name.rsplit(".", 1)[0]


def _ending_folded(name: str) -> str:
    """A wave file's name with its ending in lower case (2026-spring.CSV: 2026-spring.csv)."""
    stem = _stem(name)
    return stem + name[len(stem) :].lower()


#: A wave's answers: a CSV file, or the answer workbook as it was filled in.
WAVE_SUFFIXES = (".csv", ".xlsx")


def wave_file(folder: str | Path, wave: str) -> Path:
    """The file holding ``wave`` in ``folder``/responses (the .csv one when neither exists).

    The ending may be in any case (2026-spring.CSV, as Excel on Windows may save it), as
    :func:`wave_order` lists them: the lower-case names are looked for first, then the folder's
    own names."""
    d = as_path(folder) / "responses"
    for suffix in WAVE_SUFFIXES:
        path = d / f"{wave}{suffix}"
        if path.is_file():
            return path
    others = [name for name in _wave_file_names(d) if _stem(name) == wave]
    for suffix in WAVE_SUFFIXES:
        for name in others:
            if name.lower().endswith(suffix):
                return d / name
    return d / f"{wave}.csv"


def wave_is_known(p: PartnershipFile, wave: str) -> bool:
    """True when ``wave`` is listed in partnership.yaml or named after its closing date."""
    return any(w.name == wave for w in p.waves) or _date_in_name(wave) is not None


def wave_label(p: PartnershipFile, wave: str) -> str:
    return next((w.label for w in p.waves if w.name == wave), wave)


def sector_choices(inst, p: PartnershipFile | None = None) -> list:  # noqa: ANN001 (InstrumentFile; load.instrument imports this module's neighbours)
    """The instrument's sectors a member of ``p`` chooses from: those on the roster, in the
    instrument's order, plus residents, families and young people (every sector in the
    resident sector's group), who answer as themselves whether or not an organisation of theirs
    is on the roster; every sector when no partnership is given."""
    if p is None:
        return list(inst.sectors)
    own = inst.group_of(inst.resident_sector)
    wanted = p.roster_sectors() | {s.id for s in inst.sectors if s.group == own}
    return [s for s in inst.sectors if s.id in wanted]

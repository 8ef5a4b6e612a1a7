"""A partnership folder: ``partnership.yaml`` (who the partnership is) and ``responses/``.

The roster's organisation codes are local to the file (``org-01``…), not framework IDs.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from ..core.errors import InputError
from ..core.findings import Finding, first_line
from ..core.paths import display_path
from . import models
from .documents import Document, Kind, load_document
from .models import Scale, Strict, Text


class RosterEntry(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Local code of the organisation in this file (e.g. org-01); not a framework ID.")
    name: Text = Field(description="The organisation's name (organisations, never people).")
    sector: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", description="Sector code from the instrument's sector list (e.g. health-care, housing, resident-family).")


class PartnershipFile(models.FileBase):
    """`partnership.yaml`: a partnership's name, scale, population focus and partner roster."""

    kind: Literal["partnership"]
    name: Text
    scale: Scale = Field(description="Geographic scale.")
    population_focus: Text = Field(description="Who the partnership serves.")
    fictional: bool = Field(default=False, description="True for the toolkit's made-up examples.")
    roster: list[RosterEntry] = Field(min_length=1, description="Partner organisations and their sectors.")

    @model_validator(mode="after")
    def _unique_codes(self) -> "PartnershipFile":
        seen: set[str] = set()
        for i, r in enumerate(self.roster):
            if r.id in seen:
                raise ValueError(f"roster entry {i}: organisation code '{r.id}' is used twice; give each organisation its own code")
            seen.add(r.id)
        return self

    def roster_sectors(self) -> set[str]:
        return {r.sector for r in self.roster}


#: The kind of partnership.yaml (listed in :data:`lchd_assess.load.kinds.KINDS`).
PARTNERSHIP = Kind("partnership", PartnershipFile, "A partnership: name, geographic scale, population focus and partner roster with each organisation's sector.", "partnership")


def partnership_folders(parent: str | Path) -> list[Path]:
    """The partnership folders directly inside ``parent`` (each holds a partnership.yaml),
    sorted by name; none when ``parent`` is not a folder."""
    parent = Path(parent)
    return sorted(d for d in parent.iterdir() if (d / "partnership.yaml").is_file()) if parent.is_dir() else []


def load_partnership(folder: str | Path, sectors: list[str] | None = None) -> PartnershipFile:
    """The validated ``partnership.yaml`` in ``folder``; one clear InputError otherwise.

    With ``sectors`` (the instrument's sector codes) every roster sector must be one of them.
    """
    path = Path(folder) / "partnership.yaml"
    if not path.is_file():
        raise InputError(f"{display_path(path)}: file-not-found: a partnership folder needs a partnership.yaml (name, scale, population_focus, roster)")
    doc = load_document(path, PARTNERSHIP, display=display_path(path))
    if doc.model is None:
        raise InputError(first_line(doc.findings))
    if sectors is not None:
        unknown = roster_sector_findings(doc, sectors)
        if unknown:
            raise InputError(first_line(unknown))
    return doc.model  # type: ignore[return-value]


def roster_sector_findings(doc: Document, sectors: list[str]) -> list[Finding]:
    """A finding for each roster entry whose sector is not one of the instrument's codes."""
    out = []
    for i, r in enumerate(doc.model.roster):  # type: ignore[union-attr]
        if r.sector not in sectors:
            close = difflib.get_close_matches(r.sector, sectors, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            out.append(doc.loaded.locate(Finding("partnership-unknown-sector", f"'{r.sector}' is not a sector code; use one of: {', '.join(sectors)}{hint}", path=("roster", i, "sector"))))
    return out

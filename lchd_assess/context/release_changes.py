"""What changed in this release, element by element: the typed data behind the site's
"What changed" page (site/changes.py adds the links).

The same comparison as ``lchd-assess release check`` (load/release.py), against the newest
snapshot in framework/releases/ of an *earlier* version.  Plain, frozen data, so the site's use
case can keep it with its other inputs (app/site_inputs.py) and read it back unchanged.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..load.release import UNITS, element_diff, read_snapshot, snapshot_of, unit_version, version_key


class _Model(BaseModel):
    # Validators built on first validation, not at import (a site build imports these and
    # makes them without validating; context/base.py _Trusted says why it pays).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class ElementChangeRow(_Model):
    id: str = Field(description="The element's ID.")
    name: str = Field(description="What it is called (name, title, term or text), as the release has it.")
    change: str = Field(description="added, reworded, retired or removed.")
    fields: tuple[str, ...] = Field(default=(), description="Reworded: the fields whose text changed.")


class UnitChanges(_Model):
    name: str = Field(description="The part's name in load/release.py's UNITS (framework, standard, instrument, …).")
    label: str = Field(description="The part as readers call it.")
    before: str = Field(description="The part's version in the previous release.")
    after: str = Field(description="The part's version in this release.")
    changes: tuple[ElementChangeRow, ...] = Field(description="Every element of the part that changed.")


class ReleaseChanges(_Model):
    previous: str = Field(description="The previous release's version; empty when this is the first with a snapshot.")
    units: tuple[UnitChanges, ...] = Field(default=(), description="Per part, in load/release.py's order.")


def _previous(framework_root: Path, version: str) -> dict | None:
    folder = framework_root / "releases"
    older = (
        sorted(
            (p for p in folder.glob("*.json") if version_key(p.stem) < version_key(version)),
            key=lambda p: version_key(p.stem),
        )
        if folder.is_dir()
        else []
    )
    return read_snapshot(older[-1]) if older else None


def release_changes(framework_root: Path, version: str) -> ReleaseChanges:
    """This release's data (the framework folder ``framework_root`` and the assessments beside
    it) compared with the newest earlier release's snapshot."""
    old = _previous(framework_root, version)
    if old is None:
        return ReleaseChanges(previous="")
    new = snapshot_of(framework_root.parent)
    diff = element_diff(old, new)
    return ReleaseChanges(
        previous=str(old.get("version", "")),
        units=tuple(
            UnitChanges(
                name=unit.name,
                label=unit.label,
                before=unit_version(old, unit),
                after=unit_version(new, unit),
                changes=tuple(
                    ElementChangeRow(id=c.id, name=c.name, change=c.change, fields=tuple(c.fields))
                    for c in diff
                    if c.unit == unit.name
                ),
            )
            for unit in UNITS
        ),
    )

"""Is a release coherent?  Versions raised where content changed, changelogs, citation metadata.

:func:`release_findings` compares the release under way with the previous release's snapshot
(load/release.py) and returns findings; it reads no files itself.  The rules:

* a versioned part (framework, reporting standard, instrument, scoring rules, recommended
  actions) whose content changed must raise its version, and its changelog must have an entry
  for the new version;
* in the parts published on the site (framework, standard), an element added, reworded or
  retired needs a new MAJOR.MINOR: pages are frozen per MAJOR.MINOR (``/1.0/…``) and what an
  author cited must not change under the citation; a patch release may change no element;
* framework and standard IDs are permanent addresses: never removed (retire them instead);
* CITATION.cff's version is the package's, and .zenodo.json (the archive's metadata) agrees
  with CITATION.cff and names the versions of the parts this release holds.
"""

from __future__ import annotations

from typing import Any

from ..core.addresses import release_of
from ..core.findings import Finding
from ..load.release import (
    UNITS,
    ElementChange,
    element_diff,
    unit_changelog_versions,
    unit_content,
    unit_version,
    version_key,
)


#: Parts whose IDs are permanent addresses (element and item pages, cited by authors).
PERMANENT_IDS = ("framework", "standard")


def archive_note(new: dict[str, Any]) -> str:
    """The sentence .zenodo.json's ``notes`` must contain: the versions this release holds."""
    parts = [f"{u.label} {unit_version(new, u)}" for u in UNITS if unit_version(new, u)]
    return "Data versions in this release: " + ", ".join(parts) + "."


def _summary(changes: list[ElementChange]) -> str:
    counts: dict[str, list[str]] = {}
    for c in changes:
        counts.setdefault(c.change, []).append(c.id)
    parts = []
    for kind in ("added", "reworded", "retired", "removed"):
        ids = counts.get(kind, [])
        if ids:
            shown = ", ".join(ids[:6]) + (f" and {len(ids) - 6} more" if len(ids) > 6 else "")
            parts.append(f"{len(ids)} {kind} ({shown})")
    return "; ".join(parts)


def release_findings(
    old: dict[str, Any],
    new: dict[str, Any],
    *,
    package_version: str,
    cff: dict[str, Any] | None,
    zenodo: dict[str, Any] | None,
) -> list[Finding]:
    out: list[Finding] = []
    changes = element_diff(old, new)
    for unit in UNITS:
        out += _unit_findings(old, new, unit, [c for c in changes if c.unit == unit.name])
    out.extend(_citation_findings(new, package_version, cff, zenodo))
    return out


def _unit_findings(old: dict[str, Any], new: dict[str, Any], unit: Any, mine: list) -> list[Finding]:
    """One versioned unit (framework, instrument, standard …): its version went up as far as its
    changes need, its changelog names the new version, and no permanent ID disappeared."""
    out: list[Finding] = []
    file = unit.version_file
    before, after = unit_version(old, unit), unit_version(new, unit)
    if not after:
        return out
    changed = unit_content(old, unit) != unit_content(new, unit)
    what = _summary(mine) or "its files changed"
    if before and version_key(after) < version_key(before):
        out.append(
            Finding(
                "release-version-lower",
                f"the {unit.label}'s version {after} is lower than the previous release's {before}; versions only go up",
                file=file,
                path=("version",),
            )
        )
        return out
    if changed and before and after == before:
        out.append(
            Finding(
                "release-version-not-raised",
                f"the {unit.label} changed since release {before} ({what}) but its version is still {after}; raise `version` and add a changelog entry",
                file=file,
                path=("version",),
            )
        )
    elif (
        unit.published
        and before
        and [c for c in mine if c.change != "removed"]
        and release_of(after) == release_of(before)
    ):
        out.append(
            Finding(
                "release-needs-new-minor",
                f"the {unit.label}'s elements changed ({what}) but {after} keeps the pages of {release_of(before)}, which authors may have cited; raise the version to at least {release_of(before).split('.')[0]}.{int(release_of(before).split('.')[1]) + 1}.0",
                file=file,
                path=("version",),
            )
        )
    if after != before and after not in unit_changelog_versions(new, unit):
        out.append(
            Finding(
                "release-changelog-missing",
                f"the {unit.label} is now version {after} but its changelog has no entry for {after}; add one saying what changed",
                file=file,
                path=("changelog",),
            )
        )
    out += _removed_ids(unit, mine, before)
    return out


def _removed_ids(unit: Any, mine: list, before: str | None) -> list[Finding]:
    """Elements with permanent addresses never disappear: a removed one is kept as retired."""
    if unit.name not in PERMANENT_IDS:
        return []
    out = []
    for c in mine:
        if c.change == "removed":
            out.append(
                Finding(
                    "release-id-removed",
                    f"{c.id} ({c.name or 'no name'}) was in release {before} and is gone; keep it with `status: retired` so its address stays",
                    file=c.file,
                )
            )
    return out


def _citation_findings(
    new: dict[str, Any], package_version: str, cff: dict[str, Any] | None, zenodo: dict[str, Any] | None
) -> list[Finding]:
    out: list[Finding] = []
    if cff is None:
        return [
            Finding(
                "release-citation-version",
                "CITATION.cff is missing; the release needs it (GitHub and Zenodo read it)",
                file="CITATION.cff",
            )
        ]
    if str(cff.get("version")) != package_version:
        out.append(
            Finding(
                "release-citation-version",
                f"CITATION.cff says version {cff.get('version')} but the package is {package_version}; make them the same",
                file="CITATION.cff",
                path=("version",),
            )
        )
    if zenodo is None:
        out.append(
            Finding(
                "release-archive-metadata",
                "no .zenodo.json: the archive would take its metadata from elsewhere; add one (see the README's release steps)",
                file=".zenodo.json",
            )
        )
        return out
    return out + _zenodo_findings(new, cff, zenodo)


def _zenodo_findings(new: dict[str, Any], cff: dict[str, Any], zenodo: dict[str, Any]) -> list[Finding]:
    """.zenodo.json agrees with CITATION.cff, names the release's data versions and links the paper."""
    out: list[Finding] = []
    pairs = (
        ("version", str(cff.get("version", "")), str(zenodo.get("version", ""))),
        ("title", str(cff.get("title", "")), str(zenodo.get("title", ""))),
        ("publication_date", str(cff.get("date-released", "")), str(zenodo.get("publication_date", ""))),
    )
    for field, want, have in pairs:
        if want != have:
            out.append(
                Finding(
                    "release-archive-metadata",
                    f".zenodo.json's {field} is '{have}' but CITATION.cff says '{want}'; make them the same",
                    file=".zenodo.json",
                    path=(field,),
                )
            )
    note = archive_note(new)
    if note not in str(zenodo.get("notes", "")):
        out.append(
            Finding(
                "release-archive-metadata",
                f".zenodo.json's notes must name this release's data versions; put this sentence in `notes`: {note}",
                file=".zenodo.json",
                path=("notes",),
            )
        )
    paper_doi = str((cff.get("preferred-citation") or {}).get("doi", ""))
    related = [r.get("identifier", "") for r in zenodo.get("related_identifiers", []) if isinstance(r, dict)]
    if paper_doi and not any(paper_doi in str(r) for r in related):
        out.append(
            Finding(
                "release-archive-metadata",
                f'.zenodo.json\'s related_identifiers do not link the framework paper; add {{"identifier": "{paper_doi}", "relation": "isSupplementTo", "scheme": "doi"}}',
                file=".zenodo.json",
                path=("related_identifiers",),
            )
        )
    return out

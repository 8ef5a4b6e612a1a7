"""What a site build reads and makes before the pages, kept once per content.

Before a single page is written, a full site build loads and validates the framework (about
0.2 s of CPU), scores the bundled example partnerships and renders the sample report and
portfolio (0.3 s, plus NumPy and the scorer's imports), reads every data file again to compare
this release with the previous one for the "What changed" page (0.1 s), and loads the
self-assessment, its translations and the JSON Schemas (0.1 s), paints the framework figure
as a PNG (0.3 s), and renders the blank reporting checklist's HTML to find its PDF (5 ms; the
PDF itself, a second with WeasyPrint, is kept by render/pdf.py under that HTML's hash).  None
of that changes unless a file it was made from changes, so the result is kept as JSON in the user's cache folder under a fingerprint of
everything it was made from: the bytes of every file in the framework, assessment and schema
folders, CITATION.cff, and every file of the toolkit's own package (code, templates, styles,
fonts), with the toolkit's and Python's versions.  Any change to any of those gives another
fingerprint, so an entry is only ever used for exactly the files it was made from; the pages
themselves are always generated again (``site build --force`` regenerates every page).

The framework is kept as its validated files' data (each model's JSON) and rebuilt from it
without validating it again (app/cached_models.py: validation would first build every model's
validator, which nothing else in a build from the cache needs): what comes back is the same
objects a fresh load gives (tested).  The cache is an optimisation only: when it cannot be read
or written (no cache folder, a read-only disk, a damaged entry) everything is made afresh.
``LCHD_CACHE_DIR`` moves the cache; ``LCHD_CACHE_DIR=`` (empty) turns it off.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .. import __version__
from ..core import paths
from ..core.outputs import write_atomic
from ..core.paths import cache_dir, keep_newest, real, tree_files
from ..context.citations import SiteCitations
from ..context.release_changes import ReleaseChanges
from ..formats.citation import load_cff
from ..load.framework import Framework
from ..load.instrument import Assessment
from ..load.kinds import KINDS
from ..load.translation import Translation
from ..site.generate import Site, generate
from ..context.site_links import Prepared
from .cached_models import rebuild

_PACKAGE = Path(__file__).resolve().parents[1]
#: Bump when the entry's layout changes, so an old entry is never read as a new one.
_FORMAT = "lchd-site-inputs/7"


@dataclass
class SiteInputs:
    """The validated framework, CITATION.cff, the sample report and portfolio (docs-relative
    path → HTML), and what the pages take ready-made (:class:`~lchd_assess.context.site_links.Prepared`:
    the self-assessment and its translations, the downloads written by formats/, the figure's
    PNG, the blank checklist's PDF, the "What changed" comparison).
    A prepared part is None when it cannot be made: the page that needs it then loads the files
    itself and reports the problem as it always did."""

    fw: Framework
    cff: dict[str, Any]
    samples: dict[str, str]
    prepared: Prepared


#: The assessment's three files: Assessment field → its kind.
_ASSESSMENT_PARTS = {"instrument": "instrument", "rules": "scoring-rules", "actions": "recommended-actions"}
_TRANSLATION = "instrument-translation"
#: Prepared's fields that JSON holds as they are.
_PLAIN = (
    "schemas",
    "bundle_json",
    "answer_template_csv",
    "codebooks",
    "blank_checklist_yaml",
    "raw_codes",
    "portfolio_columns",
)
#: Prepared's binary fields, held in JSON as base64.
_BINARY = ("figure_png", "blank_checklist_pdf")
#: (framework folder, CITATION.cff) → the inputs made afresh (app/site_prepare.py: make_inputs).
MakeInputs = Callable[[Path, dict[str, Any]], "SiteInputs"]


def fingerprint(framework_dir: Path) -> str:
    """SHA-256 over the versions and every file the inputs are made from (see the module's
    docstring); the folders are the ones this run reads (--framework and the data options)."""
    root = framework_dir.parent
    h = hashlib.sha256(f"{_FORMAT} {__version__} {sys.version_info[:2]} {framework_dir}\n".encode())
    groups = [
        ("framework", framework_dir),
        ("assessments", paths.assessments_dir()),
        ("schemas", paths.schemas_dir()),
        ("package", _PACKAGE),
        # the snapshot reads the assessments beside the framework, which may be other folders
        ("snapshot-assessments", root / "assessments"),
    ]
    for label, folder in groups:
        for rel, full in tree_files(folder):
            if label == "package":  # by size and time: see app/site_build.py's fingerprint
                st = os.stat(full)
                h.update(f"{label}/{rel}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
                continue
            with open(full, "rb") as fh:
                data = fh.read()
            h.update(f"{label}/{rel}\0{len(data)}\0".encode())
            h.update(data)
    for p in (paths.citation_file(), root / "CITATION.cff"):
        h.update(f"{p}\0".encode() + (p.read_bytes() if p.is_file() else b"\0missing"))
    return h.hexdigest()


def _dump(model: Any) -> Any:
    # by alias: what the models read back is what they were validated from
    return model.model_dump(mode="json", by_alias=True)


def _load(kind: str, data: Any) -> Any:
    return rebuild(KINDS[kind].model, data)


def _entry(inputs: SiteInputs) -> str:
    fw, p = inputs.fw, inputs.prepared
    a = p.assessment
    entry = {
        "format": _FORMAT,
        "framework": {kind: [_dump(m) for m in fw.files(kind)] for kind in KINDS if fw.files(kind)},
        "assessment": {"folder": str(a.folder), **{f: _dump(getattr(a, f)) for f in _ASSESSMENT_PARTS}} if a else None,
        "translations": {lang: _dump(t.model) for lang, t in p.translations.items()}
        if p.translations is not None
        else None,
        "release_changes": p.release_changes.model_dump(mode="json") if p.release_changes is not None else None,
        "citations": p.citations.model_dump(mode="json") if p.citations is not None else None,
        **{
            name: base64.b64encode(getattr(p, name)).decode("ascii") if getattr(p, name) is not None else None
            for name in _BINARY
        },
        **{name: getattr(p, name) for name in _PLAIN},
        "samples": inputs.samples,
    }
    return json.dumps(entry, ensure_ascii=False)


def _read_entry(text: str, framework_dir: Path, cff: dict[str, Any]) -> SiteInputs:
    data = json.loads(text)
    if data.get("format") != _FORMAT:
        raise ValueError("another layout")
    files = {kind: [_load(kind, d) for d in docs] for kind, docs in data["framework"].items()}
    a, tr = data["assessment"], data["translations"]
    prepared = Prepared(
        release_changes=rebuild(ReleaseChanges, data["release_changes"]) if data["release_changes"] else None,
        citations=rebuild(SiteCitations, data["citations"]) if data["citations"] else None,
        assessment=Assessment(
            **{f: _load(kind, a[f]) for f, kind in _ASSESSMENT_PARTS.items()}, folder=Path(a["folder"])
        )
        if a
        else None,  # type: ignore[arg-type]
        translations={lang: Translation(_load(_TRANSLATION, d)) for lang, d in tr.items()} if tr is not None else None,
        **{name: base64.b64decode(data[name]) if data[name] is not None else None for name in _BINARY},
        **{name: data[name] for name in _PLAIN},
    )
    if prepared.portfolio_columns is not None:  # JSON has no tuples
        prepared.portfolio_columns = [tuple(c) for c in prepared.portfolio_columns]  # type: ignore[misc]
    return SiteInputs(Framework(files, framework_dir), cff, dict(data["samples"]), prepared)


def site_inputs(framework: str | Path | None, make: MakeInputs) -> SiteInputs:
    """The site's inputs for the framework folder ``framework`` (default: the configured one),
    from the cache when it holds them for exactly these files, else ``make(folder, cff)``'s.

    ``make`` is passed in (app/site_prepare.py: make_inputs) so that a build the cache answers
    does not load the scorer, the file writers or Pillow, which only making them needs.
    """
    fw_dir = real(Path(framework) if framework else paths.framework_dir())
    cff = load_cff(paths.citation_file())
    folder = cache_dir("site-inputs")
    entry: Path | None = None
    if folder is not None:
        try:
            entry = folder / f"{fingerprint(fw_dir)}.json"
            if entry.is_file():
                return _read_entry(entry.read_text(encoding="utf-8"), fw_dir, cff)
        except (OSError, ValueError, KeyError, TypeError):
            pass  # unreadable or damaged: made again below (and the entry rewritten)
    inputs = make(fw_dir, cff)
    if entry is not None:
        try:
            write_atomic(entry, _entry(inputs))
            keep_newest(entry.parent, "*.json", KEEP_ENTRIES, spare=entry)
        except (OSError, TypeError, ValueError):
            pass  # not cacheable (read-only cache, a value JSON cannot hold): made afresh next time
    return inputs


#: Entries kept: each edit of the data or the toolkit makes a new one (about 0.6 MB), and only
#: the newest few can still match the files.
KEEP_ENTRIES = 8


def generate_from_inputs(framework: str | Path | None, directory_urls: bool, make: MakeInputs) -> Site:
    """Every page and download of the site, from :func:`site_inputs`."""
    inputs = site_inputs(framework, make)
    return generate(
        inputs.fw, inputs.cff, directory_urls=directory_urls, extra_files=inputs.samples, prepared=inputs.prepared
    )

"""What every report needs from the framework and the instrument data, validated once per content.

A report names the framework (title, version, citation) and quotes the instrument (item wording,
levels, recommended actions).  Getting those means loading and validating every framework and
assessment file, which took about a third of a second of CPU, more than the report's own work
besides WeasyPrint.  So the validated result (:class:`FrameworkInfo` and :class:`Guidance`, as
JSON) is kept in the user's cache folder under a fingerprint of everything it was made from: the
bytes of the framework, assessment and schema files, the toolkit version and the size and time
of the modules that validate and convert them (see :func:`fingerprint`).  Any change to any of
those gives another fingerprint, so a cached entry is only ever used for exactly the files it
was validated from.

The cache is an optimisation only: when it cannot be read or written (no cache folder, a
read-only disk, a damaged entry) the inputs are loaded and validated as before.
``LCHD_CACHE_DIR`` moves the cache; ``LCHD_CACHE_DIR=`` (empty) turns it off.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from typing import TYPE_CHECKING

from .. import __version__
from ..context.base import _Ctx
from ..context.report_parts import FrameworkInfo, Guidance, framework_info, guidance_from_assessment
from ..core import paths
from ..core.outputs import write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from ..load.framework import Framework

_PACKAGE = Path(__file__).resolve().parent.parent
#: Modules whose code decides what is valid and what the cached models hold.
_CODE = ("load", "context/base.py", "context/report_parts.py", "formats/citation.py", "app/report_inputs.py")


class ReportInputs(_Ctx):
    """The cached entry: both models, as one JSON document."""

    framework: FrameworkInfo
    guidance: Guidance


def report_framework_info(fw: "Framework | None" = None) -> FrameworkInfo:
    """The framework as reports name and cite it (the citation from formats.citation)."""
    # The loaders are imported here, not at the top: with a valid cache entry a report never
    # loads the YAML loader or the framework's models (start-up; tests/test_report_inputs.py).
    from ..formats.citation import report_paper_citation
    from ..load.framework import load_framework

    fw = fw or load_framework()
    return framework_info(fw, report_paper_citation(fw))


def default_guidance() -> Guidance:
    """Item wording and recommended actions from the repository's instrument data, when present."""
    from ..load.instrument import load_assessment  # start-up: as in report_framework_info

    return guidance_from_assessment(load_assessment())


def _data_dirs() -> list[Path]:
    """The folders the loaders read this run (--framework/--assessment included)."""
    return [paths.framework_dir(), paths.assessments_dir(), paths.schemas_dir()]


def _cache_dir() -> Path | None:
    """core.paths' cache folder (LCHD_CACHE_DIR moves it; empty turns it off)."""
    return paths.cache_dir("report-inputs")


def fingerprint() -> str:
    """SHA-256 over the toolkit version, the validating code and every data file it reads.

    Data files (the framework, assessment and schema folders, which may be a user's own
    ``--framework``/``--assessment`` folder) are hashed by content: a copy made with its times
    kept (``cp -p``, rsync, an unzipped archive) and then edited to the same size must never
    reuse an entry.  The validating modules inside this installed package are keyed by size and
    modification time instead, as Python's own bytecode cache keys them: if an edit to them got
    past that check, the stale .pyc would already be running their old code, so reading them
    bought no safety.
    """
    h = hashlib.sha256(f"lchd-assess {__version__}\n".encode())
    files: list[str] = []
    for d in _data_dirs():
        # assessments/examples/ holds partnerships, not instrument data.
        files += [full for _, full in paths.tree_files(d, skip="examples", suffixes=(".yaml", ".yml", ".json"))]
    for p in sorted(set(files)):
        with open(p, "rb") as f:
            data = f.read()
        h.update(f"{os.path.basename(p)}\0{len(data)}\0".encode())
        h.update(data)
    code: list[str] = []
    for c in _CODE:
        p = os.path.join(_PACKAGE, c)
        code += [full for _, full in paths.tree_files(Path(p), suffixes=(".py",))] if os.path.isdir(p) else [p]
    for p in sorted(set(code)):
        st = os.stat(p)
        h.update(f"{os.path.relpath(p, _PACKAGE)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


def _load_and_validate() -> ReportInputs:
    return ReportInputs(framework=report_framework_info(), guidance=default_guidance())


#: This process's answer per data folders: a command asks more than once (re-checking a saved
#: score, then rendering), and hashing the files again costs as much as reading the cache.
_MEMO: dict[tuple[str, ...], tuple[FrameworkInfo, Guidance]] = {}


def report_inputs() -> tuple[FrameworkInfo, Guidance]:
    """The framework's description and the instrument's guidance, from the cache when valid."""
    memo_key = tuple(str(d.resolve()) for d in _data_dirs()) + (os.environ.get("LCHD_CACHE_DIR", "\0"),)
    if memo_key not in _MEMO:
        _MEMO[memo_key] = _report_inputs()
    return _MEMO[memo_key]


def _report_inputs() -> tuple[FrameworkInfo, Guidance]:
    folder = _cache_dir()
    try:
        entry = folder / f"{fingerprint()}.json" if folder else None
    except OSError:
        entry = None
    if entry is not None and entry.is_file():
        try:
            got = ReportInputs.model_validate_json(entry.read_bytes())
            return got.framework, got.guidance
        except (OSError, ValueError):
            pass  # damaged or unreadable: made again below
    fresh = _load_and_validate()
    if entry is not None:
        try:
            write_atomic(entry, fresh.model_dump_json())
        except OSError:
            pass
    return fresh.framework, fresh.guidance

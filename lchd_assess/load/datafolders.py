"""Is a folder the toolkit's kind of data, and a version it can read?  One line when not.

``--framework DIR`` / ``--assessment DIR`` (and LCHD_FRAMEWORK / LCHD_ASSESSMENTS) point the
toolkit at a fork's own YAML.  A wrong folder, or data written for a newer toolkit, would
otherwise show as dozens of schema findings; these checks read one file's first keys and say
what is wrong and what to do, before anything is loaded or written.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.errors import InputError
from .yamlload import LoadedYaml, load_yaml

#: The major version of the framework's data format (framework.yaml ``schema_version``) that
#: the models in load/models.py read.  Data of a later major version needs a newer toolkit.
SCHEMA_MAJOR = 1

_SEMVER = re.compile(r"^(\d+)\.\d+\.\d+")


def _head(path: Path, what: str, option: str) -> tuple[dict, LoadedYaml]:
    loaded = load_yaml(path)
    if loaded.findings:
        raise InputError(f"{loaded.findings[0].format_text()} (the {what} named by {option})")
    if not isinstance(loaded.data, dict):
        raise InputError(
            f"{path}: not a {what} file (no YAML mapping); point {option} at a folder like the toolkit's own"
        )
    return loaded.data, loaded


def check_framework_folder(folder: str | Path, option: str = "--framework") -> None:
    """InputError unless ``folder`` holds a framework.yaml of a schema version this toolkit reads."""
    folder = Path(folder)
    fix = f"point {option} at a framework folder (the one holding framework.yaml, principles.yaml …; `lchd-assess --version` shows where the shipped one is)"
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder; {fix}")
    f = folder / "framework.yaml"
    if not f.is_file():
        raise InputError(f"{folder}: not a framework folder (no framework.yaml); {fix}")
    data, loaded = _head(f, "framework", option)
    if data.get("kind") != "framework":
        raise InputError(f"{f}: kind is {data.get('kind')!r}, not 'framework'; {fix}")
    version = str(data.get("schema_version", ""))
    m = _SEMVER.match(version)
    if m and int(m.group(1)) > SCHEMA_MAJOR:
        line, col = loaded.position(("schema_version",))
        where = f"{f}:{line}:{col}" if line else str(f)
        raise InputError(
            f"{where}: schema_version {version} is newer than this toolkit reads ({SCHEMA_MAJOR}.x); "
            f"upgrade the toolkit (pipx upgrade lchd-assess) or use a framework of schema version {SCHEMA_MAJOR}.x"
        )


def check_assessment_folder(folder: str | Path, option: str = "--assessment") -> None:
    """InputError unless ``folder`` holds the instrument, scoring rules and recommended actions."""
    folder = Path(folder)
    fix = f"point {option} at an assessment folder (the one holding instrument.yaml, scoring-rules.yaml and recommended-actions.yaml)"
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder; {fix}")
    f = folder / "instrument.yaml"
    if not f.is_file():
        raise InputError(f"{folder}: not an assessment folder (no instrument.yaml); {fix}")
    data, _loaded = _head(f, "instrument", option)
    if data.get("kind") != "instrument":
        raise InputError(f"{f}: kind is {data.get('kind')!r}, not 'instrument'; {fix}")

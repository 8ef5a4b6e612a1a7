"""Where the repository's data lives; no heavy imports, so any module may use it."""

from __future__ import annotations

import os
from pathlib import Path


def repo_root() -> Path:
    """The folder that holds framework/ and assessments/ (override with LCHD_ROOT)."""
    env = os.environ.get("LCHD_ROOT")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parents[2]
    if (here / "framework").is_dir():
        return here
    return Path.cwd()


def real(path: str | Path) -> Path:
    """The absolute path with symlinks followed, as far as they lead.

    ``os.path.realpath`` rather than ``Path.resolve()``: on Python 3.11 ``resolve`` raises on a
    symlink that points at itself, which a hostile or broken folder can hold.
    """
    return Path(os.path.realpath(os.path.abspath(path)))


def is_inside(path: str | Path, folder: str | Path) -> bool:
    """True when ``path`` (symlinks followed) is ``folder`` or lies below it."""
    p, f = real(path), real(folder)
    return p == f or f in p.parents


def user_state_dir() -> Path:
    """Where the toolkit keeps what it must remember between runs on this machine (the list
    of files it wrote): ``LCHD_STATE_DIR``, else the platform's user state folder."""
    env = os.environ.get("LCHD_STATE_DIR")
    if env:
        return Path(env)
    try:
        from platformdirs import user_state_dir as _state

        return Path(_state("lchd-assess", appauthor=False))
    except ImportError:  # platformdirs comes with mkdocs; this is only a fallback
        base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
        return Path(base) / "lchd-assess"


#: Folders of the toolkit's own data, and what to call each in a message.
_DATA_FOLDERS = {
    "framework": "the framework's data",
    "assessments": "the self-assessment's data",
    "schemas": "the toolkit's JSON Schemas",
    "site_templates": "the site's templates",
    ".git": "the repository's history",
}


def protected_data_dirs() -> list[tuple[Path, str]]:
    """Folders no command writes into as an output: the toolkit's data and code."""
    root = repo_root()
    out = [(real(root / name), why) for name, why in _DATA_FOLDERS.items() if (root / name).is_dir()]
    out.append((real(Path(__file__).parents[1]), "the toolkit's own code"))
    return out


def checkout_root() -> Path | None:
    """The repository (or data folder) holding framework/ and assessments/, if there is one:
    never an output folder itself, though folders inside it (build/, site/) may be."""
    root = repo_root()
    return real(root) if (root / "framework").is_dir() and (root / "assessments").is_dir() else None

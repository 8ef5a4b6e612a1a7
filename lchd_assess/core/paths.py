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


def display_path(path: Path) -> str:
    """Paths in messages: relative to the current folder when below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)

"""Publishing the generated site: write docs/, check it, and build HTML with MkDocs.

``write_site`` puts the files of a generated :class:`~lchd_assess.site.generate.Site` on disk (whole
files, stale ones removed), ``check_site`` lists what differs (the tests use it: committed pages
must equal regenerated ones), ``mkdocs_build`` runs ``mkdocs build --strict`` (never ``-q``,
which hides the warnings strict counts).  The use case that does all of it, skipping generation
when no input changed since the last build, is :func:`lchd_assess.app.site.build_site`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import InputError
from ..core.outputs import write_atomic
from .generate import MARKER_FILE, MKDOCS_ENV, Site, templates_dir


def _bytes(data: str | bytes) -> bytes:
    """A generated file as written: text as UTF-8, binary downloads (the checklist PDF) as they are."""
    return data.encode("utf-8") if isinstance(data, str) else data


def write_site(site: Site, docs_dir: Path, config_path: Path) -> list[str]:
    """Write the docs folder and config; remove generated files no longer produced.

    Refuses to clean a non-empty folder that is not marked as generated.
    """
    if docs_dir.exists() and any(docs_dir.iterdir()) and not (docs_dir / MARKER_FILE).exists():
        raise InputError(f"{docs_dir}: folder exists and was not made by `lchd-assess site build` (no {MARKER_FILE}); choose an empty folder")
    changed = []
    for rel, text in sorted(site.files.items()):
        target = docs_dir / rel
        if not target.exists() or target.read_bytes() != _bytes(text):
            write_atomic(target, text)
            changed.append(rel)
    if docs_dir.exists():
        for p in sorted(docs_dir.rglob("*"), reverse=True):
            rel = p.relative_to(docs_dir).as_posix()
            if p.is_file() and rel not in site.files:
                p.unlink()
                changed.append(rel)
            elif p.is_dir() and not any(p.iterdir()):
                p.rmdir()
    if not config_path.exists() or config_path.read_text(encoding="utf-8") != site.config:
        write_atomic(config_path, site.config)
        changed.append(config_path.name)
    return changed


def check_site(site: Site, docs_dir: Path, config_path: Path) -> list[str]:
    """Docs-relative paths (and the config's name) that differ from the generated site.

    Text files only: binary downloads (the blank-checklist PDF) are built, never committed
    (.gitignore), since their bytes depend on the renderer's version; their content is tested
    by text, tags and metadata instead.
    """
    stale = []
    binary = {rel for rel, data in site.files.items() if isinstance(data, bytes)}
    have = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()} - binary if docs_dir.is_dir() else set()
    for rel, text in sorted(site.files.items()):
        if rel in binary:
            continue
        p = docs_dir / rel
        if rel not in have or p.read_bytes() != _bytes(text):
            stale.append(rel)
    stale += sorted(have - set(site.files))
    if not config_path.exists() or config_path.read_text(encoding="utf-8") != site.config:
        stale.append(config_path.name)
    return stale




@dataclass
class BuildResult:
    returncode: int
    log: str
    site_dir: Path

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.log.splitlines() if "WARNING" in line or line.startswith("ERROR")]

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.warnings


def mkdocs_build(config_path: Path, site_dir: Path, directory_urls: bool = True) -> BuildResult:
    """``mkdocs build --strict`` (never ``-q``: it hides the warnings strict counts)."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config_path.resolve()), "-d", str(site_dir.resolve())]
    if not directory_urls:
        cmd.append("--no-directory-urls")
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **MKDOCS_ENV}, cwd=config_path.parent)
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site_dir)


def relocate_config(config: str, config_dir: Path) -> str:
    """The config for a docs folder outside the repository: theme overrides by absolute path."""
    overrides = (templates_dir() / "overrides").resolve()
    return config.replace("custom_dir: site_templates/overrides", f"custom_dir: {json.dumps(str(overrides))}")

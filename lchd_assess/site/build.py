"""Publishing the generated site: write docs/, check it, and build HTML with MkDocs.

``write_site`` puts the files of a generated :class:`~lchd_assess.site.generate.Site` on disk (whole
files, stale ones removed), ``check_site`` lists what differs (the tests use it: committed pages
must equal regenerated ones), ``mkdocs_build`` runs ``mkdocs build --strict`` (never ``-q``,
which hides the warnings strict counts) and ``build_site`` does all of it, skipping generation
when no input changed since the last build.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..core.errors import InputError
from ..core.outputs import write_atomic
from ..formats.citation import load_cff
from ..load.framework import Framework, load_framework
from .generate import MARKER_FILE, MKDOCS_ENV, Site, generate, repo_root, templates_dir


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
    """Docs-relative paths (and the config's name) that differ from the generated site."""
    stale = []
    have = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()} if docs_dir.is_dir() else set()
    for rel, text in sorted(site.files.items()):
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


def load_inputs(framework: str | Path | None = None, cff_path: Path | None = None) -> tuple[Framework, dict[str, Any]]:
    fw = load_framework(framework)
    cff = load_cff(cff_path or repo_root() / "CITATION.cff")
    return fw, cff


def relocate_config(config: str, config_dir: Path) -> str:
    """The config for a docs folder outside the repository: theme overrides by absolute path."""
    overrides = (templates_dir() / "overrides").resolve()
    return config.replace("custom_dir: site_templates/overrides", f"custom_dir: {json.dumps(str(overrides))}")


# -- Skipping generation when nothing changed ------------------------------------------------
# Generation needs the validated framework (about 0.3 s to load and check) and the templates.
# When neither the inputs nor the generated files changed since the last build, a build goes
# straight to MkDocs.  The fingerprint covers every input that can change a generated byte:
# the framework files, the assessment files, CITATION.cff, the site templates and the package's own source (the
# message catalogue, the models behind the schemas, the page builders), plus the generated
# files themselves, so a hand edit in docs/ is overwritten on the next build.

FINGERPRINT_FILE = ".lchd-cache/site-fingerprint"


def fingerprint(framework_dir: Path, docs_dir: Path, config_path: Path, cff_path: Path) -> str:
    h = hashlib.sha256(f"lchd-site/1 {__version__} {sys.version_info[:2]} {framework_dir}\n".encode())
    package = Path(__file__).resolve().parents[1]
    # the self-assessment's pages and downloads are generated from assessments/ too
    groups = [("framework", framework_dir), ("assessments", repo_root() / "assessments"), ("templates", templates_dir()), ("package", package), ("docs", docs_dir)]
    for label, folder in groups:
        if not folder.is_dir():
            h.update(f"{label}: missing\n".encode())
            continue
        for p in sorted(folder.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                h.update(f"{label}/{p.relative_to(folder).as_posix()}\n".encode())
                h.update(hashlib.sha256(p.read_bytes()).digest())
    for p in (config_path, cff_path):
        h.update(p.name.encode() + (hashlib.sha256(p.read_bytes()).digest() if p.exists() else b"missing"))
    return h.hexdigest()


def build_site(out: Path, framework: str | Path | None = None, docs_dir: Path | None = None, config_path: Path | None = None, file_urls: bool = False, force: bool = False) -> tuple[Site | None, list[str], BuildResult]:
    """Generate the pages into the docs folder, then build the HTML site into ``out``.

    Returns the generated site (None when generation was skipped because nothing changed), the
    generated files that changed, and MkDocs' result.  With ``file_urls`` the pages link
    ``page.html`` rather than ``page/``, for reading the site from disk (``file://``); the docs
    are then generated into a work folder beside ``out``, so the committed pages keep their
    permanent directory addresses.
    """
    root = repo_root()
    work = out.parent / (out.name + ".src")
    other_framework = framework is not None and Path(framework).resolve() != (root / "framework").resolve()
    if (file_urls or other_framework) and docs_dir is None:
        # pages that are not the repository's own are generated in a work folder, never in docs/
        docs_dir, config_path = work / "docs", work / "mkdocs.yml"
    docs_dir = docs_dir or root / "docs"
    config_path = config_path or root / "mkdocs.yml"
    # the fingerprint shortcut is for the repository's own docs/ only
    in_repo = docs_dir.resolve() == (root / "docs").resolve() and config_path.resolve() == (root / "mkdocs.yml").resolve()
    cff_path = root / "CITATION.cff"
    stamp = root / FINGERPRINT_FILE
    fw_dir = (Path(framework) if framework else root / "framework").resolve()
    site: Site | None = None
    changed: list[str] = []
    current = in_repo and not force and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == fingerprint(fw_dir, docs_dir, config_path, cff_path)
    if not current:
        fw, cff = load_inputs(framework)
        site = generate(fw, cff, directory_urls=not file_urls)
        if not in_repo:
            site.config = relocate_config(site.config, config_path.parent)
        changed = write_site(site, docs_dir, config_path)
        if in_repo:
            write_atomic(stamp, fingerprint(fw_dir, docs_dir, config_path, cff_path) + "\n")
    result = mkdocs_build(config_path, out, directory_urls=not file_urls)
    if docs_dir.resolve() == (work / "docs").resolve():
        shutil.rmtree(work, ignore_errors=True)
    return site, changed, result

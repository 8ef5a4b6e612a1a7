"""Publishing the generated site: write docs/, check it, and build HTML with MkDocs.

This module loads no page generator (and so no framework models): an up-to-date build, which
only runs MkDocs, starts with it alone (app/site_build.py).

``write_site`` puts the files of a generated :class:`~lchd_assess.site.generate.Site` on disk (whole
files, stale ones removed), ``check_site`` lists what differs (the tests use it: committed pages
must equal regenerated ones), ``mkdocs_build`` runs ``mkdocs build --strict`` (never ``-q``,
which hides the warnings strict counts).  The use case that does all of it, skipping generation
when no input changed since the last build, is :func:`lchd_assess.app.site.build_site`.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands import build as mkdocs_commands_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from typing import TYPE_CHECKING

from ..core.errors import InputError
from ..core.outputs import write_atomic
from ..core.paths import site_templates_dir, tree_files

if TYPE_CHECKING:  # pragma: no cover - annotations only: this module loads no page generator
    from .generate import Site

#: A file in the docs folder that marks it as generated, so stale pages may be removed.
MARKER_FILE = ".lchd-generated"
#: Environment for MkDocs and Material: no banners about their future in our logs.
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def _bytes(data: str | bytes) -> bytes:
    """A generated file as written: text as UTF-8, binary downloads (the checklist PDF) as they are."""
    return data.encode("utf-8") if isinstance(data, str) else data


def write_site(site: Site, docs_dir: Path, config_path: Path) -> list[str]:
    """Write the docs folder and config; remove generated files no longer produced.

    Refuses to clean a non-empty folder that is not marked as generated.
    """
    if docs_dir.exists() and any(docs_dir.iterdir()) and not (docs_dir / MARKER_FILE).exists():
        raise InputError(
            f"{docs_dir}: folder exists and was not made by `lchd-assess site build` (no {MARKER_FILE}); choose an empty folder"
        )
    changed = []
    # one walk of the folder, as strings: the ~290 files are compared and the stale ones found
    # without a path object or a second walk each (part of every forced build)
    have = dict(tree_files(docs_dir))
    for rel, text in sorted(site.files.items()):
        full = have.get(rel)
        if full is not None:
            with open(full, "rb") as fh:
                if fh.read() == _bytes(text):
                    continue
        write_atomic(docs_dir / rel, text)
        changed.append(rel)
    stale = sorted((rel for rel in have if rel not in site.files), reverse=True)
    for rel in stale:
        os.unlink(have[rel])
        changed.append(rel)
    _remove_empty_folders(os.fspath(docs_dir))
    if not config_path.exists() or config_path.read_text(encoding="utf-8") != site.config:
        write_atomic(config_path, site.config)
        changed.append(config_path.name)
    return changed


def _remove_empty_folders(folder: str) -> None:
    """Remove every folder under ``folder`` left empty (deepest first), not ``folder`` itself."""
    for path, _dirs, _files in sorted(os.walk(folder), reverse=True):
        if path != folder:
            with contextlib.suppress(OSError):  # not empty: kept
                os.rmdir(path)


def check_site(site: Site, docs_dir: Path, config_path: Path) -> list[str]:
    """Docs-relative paths (and the config's name) that differ from the generated site.

    Text files only: binary downloads (the blank-checklist PDF) are built, never committed
    (.gitignore), since their bytes depend on the renderer's version; their content is tested
    by text, tags and metadata instead.
    """
    stale = []
    binary = {rel for rel, data in site.files.items() if isinstance(data, bytes)}
    have = (
        {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()} - binary
        if docs_dir.is_dir()
        else set()
    )
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
    """``mkdocs build --strict --clean`` in this process (never quiet: strict counts warnings).

    In process rather than as ``python -m mkdocs``: a second interpreter would load Jinja,
    PyYAML and Markdown again, which cost about a tenth of a second of every build (measured in
    benchmarks/site.py).  What the command line adds is done here too: the config file's
    options, ``--strict``, ``--site-dir``, the plugins' start-up and shut-down events, and the
    log at INFO level, captured (MkDocs' own level names, so ``WARNING`` lines are found the
    same way) instead of printed.
    """
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    saved = (logger.level, logger.propagate, {k: os.environ.get(k) for k in MKDOCS_ENV})
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # the log is the result's, not the caller's console
    os.environ.update(MKDOCS_ENV)
    returncode = 0
    try:
        cfg = load_config(
            str(config_path.resolve()), strict=True, site_dir=str(site_dir.resolve()), use_directory_urls=directory_urls
        )
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_commands_build.build(cfg, dirty=False)
        finally:
            cfg.plugins.on_shutdown()
    except MkDocsException as exc:
        # a strict-mode abort (the warnings are in the log above it) or a configuration error
        logger.error(exc.format_message())
        returncode = 1
    except Exception as exc:  # a plugin's or the theme's own failure: reported like the CLI's exit 1
        logger.error(f"mkdocs failed: {type(exc).__name__}: {exc}")
        returncode = 1
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        for key, value in saved[2].items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return BuildResult(returncode, log.getvalue(), site_dir)


def relocate_config(config: str, config_dir: Path) -> str:
    """The config for a docs folder outside the repository: theme overrides by absolute path."""
    overrides = (site_templates_dir() / "overrides").resolve()
    return config.replace("custom_dir: site_templates/overrides", f"custom_dir: {json.dumps(str(overrides))}")

"""Shared by the site tests: build the generated site into a temporary folder."""

from __future__ import annotations

from pathlib import Path

from lchd_assess.app.site import prepared_for, sample_files
from lchd_assess.formats.citation import load_cff
from lchd_assess.load.framework import load_framework
from lchd_assess.site.generate import Site, generate, repo_root
from lchd_assess.site.build import BuildResult, mkdocs_build, relocate_config, write_site


def build_into(folder: Path, directory_urls: bool = True, mutate=None) -> tuple[Site, BuildResult]:
    """Generate docs + config into ``folder`` and run ``mkdocs build --strict`` into folder/site."""
    fw = load_framework()
    site = generate(
        fw,
        load_cff(repo_root() / "CITATION.cff"),
        directory_urls=directory_urls,
        extra_files=sample_files(fw),
        prepared=prepared_for(fw),
    )
    site.config = relocate_config(site.config, folder)
    if mutate:
        mutate(site)
    write_site(site, folder / "docs", folder / "mkdocs.yml")
    return site, mkdocs_build(folder / "mkdocs.yml", folder / "site", directory_urls=directory_urls)


def repo_copy(folder: Path) -> Path:
    """A copy of what `site build` reads and writes, for CLI tests (run with LCHD_ROOT=folder),
    so no test rewrites the repository's own docs/ (which the staleness test must judge)."""
    import shutil

    root = repo_root()
    for name in ("framework", "assessments", "site_templates", "docs"):
        shutil.copytree(root / name, folder / name)
    for name in ("CITATION.cff", "mkdocs.yml"):
        shutil.copy2(root / name, folder / name)
    return folder

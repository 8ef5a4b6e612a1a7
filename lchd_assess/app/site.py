"""The site use cases: `site build`, `site check` and `site publish`.

Building is app/site_build.py (it loads no page generator, so an up-to-date build is MkDocs
alone); the inputs are app/site_inputs.py's (kept once per content) and are made by
app/site_prepare.py.  This module joins them for callers that want the whole thing (the demo,
`site check`, `site publish`, the tests); the command line's `site build` joins them itself, so
that it loads each part only when the build needs it.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import InputError
from ..load.framework import load_framework
from ..site.build import BuildResult, check_site
from ..site.generate import Site
from ..site.publish import publish
from . import site_build
from .site_inputs import generate_from_inputs
from .site_prepare import make_inputs, prepared_for, sample_files  # noqa: F401  (re-exported for the tests)


def generate_site(framework: str | Path | None, directory_urls: bool = True) -> Site:
    """Every page and download of the site, from the inputs (app/site_inputs.py: from the cache
    when it holds them for exactly these files, else made by app/site_prepare.py)."""
    return generate_from_inputs(framework, directory_urls, make_inputs)


def stale_pages(framework: str | Path | None, root: Path) -> list[str]:
    """Files of ``root``'s docs/ and mkdocs.yml that differ from what the framework generates."""
    return check_site(generate_site(framework), root / "docs", root / "mkdocs.yml")


def build_site(
    out: Path,
    framework: str | Path | None = None,
    docs_dir: Path | None = None,
    config_path: Path | None = None,
    file_urls: bool = False,
    force: bool = False,
    replace: bool | None = None,
) -> tuple[Site | None, list[str], BuildResult]:
    """:func:`lchd_assess.app.site_build.build_site` with this module's generator."""
    return site_build.build_site(
        out,
        lambda fw_dir, directory_urls: generate_site(fw_dir, directory_urls),
        framework=framework,
        docs_dir=docs_dir,
        config_path=config_path,
        file_urls=file_urls,
        force=force,
        replace=replace,
    )


def publish_site(dest: Path, framework: str | Path | None = None, force: bool = False) -> tuple[Path, list[str]]:
    """`site publish`: build this release into ``dest/<MAJOR.MINOR>/`` beside the earlier ones
    (site/publish.py lays out latest/, versions.json and the redirect)."""
    fw = load_framework(framework)

    def build(out: Path) -> None:
        _site, _changed, result = build_site(out, framework=framework)
        if not result.ok:
            raise InputError("site build failed: " + "; ".join(result.warnings[:3]))

    return publish(dest, fw.meta.version, build, force=force)

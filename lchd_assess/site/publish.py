"""Publish releases side by side: ``<dest>/1.0/``, ``<dest>/1.1/``, ``<dest>/latest/``.

The layout is mike's (the mkdocs-material convention), made offline without a git branch: each
release is built into a folder named for its MAJOR.MINOR and is never rebuilt once published
(what an author cited stays); ``latest/`` is a copy of the newest; ``versions.json`` lists them
for Material's version selector (``extra.version.provider: mike``); ``index.html`` sends
visitors to ``latest/``.  Deploy the whole folder as is (GitHub Pages, any static host).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from ..core.addresses import LATEST, release_of
from ..core.errors import UsageError
from ..core.outputs import write_atomic


def _key(release: str) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in release.split("."))
    except ValueError:
        return (0,)


def versions_json(releases: dict[str, str]) -> str:
    """mike's versions.json: newest first, the newest carrying the ``latest`` alias."""
    order = sorted(releases, key=_key, reverse=True)
    rows = [
        {"version": r, "title": r, "framework_version": releases[r], "aliases": [LATEST] if i == 0 else []}
        for i, r in enumerate(order)
    ]
    return json.dumps(rows, indent=1) + "\n"


REDIRECT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Redirecting to the latest release</title>
<meta http-equiv="refresh" content="0; url=latest/"><link rel="canonical" href="latest/"></head>
<body><p><a href="latest/">Go to the latest release</a>.</p></body></html>
"""


def publish(dest: Path, framework_version: str, build, force: bool = False) -> tuple[Path, list[str]]:
    """Build this release into ``dest/<MAJOR.MINOR>/`` with ``build(out_dir)``; refresh latest/,
    versions.json and index.html.  A release already published is refused unless ``force``."""
    release = release_of(framework_version)
    target = dest / release
    if target.exists() and not force:
        raise UsageError(
            f"{target}: release {release} is already published and frozen; raise the framework version for a new release (or --force to rebuild one never announced)"
        )
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lchd-publish-", dir=dest) as tmp:
        staged = Path(tmp) / release
        build(staged)
        if target.exists():
            shutil.rmtree(target)
        staged.rename(target)
    meta = dest / "versions.json"
    releases: dict[str, str] = {}
    if meta.is_file():
        for row in json.loads(meta.read_text(encoding="utf-8")):
            releases[row["version"]] = row.get("framework_version", row["version"])
    releases[release] = framework_version
    newest = max(releases, key=_key)
    latest = dest / LATEST
    if latest.exists():
        shutil.rmtree(latest)
    shutil.copytree(dest / newest, latest)
    write_atomic(meta, versions_json(releases))
    write_atomic(dest / "index.html", REDIRECT)
    return target, sorted(releases, key=_key)

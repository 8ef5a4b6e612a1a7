"""The site's address scheme: each release frozen under its version, plus a "latest" alias.

A cited page must keep showing the text that was cited, so every permanent address printed in
a report, a checklist or a citation carries the release: ``<base>/1.0/principles/P1/``.  The
release is the framework's MAJOR.MINOR (a patch release fixes typos only and replaces the
pages of its minor version, as mike does).  ``<base>/latest/…`` always shows the newest.
"""

from __future__ import annotations

LATEST = "latest"


def release_of(version: str) -> str:
    """'1.0.0' → '1.0': the folder a version of the site is published under."""
    parts = version.split("-")[0].split(".")
    return ".".join(parts[:2]) if len(parts) >= 2 else version


def versioned_url(base_url: str, version: str, path: str = "") -> str:
    """Permanent address of ``path`` (site-relative, '' for the home page) in one release."""
    return f"{base_url.rstrip('/')}/{release_of(version)}/{path.lstrip('/')}"


def latest_url(base_url: str, path: str = "") -> str:
    """The same page in whichever release is newest."""
    return f"{base_url.rstrip('/')}/{LATEST}/{path.lstrip('/')}"

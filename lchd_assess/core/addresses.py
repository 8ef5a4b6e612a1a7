"""The site's one address scheme: where each kind of ID has its page, and the permanent,
versioned address of that page.

Every address the toolkit prints or links comes from here: the site's links between pages
(site/pages.py), the reporting checklist's item links (load/standard.py), the report's and
portfolio's element links (context/), citations and the SQUIRE view.  Issue 14 found the scheme
written out in four modules; a page that moves now moves everywhere at once.

Each release is frozen under its version, plus a "latest" alias: a cited page must keep
showing the text that was cited, so every permanent address carries the release:
``<base>/1.0/principles/P1/``.  The release is the framework's MAJOR.MINOR (a patch release
fixes typos only and replaces the pages of its minor version, as mike does).
``<base>/latest/…`` always shows the newest.
"""

from __future__ import annotations

from typing import Callable

LATEST = "latest"


def _parent(id_: str) -> str:
    return id_.split(".")[0]


#: The folder of each kind that has a page per ID (the folder's index page lists them).
FOLDERS: dict[str, str] = {
    "concept": "concepts",
    "characteristic": "characteristics",
    "principle": "principles",
    "structure": "structures",
    "limitation": "limitations",
    "partnership-model": "models",
    "crosswalk": "crosswalks",
    "reporting-item": "reporting-standard/items",
    "guideline-crosswalk": "reporting-standard/crosswalks",
}


def _own(kind: str) -> Callable[[str], tuple[str, str | None]]:
    return lambda i: (f"{FOLDERS[kind]}/{i}.md", None)


def _in_parent(kind: str) -> Callable[[str], tuple[str, str | None]]:
    return lambda i: (f"{FOLDERS[kind]}/{_parent(i)}.md", i)


#: kind → function(ID) → (docs-relative Markdown path, anchor or None).  A kind without an
#: address is shown as plain text.  IDs never change, so neither does an address.
PAGES: dict[str, Callable[[str], tuple[str, str | None]]] = {
    **{kind: _own(kind) for kind in FOLDERS},
    "attribute": _in_parent("characteristic"),
    "principle-component": _in_parent("principle"),
    "structure-component": _in_parent("structure"),
    "innovation": _in_parent("partnership-model"),
    "model-limitation": _in_parent("partnership-model"),
    "term": lambda i: ("glossary.md", i),
    "reference": lambda i: ("references.md", i),
    "reporting-domain": lambda i: ("research-agenda.md", i),
    "research-priority": lambda i: ("research-agenda.md", i),
    # not framework IDs (the instrument lives in assessments/)
    "item": lambda i: ("self-assessment/items.md", i),
    "recommended-action": lambda i: (PAGES["principle" if i.startswith("P") else "structure"](_parent(i))[0], i),
}


def site_path(path: str) -> str:
    """A docs page's path on the site, as the published (directory) URLs have it:
    ``principles/P1.md`` → ``principles/P1/``, ``index.md`` → ``''``."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return stem.rstrip("/") + "/"


def page_path(kind: str, id_: str) -> str:
    """The site path of ``id_``'s page (``reporting-item``, ``RS-title`` →
    ``reporting-standard/items/RS-title/``); the anchor, if any, is left out."""
    return site_path(PAGES[kind](id_)[0])


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


def permanent_url(base_url: str, version: str, kind: str, id_: str) -> str:
    """The permanent address of ``id_``'s page (and its anchor) in one release:
    ``permanent_url(base, '1.1.0', 'principle', 'P1')`` → ``<base>/1.1/principles/P1/``."""
    path, anchor = PAGES[kind](id_)
    return versioned_url(base_url, version, site_path(path)) + (f"#{anchor}" if anchor else "")

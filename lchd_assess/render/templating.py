"""The one Jinja environment factory: autoescape for HTML, StrictUndefined, shared filters.

Every renderer (reports, checklist, site pages) gets its environment here, so no template can
silently print an empty string for a missing key, and every HTML template escapes by default;
and renders through :func:`render`, so every template gets its one typed context model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import jinja2

from ..context.base import TemplateContext
from .filters import FILTERS
from ..core.paths import cache_dir

PACKAGE_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs (Jinja keys each by name and source checksum, so an
    edited template is compiled again); compiling was a third of a full site regeneration."""
    # in the user's cache folder, never in the data or the working folder (none when unwritable)
    folder = cache_dir("jinja")
    return jinja2.FileSystemBytecodeCache(str(folder)) if folder else None


def environment(search_paths: Iterable[str | Path] = (), markdown: bool = False) -> jinja2.Environment:
    """An environment over ``search_paths`` then the package's templates.

    ``markdown=True`` is for Markdown output (the site's pages): autoescape stays on for files
    ending in .html/.xml/.svg, off for .md, whose values are escaped with ``md_escape``.
    """
    loader = jinja2.FileSystemLoader([str(p) for p in (*search_paths, PACKAGE_TEMPLATES)])
    env = jinja2.Environment(
        loader=loader,
        bytecode_cache=_bytecode_cache(),
        autoescape=jinja2.select_autoescape(
            ["html", "htm", "xml", "svg", "j2"], default_for_string=not markdown, default=not markdown
        ),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env


def render(env: jinja2.Environment, name: str, context: TemplateContext) -> str:
    """The one way the toolkit renders a template: with its context model's fields and nothing
    else (context/templates.py lists every template's model).  Anything else — a dict, a live
    object, another template's model — is a programming error, refused before rendering."""
    if not isinstance(context, TemplateContext) or name not in type(context).TEMPLATES:
        raise TypeError(f"template {name!r} is rendered with its context model, not {type(context).__name__}")
    return env.get_template(name).render(context.template_vars())

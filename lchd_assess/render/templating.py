"""The one Jinja environment factory: autoescape for HTML, StrictUndefined, shared filters.

Every renderer (reports, checklist, site pages) gets its environment here, so no template can
silently print an empty string for a missing key, and every HTML template escapes by default;
and renders through :func:`render`, so every template gets its one typed context model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import jinja2
from jinja2.bccache import Bucket

from ..context.base import TemplateContext
from .filters import FILTERS
from ..core.paths import cache_dir, keep_newest

PACKAGE_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


#: Compiled templates kept: Jinja keys each by its name and absolute path, so every install
#: path, checkout or copied template folder adds a set of entries (about 35 templates, ~5 KB
#: each); this bound holds some ten sets and keeps the folder from growing without limit.
KEEP_COMPILED = 400


class _BoundedBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, pruned to the newest :data:`KEEP_COMPILED` entries whenever it writes
    one (a write only follows a compile, so a warm run never lists the folder)."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        super().dump_bytecode(bucket)
        try:
            keep_newest(Path(self.directory), "__jinja2_*.cache", KEEP_COMPILED)
        except OSError:
            pass  # a cache we cannot tidy still works; the next write tries again


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs (Jinja keys each by template name and path and checks
    the source's checksum, so an edited template is compiled again); compiling was a third of a
    full site regeneration."""
    # in the user's cache folder, never in the data or the working folder (none when unwritable)
    folder = cache_dir("jinja")
    return _BoundedBytecodeCache(str(folder)) if folder else None


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

"""The checklist as HTML, Markdown and PDF, from its context; the write-up template.

Word is :mod:`.checklist_docx` (a module of its own, so only rendering Word loads python-docx).
The blank checklist's HTML and PDF are the site's downloads and the printable form.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..core.paths import cache_dir
from ..context.checklist import ChecklistContext, build_context
from . import pdf
from ..context.file_contexts import ChecklistPage, ChecklistWriteup
from .templating import environment, render


def render_html(ctx: ChecklistContext) -> str:
    return render(environment(), "checklist/checklist.html", ChecklistPage.trusted(c=ctx))


def render_markdown(ctx: ChecklistContext) -> str:
    return render(environment(markdown=True), "checklist/checklist.md", ChecklistPage.trusted(c=ctx))


def pdf_meta(ctx: ChecklistContext) -> dict:
    """The PDF's title, author, description and keywords: named after the report and standard."""
    title = (
        f"Reporting checklist: {ctx.report_title}" if ctx.report_title else f"Reporting checklist: {ctx.standard_title}"
    )
    return {
        "title": title,
        "author": "LCHD partnership toolkit",
        "description": f"{ctx.standard_title}, version {ctx.standard_version}",
        "keywords": ["reporting checklist", "cross-sector partnership", "LCHD", f"version {ctx.standard_version}"],
    }


def render_pdf(ctx: ChecklistContext, html: str | None = None) -> bytes:
    """The checklist as a PDF; ``html`` when the caller has already rendered it."""
    return pdf.render_pdf(render_html(ctx) if html is None else html, **pdf_meta(ctx))


def blank_checklist_html(std: Any) -> str:
    return render_html(build_context(std, None, "blank"))


def blank_checklist_pdf(std: Any) -> bytes:
    """The blank checklist as a printable PDF (empty answer column).

    Cached by content in the user's cache folder: the site rebuilds it on every full
    regeneration, and rendering it was most of that time."""
    ctx = build_context(std, None, "blank")
    return pdf.render_pdf_cached(render_html(ctx), cache_dir("pdf"), **pdf_meta(ctx))


def render_writeup(standard_model: Any, prefill: Mapping[str, str]) -> str:
    """The Markdown write-up template: the standard's sections and prompts, with pre-filled
    blocks of Markdown under the items they belong to (by item ID)."""
    context = ChecklistWriteup.trusted(s=standard_model, prefill=dict(prefill))
    return render(environment(markdown=True), "checklist/writeup-template.md", context)

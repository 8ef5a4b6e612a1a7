"""``checklist render``: check a filled checklist and write it for journal submission.

HTML, PDF and Markdown by default, Word on request; as the standard's own checklist or, with
``view="squire"``, as a SQUIRE 2.0 checklist answered through the standard's crosswalk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..check.checklist import check_document
from ..context.checklist import build_context
from ..context.checklist_squire import squire_context
from ..core.findings import Report
from ..core.outputs import write_atomic
from ..core.paths import display_path, repo_root
from ..core.safe_output import OutputFolder, OutputGuard
from ..formats.checklist import blank_checklist_yaml
from ..load.checklist import CHECKLIST
from ..load.documents import load_document
from ..load.framework import load_standard
from ..load.standard import Standard
from ..render.checklist import render_html, render_markdown, render_pdf
from ..render.checklist_docx import render_docx
from .checklist import guard, writeup_template

#: Findings that stop even a draft: the numbers would not match the standard's.
BLOCKING_CODES = frozenset({"checklist-version-mismatch", "checklist-wrong-standard"})

#: The files ``checklist render`` writes into its folder, by format.
FORMAT_FILES = {"html": "checklist.html", "md": "checklist.md", "pdf": "checklist.pdf", "docx": "checklist.docx"}
#: What ``checklist render`` writes when no --format is given (as before Word was added).
DEFAULT_FORMATS = ("html", "md", "pdf")
RENDERED_FILES = tuple(FORMAT_FILES[f] for f in DEFAULT_FORMATS)
#: ``--as``: the standard's own checklist, or the same answers as another guideline's checklist.
VIEWS = ("lchd", "squire")


@dataclass
class RenderResult:
    report: Report
    written: list[Path]


def rendered_names(formats: Iterable[str] = DEFAULT_FORMATS, view: str = "lchd") -> dict[str, str]:
    """format → file name; the SQUIRE view's files start with ``squire-`` so both can share a folder."""
    prefix = "" if view == "lchd" else f"{view}-"
    return {f: prefix + FORMAT_FILES[f] for f in formats}


def render(
    path: str | Path,
    out_dir: str | Path | OutputFolder,
    std: Standard,
    draft: bool = False,
    formats: Iterable[str] = DEFAULT_FORMATS,
    view: str = "lchd",
) -> RenderResult:
    """Check the checklist and write it into ``out_dir`` (HTML, PDF and Markdown by default;
    Word with ``formats=("docx",)``), as the standard's checklist or, with ``view="squire"``,
    as a SQUIRE 2.0 checklist answered through the crosswalk.

    A checklist with findings is not rendered unless ``draft`` is set; a draft is marked as
    such on every page and lists what is still missing. A checklist for another version or
    standard is never rendered: its numbers would not match the standard's.
    """
    names = rendered_names(formats, view)
    p = Path(path)
    # checked before rendering (the PDF takes seconds): never over the checklist itself
    folder = (
        out_dir if isinstance(out_dir, OutputFolder) else OutputGuard(inputs=[p]).folder(out_dir, tuple(names.values()))
    )
    doc = load_document(p, CHECKLIST, display=display_path(p))
    report = check_document(doc, std)
    if (
        doc.model is None
        or any(f.fatal for f in report.findings)
        or BLOCKING_CODES & set(report.codes())
        or (report.findings and not draft)
    ):
        return RenderResult(report, [])
    problems = [f"line {f.line}: {f.message}" if f.line else f.message for f in report.findings]
    mode = "draft" if report.findings else "final"
    if view == "squire":
        ctx = squire_context(std, doc.model, mode, problems)
    else:
        ctx = build_context(std, doc.model, mode, problems)  # type: ignore[arg-type]
    files: dict[str, str | bytes] = {}
    html = render_html(ctx) if {"html", "pdf"} & set(names) else ""
    if "html" in names:
        files[names["html"]] = html
    if "md" in names:
        files[names["md"]] = render_markdown(ctx)
    if "pdf" in names:
        files[names["pdf"]] = render_pdf(ctx, html)
    if "docx" in names:
        files[names["docx"]] = render_docx(ctx, std.model.release_date)
    written = folder.write(files)
    return RenderResult(report, written)


def render_checklist(
    path: str | Path,
    out: str | Path,
    *,
    framework: str | Path | None = None,
    draft: bool = False,
    formats: Iterable[str] | None = None,
    view: str = "lchd",
    force: bool = False,
) -> RenderResult:
    """``checklist render``: the output folder is checked before the standard is loaded."""
    formats = tuple(formats or DEFAULT_FORMATS)
    folder = guard(framework, force, path).folder(out, tuple(rendered_names(formats, view).values()))
    return render(path, folder, load_standard(framework), draft=draft, formats=formats, view=view)


# -- Demo -------------------------------------------------------------------------------------

DEMO_PARTNERSHIP = "assessments/examples/harbour-city-family-network"


def demo_step(out: Path) -> tuple[int, str]:
    """Render the example filled checklist, and write a blank checklist and a pre-filled
    write-up template beside it."""
    std = load_standard()
    folder = repo_root() / DEMO_PARTNERSHIP
    result = render(folder / "reporting-checklist.yaml", out, std)
    if not result.written:
        return int(result.report.exit_code) or 1, result.report.format_text()
    blank = write_atomic(out / "blank-checklist.yaml", blank_checklist_yaml(std))
    text, notes = writeup_template(std, folder)
    tpl = write_atomic(out / "writeup-template.md", text)
    written = ", ".join(p.name for p in [*result.written, blank, tpl])
    extra = "".join(f"\n  note: {n}" for n in notes)
    return 0, f"rendered the example checklist ({std.model.short_title} {std.version}) into {out}: {written}{extra}"

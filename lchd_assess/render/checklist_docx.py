"""A completed checklist as a Word document (``checklist render --format docx``).

Journals' submission systems ask for the checklist as Word or PDF, with a table of item, page or
section, and reason; GoodReports and EQUATOR hand authors .docx files.  This writes one table
per section from the same :class:`~lchd_assess.context.checklist.ChecklistContext` the HTML, PDF
and Markdown use, so the four never disagree.

Word files are zip archives whose entries carry the time of writing; they are rewritten with
a fixed time (and fixed document properties) so the same checklist gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

from docx import Document
from docx.shared import Mm, Pt

from ..context.checklist import ChecklistContext

STATUS_LABEL = {"not-done": "Not done: ", "flagged": "Check: "}
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _answer(ctx: ChecklistContext, status: str, answer: str) -> str:
    if ctx.mode == "blank":
        return ""
    if status == "missing":
        return "Not yet answered"
    return STATUS_LABEL.get(status, "") + answer


def render_docx(ctx: ChecklistContext, date: str) -> bytes:
    """The checklist as .docx bytes; ``date`` (YYYY-MM-DD) is written as the document's date.

    Long because it is the document in reading order (title, counts, one table per section,
    citation, fixed properties), as the HTML template is; split, the order would be harder to
    follow against the other formats."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(15)
    style = doc.styles["Normal"]
    style.font.size = Pt(9.5)

    title = "Reporting checklist" + (f": {ctx.report_title}" if ctx.report_title else "")
    doc.add_heading(title, level=1)
    doc.add_paragraph(f"{ctx.standard_title}, version {ctx.standard_version}")
    for label, value in (("Partnership", ctx.partnership), ("Manuscript version", ctx.manuscript_version)):
        if value:
            p = doc.add_paragraph()
            p.add_run(f"{label}: ").bold = True
            p.add_run(value)
    if ctx.mode == "draft":
        p = doc.add_paragraph()
        p.add_run("Draft: this checklist is incomplete and not ready to submit. ").bold = True
        p.add_run("Problems to fix: " + " · ".join(ctx.problems))
    if ctx.mode != "blank":
        c = ctx.counts
        text = f"Items reported: {c.get('reported', 0)}. Not done, with a reason: {c.get('not-done', 0)}. Not applicable, with a reason: {c.get('not-applicable', 0)}."
        if c.get("missing"):
            text += f" Not yet answered: {c['missing']}."
        if c.get("flagged"):
            text += f" To check by hand: {c['flagged']}."
        doc.add_paragraph(text)

    for sec in ctx.sections:
        doc.add_heading(sec.title, level=2)
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        head = table.rows[0].cells
        for cell, text in zip(head, ("No.", "Item", "Where reported (section, page), or why not")):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
        for r in sec.rows:
            cells = table.add_row().cells
            cells[0].text = r.number
            cells[1].text = ""
            cells[1].paragraphs[0].add_run(r.title).bold = True
            cells[1].add_paragraph(r.what_to_report)
            cells[2].text = _answer(ctx, r.status, r.answer)
        for row in table.rows:
            row.cells[0].width, row.cells[1].width, row.cells[2].width = Mm(14), Mm(100), Mm(66)

    doc.add_paragraph()
    p = doc.add_paragraph()
    p.add_run("Cite: ").bold = True
    p.add_run(f"{ctx.citation}. {ctx.standard_url}")
    if ctx.squire_note:
        doc.add_paragraph(ctx.squire_note)
    doc.add_paragraph("This checklist records where each item is reported; it is not a score of the report's quality.")

    props = doc.core_properties
    props.title = title
    props.author = "LCHD partnership toolkit"
    props.comments = f"{ctx.standard_title}, version {ctx.standard_version}"
    when = datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    props.created = props.modified = when
    props.last_modified_by = "lchd-assess"
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01, in the same order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()

"""The reporting checklist: a file authors fill, a checker, renderers and a write-up template.

A checklist is YAML of kind ``checklist``: the standard's ID and version, and for each item ID a
``reported_at`` (where in the report the item is addressed) and a ``not_done`` (why it is not).
:func:`blank_checklist` writes one with each item's number, title and text as comments;
:func:`check_file` returns a :class:`~lchd_assess.core.findings.Report` (never a score: a checklist
says where things are, not how good the report is); :func:`render` writes the completed
checklist as HTML, PDF and Markdown for journal submission; :func:`writeup_template` writes a
Markdown skeleton with the standard's sections and prompts, pre-filled from a partnership folder
when one is given.
"""

from __future__ import annotations

import difflib
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Literal

from pydantic import Field

from ..core import findings
from ..load.documents import Document, add_semantic_check, load_document, register_kind
from ..core.findings import Finding, Report
from ..load.models import SEMVER, FileBase, Strict
from ..load import standard as _standard  # module, not names: standard may still be importing

if TYPE_CHECKING:
    from ..load.standard import Standard

# -- The checklist file -----------------------------------------------------------------------


class ChecklistEntry(Strict):
    reported_at: str | int = Field(default="", description="Where the item is addressed, e.g. 'Methods, para 3; Table 2' or a page number. Leave empty if it is not reported.")
    not_done: str = Field(default="", description="Why the item is not reported. For an item that allows it, start with 'N/A:' and say why it does not apply.")


class ReportInfo(Strict):
    title: str = Field(default="", description="Title of the report or manuscript the checklist belongs to.")
    partnership: str = Field(default="", description="Name of the partnership.")
    manuscript_version: str = Field(default="", description="Manuscript version or date the locations refer to.")


class ChecklistFile(FileBase):
    """A reporting checklist for one partnership report: where each item of the standard is reported."""

    kind: Literal["checklist"]
    standard: str = Field(description="ID of the reporting standard, e.g. 'lchd-csp-reporting'.")
    standard_version: str = Field(pattern=SEMVER, description="Version of the standard the checklist was written for.")
    scope: Literal["full", "core"] = Field(default="full", description="'full': every item must be answered; 'core': only the core items (extended items may still be added and are then checked).")
    report: ReportInfo = Field(default_factory=ReportInfo)
    items: dict[str, ChecklistEntry | None] = Field(description="Item ID → where it is reported, or why not.")


register_kind("checklist", ChecklistFile, "A reporting checklist for one partnership report: where each item of the standard is reported, or why not.", "checklist")

_r = findings.register
_r("checklist-item-missing", "Item missing from the checklist", "An item of the standard has no entry in the checklist. Add it (with `reported_at` or `not_done`), or start again from a new blank checklist (`lchd-assess checklist new`).", "checklist")
_r("checklist-item-unanswered", "Item neither reported nor explained", "Both `reported_at` and `not_done` are empty. Say where in the report the item is addressed, or why it is not.", "checklist")
_r("checklist-both-filled", "Both where and why-not filled", "An item has both `reported_at` and `not_done`. Keep one: where it is reported, or why it is not. If it is reported only in part, give the place in `reported_at` and say there what is missing.", "checklist")
_r("checklist-na-not-allowed", "Not applicable where it is not allowed", "The item applies to every partnership report, so it cannot be marked not applicable. Report it, or say in `not_done` why it was not done without calling it not applicable.", "checklist")
_r("checklist-na-without-reason", "Not applicable without a reason", "An item marked 'N/A' needs a reason after it, e.g. 'N/A: this report covers formation only; outcomes will follow in 2027'.", "checklist")
_r("checklist-placeholder", "Placeholder instead of an answer", "The answer is a tick or placeholder (such as 'yes', 'x', 'TODO' or '?'). Write where the item is reported (section, paragraph, table or page) or why it is not.", "checklist")
_r("checklist-unknown-item", "Unknown item ID", "The checklist names an item ID the standard does not have; the message suggests the closest ID. Item IDs look like RS-partner-roster.", "checklist")
_r("checklist-retired-item", "Retired item", "The checklist names an item that the standard has retired; move the answer to the item that replaces it.", "checklist")
_r("checklist-version-mismatch", "Checklist for another version of the standard", "The checklist was written for a different version of the reporting standard; the message lists what changed between the two. Start from a new blank checklist or move your answers across.", "checklist")
_r("checklist-title-missing", "Report title missing", "The checklist does not name the report it belongs to. Fill `report: title:` with the manuscript's title, so an editor can match the two.", "checklist")
_r("checklist-wrong-standard", "Checklist for another standard", "The checklist names a different reporting standard. Check the `standard` field.", "checklist")

_NA = re.compile(r"^\s*(n\s*/\s*a|not\s+applicable)\b[\s:.,;\-–—]*", re.IGNORECASE)
_NOT_DONE = re.compile(r"^\s*not\s+done\b[\s:.,;\-–—]*", re.IGNORECASE)
_PLACEHOLDERS = {"yes", "y", "x", "ok", "done", "true", "✓", "✔", "?", "??", "tbd", "todo", "to do", "xxx", "-", "–", "—", "...", "…", "reported", "see text"}


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def is_not_applicable(not_done: str) -> bool:
    return bool(_NA.match(not_done))


def na_reason(not_done: str) -> str:
    return _NA.sub("", not_done, count=1).strip()


def checklist_findings(doc: Document, std: Standard, unreadable: Iterable[str] = ()) -> list[Finding]:
    """Findings for one loaded checklist against the standard.

    ``unreadable``: item IDs present in the file but left out of the model because their answer
    has the wrong shape (already reported); they are not called missing.
    """
    m: ChecklistFile = doc.model  # type: ignore[assignment]
    loc = doc.loaded.locate
    out: list[Finding] = []
    sm = std.model
    if m.standard != sm.id:
        return [loc(Finding("checklist-wrong-standard", f"this checklist is for standard '{m.standard}', but the toolkit's standard is '{sm.id}'; set `standard: {sm.id}`", path=("standard",)))]
    if m.standard_version != sm.version:
        out.append(loc(Finding("checklist-version-mismatch", _version_message(std, m.standard_version), path=("standard_version",))))
    if not m.report.title.strip():
        out.append(loc(Finding("checklist-title-missing", "the report's title is empty; fill `report: title:` with the title of the manuscript this checklist belongs to (editors match the checklist to the manuscript by it)", path=("report", "title"))))
    active = {i.id: i for i in std.items()}
    required = required_ids(std, m.scope)
    skip = set(unreadable)
    for key, entry in m.items.items():
        path = ("items", key)
        item = std.item(key)
        if item is None:
            close = difflib.get_close_matches(key, sorted(active), n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else "; item IDs look like RS-partner-roster (see the blank checklist from `lchd-assess checklist new`)"
            out.append(loc(Finding("checklist-unknown-item", f"'{key}' is not an item of the {sm.short_title} {sm.version}{hint}", path=path), key=True))
            continue
        if item.status == "retired":
            repl = f"; move the answer to {item.replaced_by}" if item.replaced_by else ""
            out.append(loc(Finding("checklist-retired-item", f"item {key} was retired from the standard{repl}", path=path), key=True))
            continue
        where, why = _text(entry and entry.reported_at), _text(entry and entry.not_done)
        label = f"item {item.number} ({item.id}, {item.title})"
        if not where and not why:
            if key not in required:
                continue  # an extended item left blank in a core-scope checklist is fine
            out.append(loc(Finding("checklist-item-unanswered", f"{label} is neither reported nor explained; fill `reported_at` with where it is addressed, or `not_done` with why not", path=path), key=True))
            continue
        if where and why:
            out.append(loc(Finding("checklist-both-filled", f"{label} has both `reported_at` and `not_done`; keep one (if it is reported only in part, give the place in `reported_at` and say what is missing there)", path=path + ("not_done",))))
        for name, value in (("reported_at", where), ("not_done", why)):
            if value and value.lower().rstrip(".") in _PLACEHOLDERS:
                out.append(loc(Finding("checklist-placeholder", f"{label}: '{value}' in `{name}` does not say where or why; write e.g. 'Methods, para 3; Table 2'", path=path + (name,))))
        if why and is_not_applicable(why):
            if not item.na_allowed:
                out.append(loc(Finding("checklist-na-not-allowed", f"{label} applies to every partnership report and cannot be marked not applicable; report it, or say in `not_done` why it was not done", path=path + ("not_done",))))
            elif not na_reason(why):
                out.append(loc(Finding("checklist-na-without-reason", f"{label} is marked not applicable without a reason; add one after 'N/A:' ({item.na_guidance})", path=path + ("not_done",))))
    for item_id, item in active.items():
        if item_id in required and item_id not in m.items and item_id not in skip:
            out.append(loc(Finding("checklist-item-missing", f"item {item.number} ({item_id}, {item.title}) is missing; add `{item_id}:` under `items` with `reported_at` or `not_done`", path=("items",)), key=True))
    return out


def required_ids(std: Standard, scope: str) -> set[str]:
    """Items a checklist of this scope must answer: all active items, or the core ones."""
    return {i.id for i in std.items() if scope == "full" or i.tier == "core"}


def _version_message(std: Standard, have: str) -> str:
    cur = std.version
    if have not in {c.version for c in std.model.changelog} and _standard.version_key(have) > _standard.version_key(cur):
        return f"this checklist is for version {have}, newer than the toolkit's standard ({cur}); update the toolkit or start from `lchd-assess checklist new`"
    newer = _standard.version_key(have) < _standard.version_key(cur)
    changes = std.changes_between(have, cur) if newer else std.changes_between(cur, have)
    parts = []
    for c in changes:
        bits = [f"added {', '.join(c.added)}" if c.added else "", f"retired {', '.join(c.retired)}" if c.retired else "", f"renumbered {', '.join(c.renumbered)}" if c.renumbered else "", f"reworded {', '.join(c.reworded)}" if c.reworded else ""]
        detail = "; ".join(b for b in bits if b) or " ".join(c.changes)
        parts.append(f"{c.version}: {detail}")
    what = (" Changes: " + " | ".join(parts) + ".") if parts else ""
    direction = "the standard is now" if newer else "the toolkit's standard is older:"
    return f"this checklist is for version {have} of the standard; {direction} {cur}.{what} Start from `lchd-assess checklist new` and copy your answers across"


def check_document(doc: Document, std: Standard) -> Report:
    report = Report(checked=[doc.file])
    report.extend(doc.findings)
    if doc.model is not None:
        report.extend(checklist_findings(doc, std))
    return report


def check_file(path: str | Path, std: Standard, display: str | None = None) -> Report:
    """Load and check one checklist file; always returns a report."""
    from ..check.validate import display_path

    from .checklist_pass import check_file_one_pass

    p = Path(path)
    return check_file_one_pass(p, std, display or display_path(p))


def _semantic(docs: list[Document], index: object) -> Iterable[Finding]:
    """`lchd-assess validate` checks checklists against the standard among the loaded files."""
    standards = [d.model for d in docs if d.kind == "reporting-standard" and d.model is not None]
    if not standards:
        return []
    std = _standard.Standard(standards[0], ())  # type: ignore[arg-type]
    out: list[Finding] = []
    for d in docs:
        if d.kind == "checklist" and d.model is not None:
            out.extend(checklist_findings(d, std))
    return out


add_semantic_check(_semantic)


# -- The blank checklist ----------------------------------------------------------------------

SCHEMA_URL = "https://lchd-toolkit.github.io/lchd-framework/schemas/checklist.schema.json"


def _q(value: str) -> str:
    """A YAML double-quoted scalar."""
    out = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{out}"'


def _comment(text: str, prefix: str, width: int = 92) -> list[str]:
    """``text`` wrapped into comment lines that all start with ``prefix`` (e.g. "  #   ")."""
    return [f"{prefix}{line}".rstrip() for line in textwrap.wrap(" ".join(text.split()), width=width - len(prefix))] or [prefix.rstrip()]


def blank_checklist(std: Standard, schema_ref: str = SCHEMA_URL, answers: dict[str, tuple[str, str]] | None = None, report: ReportInfo | None = None, scope: str = "full") -> str:
    """The fillable checklist as YAML text, each item's number, title and text as comments.

    ``scope="core"`` writes the core items only (for a first report or a funder's minimum).
    """
    sm = std.model
    required = required_ids(std, scope)
    scope_note = [] if scope == "full" else [f"# Scope: core items only ({len(required)} of {len(std.items())}). You may add extended items at any time:", "# copy their IDs from a full checklist (`lchd-assess checklist new`); they are then checked too."]
    answers = answers or {}
    report = report or ReportInfo()
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"# Reporting checklist: {sm.title}, version {sm.version}.",
        *_comment(f"Cite: {sm.citation.text}", "# "),
        "#",
        "# For each item, fill ONE of the two answers:",
        '#   reported_at: where your report addresses it, e.g. "Methods, para 3; Table 2"',
        '#   not_done:    why it is not reported, e.g. "Not done: no cost data were collected"',
        '# Items marked "N/A allowed" may instead say "N/A: <reason>"; the others apply to every',
        "# partnership report. Core items are the minimum; extended items add depth.",
        "# Check the file with:  lchd-assess checklist check THIS-FILE",
        *scope_note,
        "kind: checklist",
        f"standard: {sm.id}",
        f"standard_version: {sm.version}",
        *([f"scope: {scope}"] if scope != "full" else []),
        "report:",
        f"  title: {_q(report.title)}",
        f"  partnership: {_q(report.partnership)}",
        f"  manuscript_version: {_q(report.manuscript_version)}",
        "items:",
    ]
    for section in sm.sections:
        if not any(i.id in required for i in section.items):
            continue
        lines += ["", f"  # ---- {section.title}: {section.question} " + "-" * max(3, 70 - len(section.title) - len(section.question))]
        for item in section.items:
            if item.id not in required:
                continue
            na = "N/A allowed" if item.na_allowed else "N/A not allowed"
            lines.append(f"  # {item.number}. {item.title}  [{item.tier}; {na}]")
            lines += _comment(item.what_to_report, "  #   ")
            where, why = answers.get(item.id, ("", ""))
            lines += [f"  {item.id}:", f"    reported_at: {_q(where)}", f"    not_done: {_q(why)}"]
    return "\n".join(lines) + "\n"


def schema_ref_for(out: Path) -> str:
    """Relative path to the repository's schema when writing inside it, else the published URL."""
    import os

    from ..check.validate import repo_root
    from ..core.paths import real

    schema = repo_root() / "schemas" / "checklist.schema.json"
    try:
        real(out).parent.relative_to(real(repo_root()))
    except ValueError:
        return SCHEMA_URL
    if not schema.exists():
        return SCHEMA_URL
    return Path(os.path.relpath(real(schema), real(out).parent)).as_posix()


# -- Rendering --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One checklist row as the templates see it."""

    id: str
    number: str
    title: str
    what_to_report: str
    tier: str
    domain: str
    na_allowed: bool
    #: "reported", "not-done", "not-applicable" or "missing"
    status: str
    answer: str
    url: str


@dataclass(frozen=True)
class SectionRows:
    title: str
    rows: list[Row]


@dataclass(frozen=True)
class ChecklistContext:
    """Everything the checklist templates use (documented, nothing else is passed)."""

    #: "final" (complete, no findings), "draft" (rendered with findings, marked) or "blank".
    mode: str
    standard_title: str
    standard_version: str
    citation: str
    standard_url: str
    report_title: str
    partnership: str
    manuscript_version: str
    #: "full" or "core"
    scope: str
    sections: list[SectionRows]
    counts: dict[str, int]
    problems: list[str] = field(default_factory=list)
    squire_note: str = ""


def build_context(std: Standard, model: ChecklistFile | None, mode: str, problems: Iterable[str] = ()) -> ChecklistContext:
    sm = std.model
    entries = model.items if model else {}
    scope = model.scope if model else "full"
    required = required_ids(std, scope)
    sections: list[SectionRows] = []
    counts = {"reported": 0, "not-done": 0, "not-applicable": 0, "missing": 0}
    for s in sm.sections:
        rows = []
        for item in s.items:
            e = entries.get(item.id)
            if item.status != "active" or (item.id not in required and not (e and (_text(e.reported_at) or _text(e.not_done)))):
                continue
            where, why = _text(e and e.reported_at), _text(e and e.not_done)
            if where:
                status, answer = "reported", where
            elif why and is_not_applicable(why):
                status, answer = "not-applicable", "Not applicable: " + na_reason(why)
            elif why:
                status, answer = "not-done", _NOT_DONE.sub("", why, count=1) or why
            else:
                status, answer = "missing", ""
            if mode != "blank":
                counts[status] += 1
            rows.append(Row(item.id, item.number, item.title, item.what_to_report, item.tier, item.domain, item.na_allowed, status, answer, _standard.item_url(std, item.id)))
        if rows:
            sections.append(SectionRows(s.title, rows))
    squire = next((c for c in std.crosswalks if c.id == "GX-squire-2"), None)
    note = ""
    if squire is not None:
        note = f"Every element of {squire.guideline} ({squire.citation}; doi:{squire.doi}) maps to an item of this checklist; see the standard's crosswalk."
    r = model.report if model else ReportInfo()
    return ChecklistContext(mode, sm.title, sm.version, sm.citation.text, _standard.standard_url(std), r.title, r.partnership, r.manuscript_version, scope, sections, counts, sorted(problems), note)


def render_html(ctx: ChecklistContext) -> str:
    from ..render.templating import environment

    return environment().get_template("checklist/checklist.html").render(c=ctx)


def render_markdown(ctx: ChecklistContext) -> str:
    from ..render.templating import environment

    return environment(markdown=True).get_template("checklist/checklist.md").render(c=ctx)


def _pdf_meta(ctx: ChecklistContext) -> dict:
    title = f"Reporting checklist: {ctx.report_title}" if ctx.report_title else f"Reporting checklist: {ctx.standard_title}"
    return {"title": title, "author": "LCHD partnership toolkit", "description": f"{ctx.standard_title}, version {ctx.standard_version}", "keywords": ["reporting checklist", "cross-sector partnership", "LCHD", f"version {ctx.standard_version}"]}


#: Findings that stop even a draft: the numbers would not match the standard's.
BLOCKING_CODES = frozenset({"checklist-version-mismatch", "checklist-wrong-standard"})


@dataclass
class RenderResult:
    report: Report
    written: list[Path]


#: The files ``checklist render`` writes into its folder, by format.
FORMAT_FILES = {"html": "checklist.html", "md": "checklist.md", "pdf": "checklist.pdf", "docx": "checklist.docx"}
#: What ``checklist render`` writes when no --format is given (as before Word was added).
DEFAULT_FORMATS = ("html", "md", "pdf")
RENDERED_FILES = tuple(FORMAT_FILES[f] for f in DEFAULT_FORMATS)
#: ``--as``: the standard's own checklist, or the same answers as another guideline's checklist.
VIEWS = ("lchd", "squire")


def rendered_names(formats: Iterable[str] = DEFAULT_FORMATS, view: str = "lchd") -> dict[str, str]:
    """format → file name; the SQUIRE view's files start with ``squire-`` so both can share a folder."""
    prefix = "" if view == "lchd" else f"{view}-"
    return {f: prefix + FORMAT_FILES[f] for f in formats}


def render(path: str | Path, out_dir: "str | Path | OutputFolder", std: Standard, draft: bool = False, formats: Iterable[str] = DEFAULT_FORMATS, view: str = "lchd") -> RenderResult:
    """Check the checklist and write it into ``out_dir`` (HTML, PDF and Markdown by default;
    Word with ``formats=("docx",)``), as the standard's checklist or, with ``view="squire"``,
    as a SQUIRE 2.0 checklist answered through the crosswalk.

    A checklist with findings is not rendered unless ``draft`` is set; a draft is marked as
    such on every page and lists what is still missing. A checklist for another version or
    standard is never rendered: its numbers would not match the standard's.
    """
    from ..check.validate import display_path
    from ..core.safe_output import OutputFolder, OutputGuard

    names = rendered_names(formats, view)
    p = Path(path)
    # checked before rendering (the PDF takes seconds): never over the checklist itself
    folder = out_dir if isinstance(out_dir, OutputFolder) else OutputGuard(inputs=[p]).folder(out_dir, tuple(names.values()))
    doc = load_document(p, display=display_path(p), expect="checklist")
    report = check_document(doc, std)
    if doc.model is None or any(f.fatal for f in report.findings) or BLOCKING_CODES & set(report.codes()) or (report.findings and not draft):
        return RenderResult(report, [])
    problems = [f"line {f.line}: {f.message}" if f.line else f.message for f in report.findings]
    mode = "draft" if report.findings else "final"
    if view == "squire":
        from .checklist_squire import squire_context

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
        from ..render import pdf as _pdf

        files[names["pdf"]] = _pdf.render_pdf(html, **_pdf_meta(ctx))
    if "docx" in names:
        from .checklist_docx import render_docx

        files[names["docx"]] = render_docx(ctx, std.model.release_date)
    written = folder.write(files)
    return RenderResult(report, written)


# -- For the documentation site ---------------------------------------------------------------


def blank_checklist_yaml(std: Standard) -> str:
    """The blank checklist offered for download on the site (schema named by URL)."""
    return blank_checklist(std, SCHEMA_URL)


def blank_checklist_pdf(std: Standard) -> bytes:
    """The blank checklist as a printable PDF (empty answer column).

    Cached by content in the user's cache folder: the site rebuilds it on every full
    regeneration, and rendering it was most of that time."""
    from ..core.paths import cache_dir
    from ..render import pdf

    ctx = build_context(std, None, "blank")
    return pdf.render_pdf_cached(render_html(ctx), cache_dir("pdf"), **_pdf_meta(ctx))


def blank_checklist_html(std: Standard) -> str:
    return render_html(build_context(std, None, "blank"))


# -- The write-up template --------------------------------------------------------------------


@dataclass(frozen=True)
class Prefill:
    """Blocks of Markdown placed under items of the write-up template, by item ID."""

    blocks: dict[str, str]
    notes: list[str]


def _md(value: object) -> str:
    from ..render.filters import md_escape

    return md_escape(str(value))


def partnership_prefill(folder: str | Path) -> Prefill:
    """Composition from ``partnership.yaml`` and a self-assessment summary from the scorer.

    Only what the data hold is written; the scorer's own suppression of small groups is kept
    (its result never holds a number for a group below the minimum cell size).
    """
    from ..core.errors import InputError
    from ..load.partnership import load_partnership

    folder = Path(folder)
    p = load_partnership(folder)
    notes: list[str] = []
    labels: dict[str, str] = {}
    try:
        from ..load.instrument import load_assessment

        labels = {s.id: s.label for s in load_assessment().instrument.sectors}
    except InputError as exc:  # the roster still prints, with sector codes
        notes.append(f"sector names not available ({exc}); sector codes are shown")
    by_sector: dict[str, list[str]] = {}
    for r in p.roster:
        by_sector.setdefault(r.sector, []).append(r.name)
    order = list(labels) + sorted(set(by_sector) - set(labels))
    rows = [f"| {_md(labels.get(s, s))} | {len(by_sector[s])} | {_md('; '.join(sorted(by_sector[s])))} |" for s in order if s in by_sector]
    roster = "\n".join([
        f"*Pre-filled from `partnership.yaml`: {len(p.roster)} partner organisations of {_md(p.name)} ({_md(p.scale)} scale; serving {_md(p.population_focus)}). Add each partner's role, staff time, and when it joined or left.*",
        "",
        "| Sector | Organisations | Partners |",
        "|---|---|---|",
        *rows,
    ])
    blocks = {"RS-partner-roster": roster}
    try:
        from ..score.scoring import ResponsesError, score_partnership

        result = score_partnership(folder)
    except (InputError, ResponsesError) as exc:
        msg = "; ".join(f.format_text() for f in getattr(exc, "findings", [])[:3]) or str(exc)
        notes.append(f"self-assessment summary not pre-filled: {msg}")
        return Prefill(blocks, notes)
    blocks["RS-partnership-measures"] = _measures_block(result)
    blocks["RS-partnership-outcomes"] = _outcomes_block(result)
    return Prefill(blocks, notes)


def _measures_block(r: Any) -> str:
    reps = ", ".join(f"{_md(s.label)}: {_md(s.display)}" for s in r.representation.by_sector if s.on_roster)
    silent = f" No one answered from: {_md(', '.join(r.representation.silent_sectors))}." if r.representation.silent_sectors else ""
    return "\n".join([
        f"*Pre-filled from the self-assessment: members answered the LCHD readiness self-assessment (instrument {_md(r.instrument_id)} {_md(r.instrument_version)}, scoring rules {_md(r.scoring_rules_version)}, framework {_md(r.framework_version)}) in wave(s) {_md(', '.join(r.waves_available))}; {r.n_respondents} respondents in wave {_md(r.wave)}.*",
        "",
        f"Respondents by sector (groups smaller than {r.method.min_cell_size} are not shown): {reps}.{silent}",
    ])


def _outcomes_block(r: Any) -> str:
    from ..render.filters import interval, score

    lines = [
        f"*Pre-filled from the self-assessment, wave {_md(r.wave)} ({r.n_respondents} respondents). Scores are 0–100 readiness scores, not outcome measures; interpret them with the partners.*",
        "",
        "| Element | Score | 95% interval | Level | Community vs institutional view |",
        "|---|---|---|---|---|",
    ]
    gaps = {g.id: g for g in r.gaps}
    for e in r.elements:
        g = gaps.get(e.id)
        view = _md(g.code.replace("-", " ")) if g else ""
        name = _md(e.name) if e.id == "overall" else f"{_md(e.id)} {_md(e.name)}"
        lines.append(f"| {name} | {score(e.score, 1)} | {interval(e.interval, 1)} | {_md(e.level_label or '—')} | {view} |")
    if r.change is not None:
        changed = [f"{_md(c.id)} {c.flag.replace('-', ' ')}" + (f" ({c.delta:+.1f})" if c.delta is not None else "") for c in r.change.elements]
        lines += ["", f"Change since wave {_md(r.change.previous_wave)} (meaningful change: {r.change.threshold:g} points or more): {'; '.join(changed)}."]
    lines += ["", f"{_md(r.gating.explanation)}"]
    return "\n".join(lines)


def writeup_template(std: Standard, partnership: str | Path | None = None) -> tuple[str, list[str]]:
    """The Markdown write-up template and notes for the user (what could not be pre-filled)."""
    from ..render.templating import environment

    prefill = partnership_prefill(partnership) if partnership else Prefill({}, [])
    text = environment(markdown=True).get_template("checklist/writeup-template.md").render(s=std.model, prefill=prefill.blocks)
    return text, prefill.notes


# -- Demo -------------------------------------------------------------------------------------

DEMO_PARTNERSHIP = "assessments/examples/harbour-city-family-network"


def demo_step(out: Path) -> tuple[int, str]:
    """Render the example filled checklist, and write a blank checklist and a pre-filled
    write-up template beside it."""
    from ..core.outputs import write_atomic
    from ..load.standard import load_standard
    from ..check.validate import repo_root

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


def site_downloads(std: Standard) -> dict[str, bytes]:
    """Files the site offers under ``reporting-standard/`` (names match ``site_overview``'s
    ``downloads``): the blank checklist as YAML and as a printable PDF."""
    return {
        "checklist.yaml": blank_checklist_yaml(std).encode("utf-8"),
        "checklist.pdf": blank_checklist_pdf(std),
    }

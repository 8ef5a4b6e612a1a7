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

import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

# The file's model and kind live in load/, its checks in check/; their names stay importable
# from here for the commands and tests that use this module as the checklist tools' surface.
from ..check.checklist import (  # noqa: F401  (re-exported)
    NOT_DONE_PREFIX,
    check_document,
    check_file,
    checklist_findings,
    is_not_applicable,
    na_reason,
    required_ids,
    text_of as _text,
)
from ..core.findings import Report
from ..core.paths import display_path
from ..core.safe_output import OutputFolder, OutputGuard
from ..load import standard as _standard
from ..load.documents import load_document
from ..load.checklist import CHECKLIST, ChecklistEntry, ChecklistFile, ReportInfo  # noqa: F401  (re-exported)
from ..load.standard import Standard

# -- The blank checklist ----------------------------------------------------------------------

SCHEMA_URL = "https://lchd-toolkit.github.io/lchd-framework/schemas/checklist.schema.json"


def _q(value: str) -> str:
    """A YAML double-quoted scalar."""
    out = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{out}"'


def _comment(text: str, prefix: str, width: int = 92) -> list[str]:
    """``text`` wrapped into comment lines that all start with ``prefix`` (e.g. "  #   ")."""
    return [
        f"{prefix}{line}".rstrip() for line in textwrap.wrap(" ".join(text.split()), width=width - len(prefix))
    ] or [prefix.rstrip()]


def blank_checklist(
    std: Standard,
    schema_ref: str = SCHEMA_URL,
    answers: dict[str, tuple[str, str]] | None = None,
    report: ReportInfo | None = None,
    scope: str = "full",
) -> str:
    """The fillable checklist as YAML text, each item's number, title and text as comments.

    ``scope="core"`` writes the core items only (for a first report or a funder's minimum).
    """
    sm = std.model
    required = required_ids(std, scope)
    scope_note = (
        []
        if scope == "full"
        else [
            f"# Scope: core items only ({len(required)} of {len(std.items())}). You may add extended items at any time:",
            "# copy their IDs from a full checklist (`lchd-assess checklist new`); they are then checked too.",
        ]
    )
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
        lines += [
            "",
            f"  # ---- {section.title}: {section.question} "
            + "-" * max(3, 70 - len(section.title) - len(section.question)),
        ]
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

    from ..core.paths import real, repo_root

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


def build_context(
    std: Standard, model: ChecklistFile | None, mode: str, problems: Iterable[str] = ()
) -> ChecklistContext:
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
            if item.status != "active" or (
                item.id not in required and not (e and (_text(e.reported_at) or _text(e.not_done)))
            ):
                continue
            where, why = _text(e and e.reported_at), _text(e and e.not_done)
            if where:
                status, answer = "reported", where
            elif why and is_not_applicable(why):
                status, answer = "not-applicable", "Not applicable: " + na_reason(why)
            elif why:
                status, answer = "not-done", NOT_DONE_PREFIX.sub("", why, count=1) or why
            else:
                status, answer = "missing", ""
            if mode != "blank":
                counts[status] += 1
            rows.append(
                Row(
                    item.id,
                    item.number,
                    item.title,
                    item.what_to_report,
                    item.tier,
                    item.domain,
                    item.na_allowed,
                    status,
                    answer,
                    _standard.item_url(std, item.id),
                )
            )
        if rows:
            sections.append(SectionRows(s.title, rows))
    squire = next((c for c in std.crosswalks if c.id == "GX-squire-2"), None)
    note = ""
    if squire is not None:
        note = f"Every element of {squire.guideline} ({squire.citation}; doi:{squire.doi}) maps to an item of this checklist; see the standard's crosswalk."
    r = model.report if model else ReportInfo()
    return ChecklistContext(
        mode,
        sm.title,
        sm.version,
        sm.citation.text,
        _standard.standard_url(std),
        r.title,
        r.partnership,
        r.manuscript_version,
        scope,
        sections,
        counts,
        sorted(problems),
        note,
    )


def render_html(ctx: ChecklistContext) -> str:
    from ..render.templating import environment

    return environment().get_template("checklist/checklist.html").render(c=ctx)


def render_markdown(ctx: ChecklistContext) -> str:
    from ..render.templating import environment

    return environment(markdown=True).get_template("checklist/checklist.md").render(c=ctx)


def _pdf_meta(ctx: ChecklistContext) -> dict:
    title = (
        f"Reporting checklist: {ctx.report_title}" if ctx.report_title else f"Reporting checklist: {ctx.standard_title}"
    )
    return {
        "title": title,
        "author": "LCHD partnership toolkit",
        "description": f"{ctx.standard_title}, version {ctx.standard_version}",
        "keywords": ["reporting checklist", "cross-sector partnership", "LCHD", f"version {ctx.standard_version}"],
    }


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
    from ..core.formatting import md_escape

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
    rows = [
        f"| {_md(labels.get(s, s))} | {len(by_sector[s])} | {_md('; '.join(sorted(by_sector[s])))} |"
        for s in order
        if s in by_sector
    ]
    roster = "\n".join(
        [
            f"*Pre-filled from `partnership.yaml`: {len(p.roster)} partner organisations of {_md(p.name)} ({_md(p.scale)} scale; serving {_md(p.population_focus)}). Add each partner's role, staff time, and when it joined or left.*",
            "",
            "| Sector | Organisations | Partners |",
            "|---|---|---|",
            *rows,
        ]
    )
    blocks = {"RS-partner-roster": roster}
    try:
        from ..app.score import (
            ResponsesError,
            score_partnership,
        )  # a use case inside formats/ (known debt, see pyproject ignore_imports)

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
    silent = (
        f" No one answered from: {_md(', '.join(r.representation.silent_sectors))}."
        if r.representation.silent_sectors
        else ""
    )
    return "\n".join(
        [
            f"*Pre-filled from the self-assessment: members answered the LCHD readiness self-assessment (instrument {_md(r.instrument_id)} {_md(r.instrument_version)}, scoring rules {_md(r.scoring_rules_version)}, framework {_md(r.framework_version)}) in wave(s) {_md(', '.join(r.waves_available))}; {r.n_respondents} respondents in wave {_md(r.wave)}.*",
            "",
            f"Respondents by sector (groups smaller than {r.method.min_cell_size} are not shown): {reps}.{silent}",
        ]
    )


def _outcomes_block(r: Any) -> str:
    from ..core.formatting import interval, score

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
        lines.append(
            f"| {name} | {score(e.score, 1)} | {interval(e.interval, 1)} | {_md(e.level_label or '—')} | {view} |"
        )
    if r.change is not None:
        changed = [
            f"{_md(c.id)} {c.flag.replace('-', ' ')}" + (f" ({c.delta:+.1f})" if c.delta is not None else "")
            for c in r.change.elements
        ]
        lines += [
            "",
            f"Change since wave {_md(r.change.previous_wave)} (meaningful change: {r.change.threshold:g} points or more): {'; '.join(changed)}.",
        ]
    lines += ["", f"{_md(r.gating.explanation)}"]
    return "\n".join(lines)


def writeup_template(std: Standard, partnership: str | Path | None = None) -> tuple[str, list[str]]:
    """The Markdown write-up template and notes for the user (what could not be pre-filled)."""
    from ..render.templating import environment

    prefill = partnership_prefill(partnership) if partnership else Prefill({}, [])
    text = (
        environment(markdown=True)
        .get_template("checklist/writeup-template.md")
        .render(s=std.model, prefill=prefill.blocks)
    )
    return text, prefill.notes


# -- Demo -------------------------------------------------------------------------------------

DEMO_PARTNERSHIP = "assessments/examples/harbour-city-family-network"


def demo_step(out: Path) -> tuple[int, str]:
    """Render the example filled checklist, and write a blank checklist and a pre-filled
    write-up template beside it."""
    from ..core.outputs import write_atomic
    from ..load.framework import load_standard
    from ..core.paths import repo_root

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

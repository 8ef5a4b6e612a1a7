"""The reporting checklist's file: the blank checklist an author fills, as YAML.

A checklist is YAML of kind ``checklist``: the standard's ID and version, and for each item ID a
``reported_at`` (where in the report the item is addressed) and a ``not_done`` (why it is not).
:func:`blank_checklist` writes one with each item's number, title and text as comments.  The
file's model is :mod:`lchd_assess.load.checklist`; checking it, :mod:`lchd_assess.check.checklist`;
the rendered checklist, :mod:`lchd_assess.context.checklist` and :mod:`lchd_assess.render.checklist`;
the use cases (render, write-up template, demo), :mod:`lchd_assess.app.checklist`.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from ..core.paths import real, repo_root
from ..load.checklist import ReportInfo, required_ids
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
    Long because it is the file's text in reading order (header comments, then each section's
    items), which is easiest to check against the file it writes.
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
    schema = repo_root() / "schemas" / "checklist.schema.json"
    try:
        real(out).parent.relative_to(real(repo_root()))
    except ValueError:
        return SCHEMA_URL
    if not schema.exists():
        return SCHEMA_URL
    return Path(os.path.relpath(real(schema), real(out).parent)).as_posix()


# -- For the documentation site ---------------------------------------------------------------


def blank_checklist_yaml(std: Standard) -> str:
    """The blank checklist offered for download on the site (schema named by URL)."""
    return blank_checklist(std, SCHEMA_URL)

"""Google Forms, Microsoft Forms and Qualtrics: questions as text to paste, exports read back.

None of the three imports a questionnaire file, so ``forms-text`` writes the questions as plain
text: each title starts with a tag (``[P1.Q1]``, ``[sector]``, ``[role]``) and each choice is on
its own line, ready to paste into a multiple-choice question.  The tags come back as the column
titles of every export, and the import reads them, so columns are matched by the instrument's
IDs, never by position or wording.

Exports read back (detected from the header):

* Google Forms' CSV (``Timestamp``, ``Email Address`` when e-mails are collected, then one
  column per question titled with the question);
* Microsoft Forms' XLSX (``ID``, ``Start time``, ``Completion time``, ``Email``, ``Name`` …);
* Qualtrics' CSV with its three header rows (export tags such as ``Q1``; question texts;
  ``{"ImportId": …}``), downloaded with "Use choice text".

Answers are the choices' text.  Timestamps are ignored; e-mail, name, IP address, location and
recipient columns are personal data and never read.  Qualtrics preview and test responses are
left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..load.instrument import InstrumentFile
from . import platform_common as pc
from . import platform_table as pt

GOOGLE_META = {"timestamp"}
MICROSOFT_META = {"id", "start time", "completion time", "last modified time"}
QUALTRICS_META = {
    "startdate",
    "enddate",
    "status",
    "progress",
    "duration (in seconds)",
    "finished",
    "recordeddate",
    "responseid",
    "externalreference",
    "distributionchannel",
    "userlanguage",
    "q_recaptchascore",
    "q_relevantidduplicate",
    "q_relevantidduplicatescore",
    "q_relevantidfraudscore",
    "q_relevantidlaststartdate",
    "q_ballotboxstuffing",
}
QUALTRICS_SKIP_STATUS = {"survey preview", "survey test", "spam", "1", "2", "8"}


def forms_text(inst: InstrumentFile) -> str:
    """The questions, one block each, for pasting into Google Forms or Microsoft Forms."""
    L: list[str] = []
    L.append(f"{inst.title}, version {inst.version}")
    L.append("")
    L.append("How to use this file: create the form, then for each block below add a Multiple choice")
    L.append("question, paste the first line as its title (keep the tag in square brackets at the")
    L.append("start: the import reads it) and paste the choice lines into the first option (each line")
    L.append("becomes an option). Keep the choices' text as it is. Mark the sector and role")
    L.append("questions as required. Do not collect e-mail addresses.")
    L.append("Section lines (=== … ===) are section headings with their description.")
    L.append("")
    L.append("Form description:")
    L.append(" ".join(inst.instructions.split()))
    L.append("")
    L.append(f"[sector] {pc.SECTOR_QUESTION}")
    L += [s.label for s in inst.sectors]
    L.append("")
    L.append(f"[role] {pc.ROLE_QUESTION}")
    L += [r.label for r in inst.roles]
    for sec in inst.sections:
        items = [i for i in inst.active_items() if i.element == sec.element]
        if not items:
            continue
        L.append("")
        L.append(f"=== {sec.element}: {sec.title} ===")
        L.append(" ".join(sec.intro.split()))
        for item in items:
            L.append("")
            L.append(f"[{item.id}] {' '.join(item.stem.split())}")
            L += [pc.choice_text(inst, item, n) for n in range(5)]
            L += [a.label for a in inst.special_answers]
    return "\n".join(L) + "\n"


def _detect(rows: list[tuple[int, list[str]]]) -> str:
    first = [c.strip().lower() for c in rows[0][1]]
    third = rows[2][1] if len(rows) > 2 else []
    if "responseid" in first or any(c.strip().startswith('{"ImportId"') for c in third):
        return "qualtrics"
    if "completion time" in first or "start time" in first:
        return "microsoft"
    return "google"


def _qualtrics_headers(rows: list, header: list[str]) -> tuple[list[str], list[str], list]:
    """(header, column names, data rows) of a Qualtrics export. Row 1: export tags (Q1 …);
    row 2: question texts with our tags, which name our columns; row 3: import IDs."""
    texts = rows[1][1] + [""] * (len(header) - len(rows[1][1]))
    header = [
        t if pc.item_of_header(t) or t.strip().lower().startswith(("[sector]", "[role]")) else h
        for h, t in zip(header, texts)
    ]
    return header, texts, rows[3:]


def read_export(
    path: str | Path, inst: InstrumentFile, display: str | None = None, variants: Sequence[InstrumentFile] = ()
) -> pc.PlatformImport:
    """Respondent rows from a Google Forms, Microsoft Forms or Qualtrics export."""
    path = Path(path)
    res = pc.PlatformImport(file=display or str(path), platform="forms")
    table = pt.read_table(path, res)
    if table is None:
        return res
    kind = _detect(table.rows)
    res.platform = kind
    header_line, header = table.rows[0]
    data = table.rows[1:]
    names = header
    if kind == "qualtrics":
        if len(table.rows) < 3:
            res.add(
                "import-unreadable",
                "a Qualtrics export has three header rows; this one has fewer (download it again as CSV)",
                1,
            )
            return res
        header, names, data = _qualtrics_headers(table.rows, header)
    meta = {"google": GOOGLE_META, "microsoft": MICROSOFT_META, "qualtrics": QUALTRICS_META}[kind]

    def classify(name: str) -> tuple[str, str | None] | None:
        low = name.strip().lower()
        if low in meta:
            if low in ("id", "responseid"):
                return (pc.RID, None)
            if kind == "qualtrics" and low == "status":
                return ("status", None)
            return (pc.META, None)
        return pc.classify_common(name)

    cols = pt.plan_columns(res, inst, header, header_line, classify, names)
    if cols is None:
        return res
    rid = cols.index(pc.RID)
    st = cols.index("status")
    prefix = {"google": "G", "microsoft": "M", "qualtrics": ""}[kind]
    ordinal = {line: k + 1 for k, (line, _) in enumerate(data)}

    def make_id(line: int, cells: list[str]) -> str:
        if rid is not None and cells[rid].strip():
            return prefix + cells[rid].strip()
        # Google Forms has no response ID: number rows in the export's (submission) order,
        # which stays the same when the form is downloaded again later.
        return f"{prefix}{ordinal[line]:03d}"

    def skip(line: int, cells: list[str]) -> str | None:
        if st is not None and cells[st].strip().lower() in QUALTRICS_SKIP_STATUS:
            return "Qualtrics preview, test or spam response"
        return None

    # Answers are the choices' text; a bare number would be Qualtrics' recode value, which is
    # not the level (its first choice is 1), so numbers are refused rather than guessed.
    pt.read_rows(res, inst, cols, data, make_id, None, skip=skip, variants=variants)
    return res

"""REDCap: the instrument as a data dictionary, and REDCap's CSV export read back.

The dictionary has REDCap's 18 columns in REDCap's order and spelling (``Variable / Field Name``
… ``Field Annotation``).  Field names follow REDCap's rule (lower-case letters, digits and
underscores, starting with a letter): item ``P1.Q1`` is field ``p1_q1`` and its comment
``p1_q1_comment``; the item ID itself stands in the field annotation and as the survey's
question number, so nothing is matched by guesswork.

Answer codes.  Levels are the codes ``0``–``4`` (a radio field's code may be 0; only checkbox
fields have trouble with it).  "Don't know" is ``DK``.  "Not applicable" is ``NAP``, not
``NA``: REDCap accepts letters in choice codes, but a bare ``NA`` is read as a missing value by
R's ``read.csv`` and by pandas — the tools REDCap's own export scripts use — so the answer would
silently turn into a blank in every analysis done outside the toolkit, and REDCap's optional
missing-data codes reserve ``NA`` too.  Sector and role codes use underscores (``health_care``)
because REDCap codes are safest without dashes.

The export: ``record_id`` (or the label header ``Record ID``), ``redcap_event_name`` in
longitudinal projects (one event is one wave: ``--event`` picks it), the repeat and survey
columns, every field, and ``<form>_complete`` (0 Incomplete, 1 Unverified, 2 Complete).  Raw
codes or labels, raw variable names or label headers, with or without a byte-order mark.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Sequence

from ..load.instrument import DONT_KNOW, NOT_APPLICABLE, InstrumentFile
from . import platform_common as pc
from . import platform_table as pt
from ..core.outputs import csv_text
from ..core.formatting import plural

#: The data dictionary's header, exactly as REDCap writes and reads it (columns A–R).
DICTIONARY_HEADER = (
    "Variable / Field Name",
    "Form Name",
    "Section Header",
    "Field Type",
    "Field Label",
    "Choices, Calculations, OR Slider Labels",
    "Field Note",
    "Text Validation Type OR Show Slider Number",
    "Text Validation Min",
    "Text Validation Max",
    "Identifier?",
    "Branching Logic (Show field only if...)",
    "Required Field?",
    "Custom Alignment",
    "Question Number (surveys only)",
    "Matrix Group Name",
    "Matrix Ranking?",
    "Field Annotation",
)
RAW_CODES = {DONT_KNOW: "DK", NOT_APPLICABLE: "NAP"}
COMPLETE = {"0": "Incomplete", "1": "Unverified", "2": "Complete"}
#: REDCap's own columns in an export, raw name and label header.
FIXED = {
    "record_id": "Record ID",
    "redcap_event_name": "Event Name",
    "redcap_repeat_instrument": "Repeat Instrument",
    "redcap_repeat_instance": "Repeat Instance",
    "redcap_data_access_group": "Data Access Group",
    "redcap_survey_identifier": "Survey Identifier",
}


def form_name(inst: InstrumentFile) -> str:
    return re.sub(r"[^a-z0-9]+", "_", inst.id.lower()).strip("_")


def field_name(item_id: str) -> str:
    return item_id.lower().replace(".", "_")


def _choices(pairs: list[tuple[str, str]]) -> str:
    # REDCap splits each choice at its first comma and the list at pipes; a pipe in a label
    # would split it, so it is replaced (no current text has one).
    return " | ".join(f"{code}, {label.replace('|', '/')}" for code, label in pairs)


def _row(**cells: str) -> list[str]:
    keys = (
        "name",
        "form",
        "section",
        "type",
        "label",
        "choices",
        "note",
        "validation",
        "vmin",
        "vmax",
        "identifier",
        "branching",
        "required",
        "alignment",
        "number",
        "matrix",
        "ranking",
        "annotation",
    )
    return [cells.get(k, "") for k in keys]


def dictionary_rows(inst: InstrumentFile) -> list[list[str]]:
    """The data dictionary, header first: one field per item, sections per element."""
    form = form_name(inst)
    return [list(DICTIONARY_HEADER), *_respondent_fields(inst, form), *_item_fields(inst, form)]


def _respondent_fields(inst: InstrumentFile, form: str) -> list[list[str]]:
    """Record ID, the hidden instrument version, the instructions, sector and role."""
    rows = []
    rows.append(
        _row(
            name="record_id",
            form=form,
            type="text",
            label="Record ID",
            annotation="Respondent code: let REDCap number the records; never a name",
        )
    )
    rows.append(
        _row(
            name="instrument_version",
            form=form,
            type="text",
            label="Instrument version",
            annotation=f"LCHD instrument version, filled in by REDCap: @DEFAULT='{inst.version}' @READONLY @HIDDEN-SURVEY",
        )
    )
    rows.append(
        _row(
            name="instructions",
            form=form,
            section="About you (no names)",
            type="descriptive",
            label=" ".join(inst.instructions.split()),
        )
    )
    rows.append(
        _row(
            name="sector",
            form=form,
            type="dropdown",
            label=pc.SECTOR_QUESTION,
            choices=_choices([(s.id.replace("-", "_"), s.label) for s in inst.sectors]),
            required="y",
        )
    )
    rows.append(
        _row(
            name="role",
            form=form,
            type="dropdown",
            label=pc.ROLE_QUESTION,
            choices=_choices([(r.id.replace("-", "_"), r.label) for r in inst.roles]),
            required="y",
        )
    )
    return rows


def _item_fields(inst: InstrumentFile, form: str) -> list[list[str]]:
    """A radio field and a comment field per active item, a section header per element."""
    rows = []
    for sec in inst.sections:
        first = True
        for item in inst.active_items():
            if item.element != sec.element:
                continue
            pairs = [(str(n), pc.choice_text(inst, item, n)) for n in range(5)]
            pairs += [(RAW_CODES[a.code], a.label) for a in inst.special_answers]
            header = f"{sec.element}: {sec.title} — {' '.join(sec.intro.split())}" if first else ""
            rows.append(
                _row(
                    name=field_name(item.id),
                    form=form,
                    section=header,
                    type="radio",
                    label=" ".join(item.stem.split()),
                    choices=_choices(pairs),
                    number=item.id,
                    annotation=f"LCHD item {item.id} (instrument {inst.id} {inst.version})",
                )
            )
            rows.append(
                _row(
                    name=field_name(item.id) + pc.COMMENT_SUFFIX,
                    form=form,
                    type="notes",
                    label=pc.comment_label(item.id),
                    annotation=f"LCHD comment on {item.id}",
                )
            )
            first = False
    return rows


def dictionary_csv(inst: InstrumentFile) -> str:
    """The dictionary as CSV text.  No cell starts with = + - @ (an action tag stands after
    words), so the toolkit's CSV writer, which neutralises such cells against spreadsheet
    formulas, leaves every cell exactly as REDCap must read it (a test checks it)."""
    # Field Annotation holds REDCap action tags (@DEFAULT=…), which REDCap reads only at the start
    # of the cell; the tags are the toolkit's own text, so that one column is written as it is
    return csv_text(dictionary_rows(inst), verbatim_columns=(DICTIONARY_HEADER.index("Field Annotation"),))


# -- Reading REDCap's export -------------------------------------------------------------------


def _label_headers(inst: InstrumentFile) -> dict[str, tuple[str, str | None]]:
    """Label header (as REDCap writes it: the field label) → column kind."""
    out: dict[str, tuple[str, str | None]] = {
        "record id": (pc.RID, None),
        "event name": ("event", None),
        "complete?": ("complete", None),
        "instrument version": (pc.VERSION, None),
        pc.SECTOR_QUESTION.lower(): (pc.SECTOR, None),
        pc.ROLE_QUESTION.lower(): (pc.ROLE, None),
    }
    for item in inst.items:
        out[" ".join(item.stem.split()).lower()] = (pc.ITEM, item.id)
        out[pc.comment_label(item.id).lower()] = (pc.COMMENT, item.id)
    for label in FIXED.values():
        out.setdefault(label.lower(), (pc.META, None))
    out["survey timestamp"] = (pc.META, None)
    return out


def _classifier(inst: InstrumentFile) -> Callable[[str], tuple[str, str | None] | None]:
    """What each column of a REDCap export is: record ID, event, completeness, REDCap's own
    fields, one of our fields by its label, or what the common rules say."""
    form = form_name(inst)
    labels = _label_headers(inst)

    def classify(name: str) -> tuple[str, str | None] | None:
        low = " ".join(name.split()).lower()
        if low == "record_id":
            return (pc.RID, None)
        if low == "redcap_event_name":
            return ("event", None)
        if low == f"{form}_complete":
            return ("complete", None)
        if low in FIXED or low.endswith("_timestamp") or low.startswith("redcap_"):
            return (pc.META, None)
        if low in labels:
            return labels[low]
        return pc.classify_common(name)

    return classify


def _one_event(res: pc.PlatformImport, data: list, ev: int, event: str | None, header_line: int) -> bool:
    """False (with a finding) when a longitudinal export holds several events and none was
    chosen, or the chosen one is not there: each event is one wave."""
    events = sorted({rec[ev].strip() for _, rec in data if ev < len(rec) and rec[ev].strip()})
    if event is None and len(events) > 1:
        res.add(
            "import-options",
            f"the export holds {len(events)} events ({', '.join(events)}); import one at a time with --event NAME (each event is one wave)",
            header_line,
            ev + 1,
        )
        return False
    if event is not None and event not in events:
        res.add(
            "import-options",
            f"no record is in event '{event}'; the export has: {', '.join(events) or 'none'}",
            header_line,
            ev + 1,
        )
        return False
    return True


def read_export(
    path: str | Path,
    inst: InstrumentFile,
    display: str | None = None,
    event: str | None = None,
    variants: Sequence[InstrumentFile] = (),
) -> pc.PlatformImport:
    """Respondent rows from REDCap's CSV export (raw or labels); findings for what is wrong."""
    path = Path(path)
    res = pc.PlatformImport(file=display or str(path), platform="redcap")
    table = pt.read_table(path, res)
    if table is None:
        return res
    header_line, header = table.rows[0]
    cols = pt.plan_columns(res, inst, header, header_line, _classifier(inst))
    if cols is None:
        return res
    rid = cols.index(pc.RID)
    if rid is None:
        res.add(
            "import-unreadable",
            "the export has no record_id column: is it a REDCap export? Export the whole project (Data Exports, All data), not a report without record_id",
            header_line,
            1,
        )
        return res
    data = table.rows[1:]
    ev = cols.index("event")
    if ev is not None and not _one_event(res, data, ev, event, header_line):
        return res
    cp = cols.index("complete")
    incomplete: list[int] = []

    def skip(line: int, cells: list[str]) -> str | None:
        if ev is not None and event is not None and cells[ev].strip() != event:
            return f"other event than '{event}'"
        if cp is not None and cells[cp].strip() in ("0", "Incomplete"):
            incomplete.append(line)
        return None

    codes = pc.our_codes({v: k for k, v in RAW_CODES.items()})
    pt.read_rows(res, inst, cols, data, lambda line, cells: cells[rid].strip(), codes, skip=skip, variants=variants)
    if incomplete:
        res.note(
            "import-incomplete-record",
            f"{plural(len(incomplete), 'record')} {'is' if len(incomplete) == 1 else 'are'} marked Incomplete in REDCap; the answers so far were imported ({'line' if len(incomplete) == 1 else 'lines'} {', '.join(map(str, incomplete[:5]))})",
            incomplete[0],
        )
    return res

"""XLSForm (KoboToolbox, ODK): the instrument as a form workbook, and their exports read back.

The workbook has the three sheets XLSForm defines: ``survey`` (a ``begin_group``/``end_group``
per element, named by the element ID; a ``select_one`` per item named by the item ID, so the
instrument's IDs are the form's field names), ``choices`` (one list per item, because each item
has its own anchored levels; choice names are the toolkit's codes ``0``–``4``, ``DK``, ``NA``)
and ``settings`` (``form_id``, ``form_title``, ``version`` = the instrument version).  A
``calculate`` field ``instrument_version`` carries the version into every submission, so an
export from an older form is recognised.

Exports read back: KoboToolbox's CSV (semicolon-separated by default) or XLSX, with "XML values
and headers" or labels, with or without group names in the headers (``P1/P1.Q1``); ODK
Central's CSV (``P1-P1.Q1``, ``SubmissionDate``, ``KEY``, ``ReviewState`` …).  Submission
metadata is ignored; user and device names are personal data and never read.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Callable, Sequence
import datetime
import zipfile

from ..load.instrument import InstrumentFile
from . import platform_common as pc
from . import platform_table as pt

SURVEY_HEADER = ["type", "name", "label", "hint", "required", "appearance", "calculation"]
CHOICES_HEADER = ["list_name", "name", "label"]
SETTINGS_HEADER = ["form_title", "form_id", "version", "instance_name"]


def form_id(inst: InstrumentFile) -> str:
    return inst.id.replace("-", "_")


def choice_list(item_id: str) -> str:
    return "levels_" + item_id.lower().replace(".", "_")


def sheets(inst: InstrumentFile) -> dict[str, list[list[str]]]:
    """The workbook's three sheets as rows (header first)."""

    def srow(**c: str) -> list[str]:
        return [c.get(k, "") for k in SURVEY_HEADER]

    survey = [SURVEY_HEADER]
    survey.append(srow(type="note", name="instructions", label=" ".join(inst.instructions.split())))
    survey.append(srow(type="select_one sectors", name="sector", label=pc.SECTOR_QUESTION, required="yes"))
    survey.append(srow(type="select_one roles", name="role", label=pc.ROLE_QUESTION, required="yes"))
    choices = [CHOICES_HEADER]
    choices += [["sectors", s.id, s.label] for s in inst.sectors]
    choices += [["roles", r.id, r.label] for r in inst.roles]
    for sec in inst.sections:
        items = [i for i in inst.active_items() if i.element == sec.element]
        if not items:
            continue
        survey.append(srow(type="begin_group", name=sec.element, label=f"{sec.element}: {sec.title}"))
        survey.append(srow(type="note", name=f"{sec.element}_intro", label=" ".join(sec.intro.split())))
        for item in items:
            lst = choice_list(item.id)
            # Items are not required: "Don't know" is a better answer than a forced guess,
            # and a skipped item is a blank the scorer already handles.
            survey.append(srow(type=f"select_one {lst}", name=item.id, label=" ".join(item.stem.split())))
            survey.append(
                srow(
                    type="text",
                    name=item.id + pc.COMMENT_SUFFIX,
                    label=pc.comment_label(item.id),
                    appearance="multiline",
                )
            )
            choices += [[lst, str(n), pc.choice_text(inst, item, n)] for n in range(5)]
            choices += [[lst, a.code, a.label] for a in inst.special_answers]
        survey.append(srow(type="end_group", name=sec.element))
    survey.append(srow(type="calculate", name="instrument_version", calculation=f"'{inst.version}'"))
    settings = [SETTINGS_HEADER, [f"{inst.title} ({inst.version})", form_id(inst), inst.version, ""]]
    return {"survey": survey, "choices": choices, "settings": settings}


def workbook_bytes(inst: InstrumentFile) -> bytes:
    """The XLSForm as .xlsx bytes, identical on every run (fixed workbook dates)."""
    import openpyxl  # lazily: ~0.15 s, needed only for this export (see formats/workbook.py)

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets(inst).items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    # openpyxl stamps the current time into docProps/core.xml; a fixed date keeps reruns identical.
    fixed = datetime.datetime(2000, 1, 1)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "lchd-assess"
    buf = io.BytesIO()
    wb.save(buf)
    return _normalise_zip(buf.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the zip with fixed member dates so the same form gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time here whatever the properties say.
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", data)
            dst.writestr(zi, data)
    return out.getvalue()


# -- Reading KoboToolbox and ODK Central exports ----------------------------------------------

#: Submission metadata both platforms add (compared after group prefixes and case are removed).
KOBO_META = {
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "__version__",
    "_tags",
    "_index",
    "_xform_id_string",
    "_attachments",
    "_parent_table_name",
    "_parent_index",
    "_submission__id",
    "_submission__uuid",
    "_submission__submission_time",
    "_submission__validation_status",
    "_submission__notes",
    "_submission__status",
    "_submission__submitted_by",
    "_submission___version__",
    "_submission__tags",
    "start",
    "end",
    "today",
    "instanceid",
    "rootuuid",
    "deprecatedid",
    "audit",
    "formhub/uuid",
    "meta/instanceid",
    "meta/rootuuid",
    "meta/deprecatedid",
    "meta/instancename",
    "instancename",
}
ODK_META = {
    "submissiondate",
    "key",
    "submitterid",
    "attachmentspresent",
    "attachmentsexpected",
    "status",
    "reviewstate",
    "edits",
    "formversion",
    "meta-instanceid",
    "meta-instancename",
    "meta-deprecatedid",
    "meta-audit",
    "start",
    "end",
    "today",
    "instanceid",
}


def _classifier(
    inst: InstrumentFile, platform: str, variants: Sequence[InstrumentFile]
) -> Callable[[str], tuple[str, str | None] | None]:
    """What each column of a Kobo or ODK export is: the submission ID, the review state, the
    platform's own metadata, or one of our fields (by name, or by its question's label in any
    of the instrument's languages)."""
    stems = {" ".join(i.stem.split()).lower(): i.id for v in (*variants, inst) for i in v.items}
    meta = KOBO_META if platform == "kobo" else ODK_META

    def classify(name: str) -> tuple[str, str | None] | None:
        low = name.strip().lower()
        if low in meta or low.split("/")[-1] in meta:
            if low in ("_uuid", "key", "meta-instanceid", "meta/instanceid", "instanceid"):
                return ("uuid", low)
            if low in ("_validation_status", "reviewstate"):
                return ("review", None)
            return (pc.META, None)
        common = pc.classify_common(name)
        if common:
            return common
        # Label headers: "Group label/Question label" (Kobo) or the question label alone.
        tail = " ".join(name.split("/")[-1].split()).lower()
        if tail in stems:
            return (pc.ITEM, stems[tail])
        commented = pc.item_of_comment_label(tail)
        if commented:
            return (pc.COMMENT, commented)
        if tail in ("instrument_version", "instrument version"):
            return (pc.VERSION, None)
        return None

    return classify


def read_export(
    path: str | Path,
    inst: InstrumentFile,
    platform: str,
    display: str | None = None,
    variants: Sequence[InstrumentFile] = (),
) -> pc.PlatformImport:
    """Respondent rows from a KoboToolbox (``platform="kobo"``) or ODK Central (``"odk"``) export."""
    path = Path(path)
    res = pc.PlatformImport(file=display or str(path), platform=platform)
    table = pt.read_table(path, res)
    if table is None:
        return res
    header_line, header = table.rows[0]
    cols = pt.plan_columns(res, inst, header, header_line, _classifier(inst, platform, variants))
    if cols is None:
        return res
    uuid_cols = [(k[1], j) for j, k in enumerate(cols.kinds) if k and k[0] == "uuid"]
    order = ("_uuid", "meta/instanceid", "instanceid", "key", "meta-instanceid")
    uuid_cols.sort(key=lambda kj: order.index(kj[0]) if kj[0] in order else 99)
    if not uuid_cols:
        res.add(
            "import-unreadable",
            f"the export has no submission ID column ({'_uuid' if platform == 'kobo' else 'KEY'}); download it again with all metadata columns",
            header_line,
        )
        return res
    uj = uuid_cols[0][1]
    data = table.rows[1:]
    make = pc.short_id("K" if platform == "kobo" else "O", [rec[uj] for _, rec in data if uj < len(rec)])
    rv = cols.index("review")

    def skip(line: int, cells: list[str]) -> str | None:
        if rv is not None and cells[rv].strip().lower() in (
            "rejected",
            "validation_status_not_approved",
            "not approved",
        ):
            return "marked rejected / not approved on the platform"
        return None

    pt.read_rows(
        res, inst, cols, data, lambda line, cells: make(cells[uj]), pc.our_codes(), skip=skip, variants=variants
    )
    return res

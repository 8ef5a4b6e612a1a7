"""Stand-ins for the survey platforms, written from their documentation, for round-trip tests.

Each function takes what the toolkit exported (a REDCap data dictionary, an XLSForm workbook,
a FHIR Questionnaire, the forms text) and respondents' answers, and writes the file the platform
would give back, shaped as its documentation describes:

* REDCap "Data Exports" CSV: ``record_id``, ``redcap_event_name`` (longitudinal), then fields in
  dictionary order (descriptive fields have no column), then ``<form>_complete`` (0/1/2 or
  Incomplete/Unverified/Complete); raw codes or the choices' labels; label headers are the
  field labels; the file starts with a byte-order mark.
* KoboToolbox CSV: semicolon-separated, "XML values and headers" or labels, group names in the
  headers joined with "/", then ``_id``, ``_uuid``, ``_submission_time``, ``_validation_status``,
  ``_notes``, ``_status``, ``_submitted_by``, ``__version__``, ``_tags``, ``_index``.
* ODK Central CSV: ``SubmissionDate``, fields with groups joined by "-", ``meta-instanceID``,
  ``KEY``, ``SubmitterID``, ``SubmitterName``, ``AttachmentsPresent``, ``AttachmentsExpected``,
  ``Status``, ``ReviewState``, ``DeviceID``, ``Edits``, ``FormVersion``.
* FHIR: a Bundle of QuestionnaireResponses citing ``url|version``, items nested as in the
  Questionnaire, answers as the option's valueCoding.
* Google Forms CSV: ``Timestamp``, ``Email Address``, then one column per question titled with
  the question's title, answers as the chosen option's text; Microsoft Forms XLSX: ``ID``,
  ``Start time``, ``Completion time``, ``Email``, ``Name``, then the questions; Qualtrics CSV:
  three header rows (export tags, question texts, ``{"ImportId": …}``), its metadata columns
  and choice text.

They parse the exported artefact the way the platform does (REDCap splits choices at " | " and
the first ", "; Kobo reads the survey and choices sheets; Google Forms takes one option per
pasted line) and never call the toolkit's writers, so a mistake in an export shows up here.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from pathlib import Path
from typing import Any

Answers = dict[str, Any]  # respondent: {"id", "sector", "role", "answers": {item: 0-4|DK|NA|None}, "comments": {}}


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


# -- REDCap ------------------------------------------------------------------------------------


def redcap_export(
    dictionary_csv: str,
    respondents: list[Answers],
    labels: bool = False,
    label_headers: bool = False,
    event: str | None = None,
) -> str:
    dd = list(csv.DictReader(io.StringIO(dictionary_csv)))
    fields = [f for f in dd if f["Field Type"] != "descriptive"]
    form = fields[0]["Form Name"]
    choices = {}
    for f in fields:
        if f["Field Type"] in ("radio", "dropdown"):
            opts = {}
            for part in f["Choices, Calculations, OR Slider Labels"].split(" | "):
                code, _, label = part.partition(", ")
                opts[code.strip()] = label.strip()
            choices[f["Variable / Field Name"]] = opts
    header = ["Record ID" if label_headers else "record_id"]
    if event:
        header.append("Event Name" if label_headers else "redcap_event_name")
    header += [f["Field Label"] if label_headers else f["Variable / Field Name"] for f in fields[1:]]
    header.append("Complete?" if label_headers else f"{form}_complete")
    rows = [header]
    for r in respondents:
        # Which code a respondent's choice is stored as: the dictionary's own (annotation names the item).
        row = [r["id"]] + ([event] if event else [])
        for f in fields[1:]:
            name = f["Variable / Field Name"]
            ann = f["Field Annotation"]
            if name == "instrument_version":
                value = ann.split("'")[1]
            elif name in ("sector", "role"):
                value = r[name].replace("-", "_")
            elif name.endswith("_comment"):
                item = ann.split()[-1]
                value = r["comments"].get(item, "")
            else:
                item = f["Question Number (surveys only)"]
                a = r["answers"].get(item)
                value = (
                    ""
                    if a is None
                    else {
                        "DK": next(c for c, l in choices[name].items() if l.lower().startswith("don")),
                        "NA": next(c for c, l in choices[name].items() if "applicable" in l.lower()),
                    }.get(a, str(a))
                )
            if labels and name in choices and value:
                value = choices[name][value]
            row.append(value)
        row.append("Complete" if labels else "2")
        rows.append(row)
    return "\ufeff" + _csv(rows)


# -- KoboToolbox and ODK Central ---------------------------------------------------------------


def _xlsform(path: Path) -> tuple[list[dict[str, str]], dict[str, dict[str, str]], dict[str, str]]:
    import openpyxl

    wb = openpyxl.load_workbook(path)

    def dicts(name: str) -> list[dict[str, str]]:
        rows = list(wb[name].iter_rows(values_only=True))
        return [{h: ("" if v is None else str(v)) for h, v in zip(rows[0], r)} for r in rows[1:]]

    choices: dict[str, dict[str, str]] = {}
    for c in dicts("choices"):
        choices.setdefault(c["list_name"], {})[c["name"]] = c["label"]
    return dicts("survey"), choices, dicts("settings")[0]


def _uuid(seed: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, seed))


def kobo_export(xlsform: Path, respondents: list[Answers], labels: bool = False) -> str:
    survey, choices, _ = _xlsform(xlsform)
    cols: list[tuple[str, dict[str, str]]] = []
    groups: list[str] = []
    for q in survey:
        t = q["type"]
        if t == "begin_group":
            groups.append(q["name"] if not labels else q["label"])
        elif t == "end_group":
            groups.pop()
        elif t != "note":
            cols.append(("/".join(groups + [q["name"] if not labels else (q["label"] or q["name"])]), q))
    header = [c for c, _ in cols] + [
        "_id",
        "_uuid",
        "_submission_time",
        "_validation_status",
        "_notes",
        "_status",
        "_submitted_by",
        "__version__",
        "_tags",
        "_index",
    ]
    rows = [header]
    for n, r in enumerate(respondents, start=1):
        row = []
        for _, q in cols:
            row.append(_value(q, r, choices, labels))
        row += [
            str(1000 + n),
            _uuid(r["id"]),
            "2026-03-02T10:00:00",
            "",
            "",
            "submitted_via_web",
            "",
            "vHb3kq7Xy",
            "",
            str(n),
        ]
        rows.append(row)
    return _csv(rows, ";")


def _value(q: dict[str, str], r: Answers, choices: dict[str, dict[str, str]], labels: bool) -> str:
    name, t = q["name"], q["type"]
    if t == "calculate":
        return q["calculation"].strip("'")
    if name in ("sector", "role"):
        v = r[name]
    elif name.endswith("_comment"):
        return r["comments"].get(name[: -len("_comment")], "")
    else:
        a = r["answers"].get(name)
        v = "" if a is None else str(a)
    if labels and v and t.startswith("select_one "):
        return choices[t.split()[1]][v]
    return v


def odk_export(xlsform: Path, respondents: list[Answers]) -> str:
    survey, choices, settings = _xlsform(xlsform)
    cols: list[tuple[str, dict[str, str]]] = []
    groups: list[str] = []
    for q in survey:
        t = q["type"]
        if t == "begin_group":
            groups.append(q["name"])
        elif t == "end_group":
            groups.pop()
        elif t != "note":
            cols.append(("-".join(groups + [q["name"]]), q))
    header = (
        ["SubmissionDate"]
        + [c for c, _ in cols]
        + [
            "meta-instanceID",
            "KEY",
            "SubmitterID",
            "SubmitterName",
            "AttachmentsPresent",
            "AttachmentsExpected",
            "Status",
            "ReviewState",
            "DeviceID",
            "Edits",
            "FormVersion",
        ]
    )
    rows = [header]
    for r in respondents:
        key = "uuid:" + _uuid(r["id"])
        rows.append(
            ["2026-03-02T10:00:00.000Z"]
            + [_value(q, r, choices, False) for _, q in cols]
            + [key, key, "5", "Field Team", "0", "0", "", "", "collect:abc123", "0", settings["version"]]
        )
    return _csv(rows)


# -- FHIR --------------------------------------------------------------------------------------


def fhir_bundle(questionnaire: dict[str, Any], respondents: list[Answers]) -> str:
    canonical = f"{questionnaire['url']}|{questionnaire['version']}"

    def option(item: dict[str, Any], code: str) -> dict[str, Any]:
        c = next(o["valueCoding"] for o in item["answerOption"] if o["valueCoding"]["code"] == code)
        return {"valueCoding": {k: c[k] for k in ("system", "code", "display")}}

    def fill(items: list[dict[str, Any]], r: Answers) -> list[dict[str, Any]]:
        out = []
        for it in items:
            link = it["linkId"]
            if it["type"] == "group":
                kids = fill(it.get("item", []), r)
                if kids:
                    out.append({"linkId": link, "text": it.get("text"), "item": kids})
            elif it["type"] == "choice":
                v = r.get(link) if link in ("sector", "role") else r["answers"].get(link)
                if v is not None:
                    out.append({"linkId": link, "text": it.get("text"), "answer": [option(it, str(v))]})
            elif it["type"] == "text":
                text = r["comments"].get(link[: -len("_comment")], "")
                if text:
                    out.append({"linkId": link, "answer": [{"valueString": text}]})
        return out

    entries = []
    for r in respondents:
        qr = {
            "resourceType": "QuestionnaireResponse",
            "id": r["id"],
            "questionnaire": canonical,
            "status": "completed",
            "authored": "2026-03-02T10:00:00Z",
            "item": fill(questionnaire["item"], r),
        }
        entries.append({"fullUrl": f"urn:uuid:{_uuid(r['id'])}", "resource": qr})
    return json.dumps({"resourceType": "Bundle", "type": "collection", "entry": entries}, indent=1)


# -- Google Forms, Microsoft Forms, Qualtrics --------------------------------------------------


def _pasted_questions(forms_text: str) -> list[tuple[str, list[str]]]:
    """The questions a person builds by pasting the text: a title line starting with a tag,
    then one option per line until a blank line."""
    out: list[tuple[str, list[str]]] = []
    block: list[str] = []
    for line in forms_text.splitlines() + [""]:
        if line.strip():
            block.append(line)
            continue
        if block and block[0].startswith("["):
            out.append((block[0].replace(" (required)", ""), block[1:]))
        block = []
    return out


def _choice(options: list[str], r: Answers, title: str) -> str:
    tag = title[1 : title.index("]")]
    v = r.get(tag) if tag in ("sector", "role") else r["answers"].get(tag)
    if v is None:
        return ""
    if tag in ("sector", "role"):
        return next(o for o in options if o == r["_labels"][tag])
    # Options are pasted in the order written: levels 0-4, then Don't know, then Not applicable
    # (in whatever language the text is in).
    if v == "DK":
        return options[5]
    if v == "NA":
        return options[6]
    return options[int(v)]


def google_csv(forms_text: str, respondents: list[Answers]) -> str:
    qs = _pasted_questions(forms_text)
    rows = [["Timestamp", "Email Address"] + [t for t, _ in qs]]
    for n, r in enumerate(respondents):
        rows.append(
            [f"2026/03/02 10:{n % 60:02d}:00 AM GMT", f"member{n}@example.org"] + [_choice(o, r, t) for t, o in qs]
        )
    return _csv(rows)


def microsoft_rows(forms_text: str, respondents: list[Answers]) -> list[list[Any]]:
    qs = _pasted_questions(forms_text)
    rows: list[list[Any]] = [["ID", "Start time", "Completion time", "Email", "Name"] + [t for t, _ in qs]]
    for n, r in enumerate(respondents, start=1):
        rows.append([n, "3/2/26 10:00:00", "3/2/26 10:12:00", "anonymous", ""] + [_choice(o, r, t) for t, o in qs])
    return rows


QUALTRICS_META = [
    ("StartDate", "Start Date", "startDate"),
    ("EndDate", "End Date", "endDate"),
    ("Status", "Response Type", "status"),
    ("IPAddress", "IP Address", "ipAddress"),
    ("Progress", "Progress", "progress"),
    ("Duration (in seconds)", "Duration (in seconds)", "duration"),
    ("Finished", "Finished", "finished"),
    ("RecordedDate", "Recorded Date", "recordedDate"),
    ("ResponseId", "Response ID", "_recordId"),
    ("RecipientLastName", "Recipient Last Name", "recipientLastName"),
    ("RecipientFirstName", "Recipient First Name", "recipientFirstName"),
    ("RecipientEmail", "Recipient Email", "recipientEmail"),
    ("ExternalReference", "External Data Reference", "externalDataReference"),
    ("LocationLatitude", "Location Latitude", "locationLatitude"),
    ("LocationLongitude", "Location Longitude", "locationLongitude"),
    ("DistributionChannel", "Distribution Channel", "distributionChannel"),
    ("UserLanguage", "User Language", "userLanguage"),
]


def qualtrics_csv(forms_text: str, respondents: list[Answers], preview: bool = False) -> str:
    qs = _pasted_questions(forms_text)
    rows = [[m[0] for m in QUALTRICS_META] + [f"Q{n}" for n in range(1, len(qs) + 1)]]
    rows.append([m[1] for m in QUALTRICS_META] + [t for t, _ in qs])
    rows.append(
        [
            json.dumps({"ImportId": m[2], "timeZone": "America/Denver"} if "Date" in m[0] else {"ImportId": m[2]})
            for m in QUALTRICS_META
        ]
        + [json.dumps({"ImportId": f"QID{n}"}) for n in range(1, len(qs) + 1)]
    )
    all_rows = list(respondents) + ([dict(respondents[0], id="preview")] if preview else [])
    for n, r in enumerate(all_rows):
        status = "Survey Preview" if r["id"] == "preview" else "IP Address"
        meta = [
            "2026-03-02 10:00:00",
            "2026-03-02 10:12:00",
            status,
            f"203.0.113.{n % 250}",
            "100",
            "720",
            "True",
            "2026-03-02 10:12:01",
            f"R_{_uuid(r['id'])[:15]}",
            "",
            "",
            "",
            "",
            "40.1",
            "-105.2",
            "anonymous",
            "EN",
        ]
        rows.append(meta + [_choice(o, r, t) for t, o in qs])
    return "\ufeff" + _csv(rows)

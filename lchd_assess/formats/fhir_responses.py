"""FHIR R4 QuestionnaireResponses read back into respondent rows (``lchd-assess import fhir``).

Responses are read as plain JSON (no FHIR library needed at run time): a QuestionnaireResponse
alone, a JSON array of them, or a Bundle.  One whose ``questionnaire`` canonical names another
instrument version is refused.  ``subject``, ``author``, ``source`` and ``encounter`` point at
people or records: they are never read.  The Questionnaire they answer is :mod:`.fhir`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..core.files import TooLarge, read_limited
from ..load.instrument import DONT_KNOW, LEVEL_VALUES, NOT_APPLICABLE, InstrumentFile
from . import platform_common as pc
from .fhir import _list, _walk, codesystem_url, questionnaire_url


def read_responses(path: str | Path, inst: InstrumentFile, display: str | None = None) -> pc.PlatformImport:
    """Respondent rows from QuestionnaireResponse JSON (one, an array, or a Bundle)."""
    path = Path(path)
    res = pc.PlatformImport(file=display or str(path), platform="fhir")
    doc = _read_json(path, res)
    resources = None if doc is _UNREADABLE else _resources(doc, res)
    if resources is None:
        return res
    expect = _Expected(inst)
    seen_ids: dict[str, tuple] = {}
    for n, (r, path0) in enumerate(resources):
        _read_response(r, path0, n, expect, res, seen_ids)
    if not any(isinstance(r, dict) and r.get("resourceType") == "QuestionnaireResponse" for r, _ in resources):
        res.add(
            "import-unreadable",
            "the file holds no QuestionnaireResponse; save the responses as one resource, a JSON array of them, or a Bundle",
        )
    res.items = list(expect.current)
    return res


_UNREADABLE = object()


def _read_json(path: Path, res: pc.PlatformImport) -> Any:
    """The file's JSON, or ``_UNREADABLE`` with one finding saying why."""
    try:
        # regular files only, at most the limit + 1 bytes read (core/files.py): never /dev/zero or a FIFO
        return json.loads(read_limited(path, pc.MAX_BYTES).decode("utf-8-sig"))
    except TooLarge as exc:
        res.add("import-unreadable", f"the file is {exc.size} bytes; exports above {pc.MAX_BYTES} bytes are refused")
    except OSError as exc:
        res.add("import-unreadable", f"cannot read the file ({exc.strerror or exc})")
    except (UnicodeDecodeError, ValueError) as exc:
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        res.add(
            "import-unreadable",
            f"not JSON{where}; save the QuestionnaireResponse(s) as a .json file",
            getattr(exc, "lineno", None),
            getattr(exc, "colno", None),
        )
    return _UNREADABLE


def _resources(doc: Any, res: pc.PlatformImport) -> list[tuple[Any, tuple]] | None:
    """(resource, its path in the file) for an array, a Bundle or one resource; None (with a
    finding) for any other JSON."""
    if isinstance(doc, list):
        return [(r, (n,)) for n, r in enumerate(doc)]
    if isinstance(doc, dict) and doc.get("resourceType") == "Bundle":
        return [
            (e.get("resource") if isinstance(e, dict) else e, ("entry", n, "resource"))
            for n, e in enumerate(_list(doc.get("entry")))
        ]
    if isinstance(doc, dict):
        return [(doc, ())]
    res.add("import-unreadable", "the JSON is neither a QuestionnaireResponse, an array of them, nor a Bundle")
    return None


class _Expected:
    """What a response must match: the Questionnaire's URL and version, the answer codes'
    system, the sector and role codes, the instrument's items (current and ever)."""

    def __init__(self, inst: InstrumentFile) -> None:
        self.url, self.version = questionnaire_url(inst), inst.version
        self.answers_cs = codesystem_url(inst, "answer")
        self.sectors, self.roles = pc.sector_role_tables(inst)
        self.history = {i.id for i in inst.items}
        self.current = inst.item_ids()


def _read_response(
    r: Any, path0: tuple, n: int, expect: _Expected, res: pc.PlatformImport, seen_ids: dict[str, tuple]
) -> None:
    """One resource: a row for a usable QuestionnaireResponse of this instrument, else findings
    or a note saying why it was left out."""
    where = "/" + "/".join(map(str, path0)) if path0 else "the top level"
    if not isinstance(r, dict) or r.get("resourceType") != "QuestionnaireResponse":
        kind = r.get("resourceType") if isinstance(r, dict) else type(r).__name__
        res.note("import-ignored-column", f"{where} is a {kind}, not a QuestionnaireResponse; left out", path=path0)
        return
    canon = str(r.get("questionnaire") or "")
    base, _, ver = canon.partition("|")
    if base != expect.url:
        res.add(
            "import-instrument-version",
            f"{where}: questionnaire '{canon or '(none)'}' is not the LCHD self-assessment ({expect.url}|{expect.version})",
            path=path0 + ("questionnaire",),
        )
        return
    if ver and ver != expect.version:
        res.add(
            "import-instrument-version",
            f"{where}: answers to instrument version {ver}; the current version is {expect.version} (set the form up again from `lchd-assess export instrument --format fhir`)",
            path=path0 + ("questionnaire",),
        )
        return
    for field in ("subject", "author", "source", "encounter"):
        if field in r:
            res.note(
                "import-personal-data",
                f"{where}: '{field}' points at a person or record; it was not read",
                path=path0 + (field,),
            )
    status = r.get("status")
    if status in ("entered-in-error", "stopped"):
        res.note("import-skipped-row", f"{where}: status '{status}'; left out", path=path0 + ("status",))
        return
    ident = r.get("identifier") if isinstance(r.get("identifier"), dict) else {}
    rid = str(r.get("id") or ident.get("value") or f"QR{n + 1:03d}")  # type: ignore[union-attr]  # r is a dict here
    answers, comments, sector, role, ok = _answers_of(r, path0, where, expect, res)
    if not sector or not role:
        if ok:
            res.add("import-missing-field", f"{where}: no {'sector' if not sector else 'role'} answer", path=path0)
        ok = False
    if rid in seen_ids:
        res.add("import-duplicate-respondent", f"{where}: id '{rid}' was already used", path=path0 + ("id",))
        ok = False
    seen_ids.setdefault(rid, path0)
    if ok and all(v is None for v in answers.values()):
        res.note("import-skipped-row", f"{where}: no answer to any item; left out", path=path0)
        return
    if ok:
        res.rows.append(pc.Row(rid, sector, role, answers, comments, None))


def _answers_of(
    r: dict, path0: tuple, where: str, expect: _Expected, res: pc.PlatformImport
) -> tuple[dict[str, int | str | None], dict[str, str], str, str, bool]:
    """(answers by item, comments, sector, role, usable) of one QuestionnaireResponse's items."""
    answers: dict[str, int | str | None] = {i: None for i in expect.current}
    comments: dict[str, str] = {}
    sector = role = ""
    ok = True
    for it, p in _walk(r.get("item") or [], path0):
        link = str(it.get("linkId", ""))
        vals = _list(it.get("answer"))
        first = vals[0] if vals and isinstance(vals[0], dict) else {}
        coding = first.get("valueCoding") if isinstance(first.get("valueCoding"), dict) else None
        if link in ("sector", "role"):
            code = (coding or {}).get("code", "")
            table = expect.sectors if link == "sector" else expect.roles
            if str(code).lower() not in table:
                res.add("import-bad-sector", f"{where}: {link} '{code}' is not one of the instrument's {link}s", path=p)
                ok = False
            elif link == "sector":
                sector = table[str(code).lower()]
            else:
                role = table[str(code).lower()]
            continue
        hit = pc.item_of_header(link)
        if not hit or hit[0] != link.replace(pc.COMMENT_SUFFIX, ""):
            continue
        item_id, is_comment = hit
        if item_id not in expect.current:
            code = "import-instrument-version" if item_id in expect.history else "import-extra-item"
            res.add(code, f"{where}: {item_id} is not an item of instrument {expect.version}", path=p)
            ok = False
            continue
        if is_comment:
            text = str(first.get("valueString", "")).strip() if isinstance(first, dict) else ""
            if text:
                comments[item_id] = text
            continue
        if not vals:
            continue
        if (
            not coding
            or coding.get("system") != expect.answers_cs
            or str(coding.get("code")) not in {str(v) for v in LEVEL_VALUES} | {DONT_KNOW, NOT_APPLICABLE}
        ):
            res.add(
                "import-bad-value",
                f"{where}: the answer to {item_id} is not a coding from {expect.answers_cs} (0–4, DK, NA)",
                path=p + ("answer", 0),
            )
            ok = False
            continue
        c = str(coding["code"])
        answers[item_id] = int(c) if c.isascii() and c.isdigit() else c
    return answers, comments, sector, role, ok

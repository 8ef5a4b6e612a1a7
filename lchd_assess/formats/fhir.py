"""FHIR R4: the instrument as a Questionnaire with its CodeSystems, and QuestionnaireResponses read back.

The Questionnaire (R4, 4.0.1; identical in R4B for these resources) has a canonical ``url`` and
the instrument's ``version``; a ``group`` per element (linkId = the element ID) holding a
``display`` item with the section's introduction, then a ``choice`` item per question whose
linkId is the item ID.  Its ``answerOption`` codings come from the toolkit's answer CodeSystem:
``0``–``4`` carry the ``itemWeight`` extension (the SDC name of what R4 core calls
``ordinalValue``) so a FHIR form filler can total them; ``DK`` and ``NA`` carry none, because
they are never scores.  A ``display`` child under each question lists what each level looks like.
Sector and role are choice items from two more CodeSystems.  The CodeSystems are written beside
the Questionnaire as one Bundle (type ``collection``).

Responses are read as plain JSON (no FHIR library needed at run time): a QuestionnaireResponse
alone, a JSON array of them, or a Bundle.  One whose ``questionnaire`` canonical names another
instrument version is refused.  ``subject``, ``author`` and ``source`` point at people: they are
never read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

from ..load.instrument import DONT_KNOW, LEVEL_VALUES, NOT_APPLICABLE, InstrumentFile
from . import platform_common as pc
from ..core.files import TooLarge, read_limited

#: Where the toolkit's canonical URLs live: under the documentation site's address.
CANONICAL_BASE = "https://lchd-toolkit.github.io/lchd-framework/fhir/"
ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight"


def questionnaire_url(inst: InstrumentFile) -> str:
    return f"{CANONICAL_BASE}Questionnaire/{inst.id}"


def codesystem_url(inst: InstrumentFile, what: str) -> str:
    return f"{CANONICAL_BASE}CodeSystem/{inst.id}-{what}"


def _name(inst: InstrumentFile) -> str:
    # que-0: a computable name starts with a capital and holds letters, digits and underscores.
    return "".join(p.capitalize() for p in re.split(r"[^A-Za-z0-9]+", inst.id) if p)


def _coding(system: str, code: str, display: str) -> dict[str, Any]:
    return {"system": system, "code": code, "display": display}


def questionnaire(inst: InstrumentFile) -> dict[str, Any]:
    answers = codesystem_url(inst, "answer")
    sectors = codesystem_url(inst, "sector")
    roles = codesystem_url(inst, "role")
    items: list[dict[str, Any]] = [
        {"linkId": "instructions", "type": "display", "text": " ".join(inst.instructions.split())}
    ]
    items.append(
        {
            "linkId": "about",
            "type": "group",
            "text": "About you (no names)",
            "item": [
                {
                    "linkId": "sector",
                    "type": "choice",
                    "text": pc.SECTOR_QUESTION,
                    "required": True,
                    "answerOption": [{"valueCoding": _coding(sectors, s.id, s.label)} for s in inst.sectors],
                },
                {
                    "linkId": "role",
                    "type": "choice",
                    "text": pc.ROLE_QUESTION,
                    "required": True,
                    "answerOption": [{"valueCoding": _coding(roles, r.id, r.label)} for r in inst.roles],
                },
            ],
        }
    )
    for sec in inst.sections:
        questions = [i for i in inst.active_items() if i.element == sec.element]
        if not questions:
            continue
        group: list[dict[str, Any]] = [
            {"linkId": f"{sec.element}-intro", "type": "display", "text": " ".join(sec.intro.split())}
        ]
        for item in questions:
            options = [
                {
                    "valueCoding": _coding(answers, str(n), inst.level_labels[n]),
                    "extension": [{"url": ITEM_WEIGHT, "valueDecimal": n}],
                }
                for n in LEVEL_VALUES
            ]
            options += [{"valueCoding": _coding(answers, a.code, a.label)} for a in inst.special_answers]
            levels = " ".join(f"{pc.choice_text(inst, item, n)}" for n in LEVEL_VALUES)
            group.append(
                {
                    "linkId": item.id,
                    "prefix": item.id,
                    "type": "choice",
                    "text": " ".join(item.stem.split()),
                    "answerOption": options,
                    "item": [{"linkId": f"{item.id}-levels", "type": "display", "text": levels}],
                }
            )
            group.append({"linkId": item.id + pc.COMMENT_SUFFIX, "type": "text", "text": pc.comment_label(item.id)})
        items.append({"linkId": sec.element, "type": "group", "text": f"{sec.element}: {sec.title}", "item": group})
    return {
        "resourceType": "Questionnaire",
        "id": inst.id,
        "url": questionnaire_url(inst),
        "version": inst.version,
        "name": _name(inst),
        "title": inst.title,
        "status": "active",
        "date": inst.release_date,
        "publisher": "LCHD partnership toolkit",
        "description": " ".join(inst.instructions.split()),
        "subjectType": ["Organization"],
        "item": items,
    }


def codesystems(inst: InstrumentFile) -> dict[str, Any]:
    """The answer, sector and role CodeSystems as one Bundle of type collection."""

    def cs(
        what: str, title: str, concepts: list[dict[str, Any]], props: list[dict[str, Any]] | None = None
    ) -> dict[str, Any]:
        out: dict[str, Any] = {
            "resourceType": "CodeSystem",
            "id": f"{inst.id}-{what}",
            "url": codesystem_url(inst, what),
            "version": inst.version,
            "name": _name(inst) + what.capitalize(),
            "title": title,
            "status": "active",
            "date": inst.release_date,
            "caseSensitive": True,
            "content": "complete",
            "count": len(concepts),
            "concept": concepts,
        }
        if props:
            out["property"] = props
        return out

    weight = [
        {
            "code": "itemWeight",
            "uri": ITEM_WEIGHT,
            "description": "The level as a number (0–4); DK and NA have none: they are never scores.",
            "type": "decimal",
        }
    ]
    answer = [
        {"code": str(n), "display": inst.level_labels[n], "property": [{"code": "itemWeight", "valueDecimal": n}]}
        for n in LEVEL_VALUES
    ]
    answer += [{"code": a.code, "display": a.label, "definition": a.meaning} for a in inst.special_answers]
    resources = [
        cs("answer", f"{inst.title}: answers", answer, weight),
        cs("sector", f"{inst.title}: sectors", [{"code": s.id, "display": s.label} for s in inst.sectors]),
        cs("role", f"{inst.title}: roles", [{"code": r.id, "display": r.label} for r in inst.roles]),
    ]
    return {
        "resourceType": "Bundle",
        "id": f"{inst.id}-codesystems",
        "type": "collection",
        "entry": [{"fullUrl": r["url"], "resource": r} for r in resources],
    }


def _list(x: Any) -> list[Any]:
    """``x`` when it is a list; [] for anything else (the reader never trusts a file's types)."""
    return x if isinstance(x, list) else []


def _walk(items: Any, path: tuple) -> Iterator[tuple[dict[str, Any], tuple]]:
    for n, it in enumerate(_list(items)):
        if not isinstance(it, dict):
            continue
        p = path + ("item", n)
        yield it, p
        yield from _walk(it.get("item"), p)
        for k, ans in enumerate(_list(it.get("answer"))):
            if isinstance(ans, dict):
                yield from _walk(ans.get("item"), p + ("answer", k))


def invariant_problems(q: dict[str, Any], inst: InstrumentFile) -> list[str]:
    """What breaks the toolkit's own rules for an exported Questionnaire (empty when sound):
    every current item present once with linkId = item ID, unique linkIds, groups with
    children, display items without, weights on levels only, codes from our CodeSystem."""
    out: list[str] = []
    if q.get("url") != questionnaire_url(inst) or q.get("version") != inst.version:
        out.append("url/version do not name the current instrument")
    seen: dict[str, int] = {}
    answers = codesystem_url(inst, "answer")
    for it, _path in _walk(q.get("item") or [], ()):
        link = it.get("linkId", "")
        seen[link] = seen.get(link, 0) + 1
        if it.get("type") == "group" and not it.get("item"):
            out.append(f"group {link} has no items")
        if it.get("type") == "display" and it.get("item"):
            out.append(f"display {link} has children")
        for opt in it.get("answerOption") or []:
            c = opt.get("valueCoding", {})
            if c.get("system") == answers:
                weighted = any(e.get("url") == ITEM_WEIGHT for e in opt.get("extension", []))
                if (c.get("code") in (DONT_KNOW, NOT_APPLICABLE)) == weighted:
                    out.append(f"{link}: option {c.get('code')} {'has' if weighted else 'lacks'} an itemWeight")
    for link, n in seen.items():
        if n > 1:
            out.append(f"linkId {link} appears {n} times")
    questions = [
        str(it.get("linkId"))
        for it, _ in _walk(q.get("item") or [], ())
        if it.get("type") == "choice"
        and pc.item_of_header(it.get("linkId", ""))
        and it.get("linkId") == pc.item_of_header(it.get("linkId", ""))[0]  # type: ignore[index]
    ]
    if sorted(questions, key=pc.item_sort_key) != sorted(inst.item_ids(), key=pc.item_sort_key):
        out.append("the choice items are not exactly the current instrument's items")
    return out


# -- Reading QuestionnaireResponses ------------------------------------------------------------


def read_responses(path: str | Path, inst: InstrumentFile, display: str | None = None) -> pc.PlatformImport:
    """Respondent rows from QuestionnaireResponse JSON (one, an array, or a Bundle)."""
    path = Path(path)
    res = pc.PlatformImport(file=display or str(path), platform="fhir")
    try:
        # regular files only, at most the limit + 1 bytes read (core/files.py): never /dev/zero or a FIFO
        doc = json.loads(read_limited(path, pc.MAX_BYTES).decode("utf-8-sig"))
    except TooLarge as exc:
        res.add("import-unreadable", f"the file is {exc.size} bytes; exports above {pc.MAX_BYTES} bytes are refused")
        return res
    except OSError as exc:
        res.add("import-unreadable", f"cannot read the file ({exc.strerror or exc})")
        return res
    except (UnicodeDecodeError, ValueError) as exc:
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        res.add(
            "import-unreadable",
            f"not JSON{where}; save the QuestionnaireResponse(s) as a .json file",
            getattr(exc, "lineno", None),
            getattr(exc, "colno", None),
        )
        return res
    resources: list[tuple[Any, tuple]] = []
    if isinstance(doc, list):
        resources = [(r, (n,)) for n, r in enumerate(doc)]
    elif isinstance(doc, dict) and doc.get("resourceType") == "Bundle":
        resources = [
            (e.get("resource") if isinstance(e, dict) else e, ("entry", n, "resource"))
            for n, e in enumerate(_list(doc.get("entry")))
        ]
    elif isinstance(doc, dict):
        resources = [(doc, ())]
    else:
        res.add("import-unreadable", "the JSON is neither a QuestionnaireResponse, an array of them, nor a Bundle")
        return res
    url, version = questionnaire_url(inst), inst.version
    answers_cs = codesystem_url(inst, "answer")
    sectors, roles = pc.sector_role_tables(inst)
    history = {i.id for i in inst.items}
    current = inst.item_ids()
    seen_ids: dict[str, tuple] = {}
    for n, (r, path0) in enumerate(resources):
        where = "/" + "/".join(map(str, path0)) if path0 else "the top level"
        if not isinstance(r, dict) or r.get("resourceType") != "QuestionnaireResponse":
            kind = r.get("resourceType") if isinstance(r, dict) else type(r).__name__
            res.note("import-ignored-column", f"{where} is a {kind}, not a QuestionnaireResponse; left out", path=path0)
            continue
        canon = str(r.get("questionnaire") or "")
        base, _, ver = canon.partition("|")
        if base != url:
            res.add(
                "import-instrument-version",
                f"{where}: questionnaire '{canon or '(none)'}' is not the LCHD self-assessment ({url}|{version})",
                path=path0 + ("questionnaire",),
            )
            continue
        if ver and ver != version:
            res.add(
                "import-instrument-version",
                f"{where}: answers to instrument version {ver}; the current version is {version} (set the form up again from `lchd-assess export instrument --format fhir`)",
                path=path0 + ("questionnaire",),
            )
            continue
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
            continue
        ident = r.get("identifier") if isinstance(r.get("identifier"), dict) else {}
        rid = str(r.get("id") or ident.get("value") or f"QR{n + 1:03d}")  # type: ignore[union-attr]  # r is a dict here
        answers: dict[str, int | str | None] = {i: None for i in current}
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
                table = sectors if link == "sector" else roles
                if str(code).lower() not in table:
                    res.add(
                        "import-bad-sector", f"{where}: {link} '{code}' is not one of the instrument's {link}s", path=p
                    )
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
            if item_id not in current:
                code = "import-instrument-version" if item_id in history else "import-extra-item"
                res.add(code, f"{where}: {item_id} is not an item of instrument {version}", path=p)
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
                or coding.get("system") != answers_cs
                or str(coding.get("code")) not in {str(v) for v in LEVEL_VALUES} | {DONT_KNOW, NOT_APPLICABLE}
            ):
                res.add(
                    "import-bad-value",
                    f"{where}: the answer to {item_id} is not a coding from {answers_cs} (0–4, DK, NA)",
                    path=p + ("answer", 0),
                )
                ok = False
                continue
            c = str(coding["code"])
            answers[item_id] = int(c) if c.isascii() and c.isdigit() else c
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
            continue
        if ok:
            res.rows.append(pc.Row(rid, sector, role, answers, comments, None))
    if not any(isinstance(r, dict) and r.get("resourceType") == "QuestionnaireResponse" for r, _ in resources):
        res.add(
            "import-unreadable",
            "the file holds no QuestionnaireResponse; save the responses as one resource, a JSON array of them, or a Bundle",
        )
    res.items = list(current)
    return res

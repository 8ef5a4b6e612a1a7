"""FHIR R4: the instrument as a Questionnaire with its CodeSystems (read back: :mod:`.fhir_responses`).

The Questionnaire (R4, 4.0.1; identical in R4B for these resources) has a canonical ``url`` and
the instrument's ``version``; a ``group`` per element (linkId = the element ID) holding a
``display`` item with the section's introduction, then a ``choice`` item per question whose
linkId is the item ID.  Its ``answerOption`` codings come from the toolkit's answer CodeSystem:
``0``–``4`` carry the ``itemWeight`` extension (the SDC name of what R4 core calls
``ordinalValue``) so a FHIR form filler can total them; ``DK`` and ``NA`` carry none, because
they are never scores.  A ``display`` child under each question lists what each level looks like.
Sector and role are choice items from two more CodeSystems.  The CodeSystems are written beside
the Questionnaire as one Bundle (type ``collection``).
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from ..load.instrument import DONT_KNOW, LEVEL_VALUES, NOT_APPLICABLE, InstrumentFile
from . import platform_common as pc

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
        if questions:
            items.append(_section_group(inst, sec, questions, answers))
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


def _section_group(inst: InstrumentFile, sec: Any, questions: list, answers: str) -> dict[str, Any]:
    """One element's group: its introduction, then a choice item and a comment item per question."""
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
    return {"linkId": sec.element, "type": "group", "text": f"{sec.element}: {sec.title}", "item": group}


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

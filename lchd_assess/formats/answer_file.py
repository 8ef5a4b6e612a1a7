"""Answer files: one member's answers as a small JSON document, saved by the browser questionnaire.

The format (``format: lchd-answers``, ``format_version: 1``)::

    {
      "format": "lchd-answers", "format_version": 1,
      "instrument": "lchd-readiness", "instrument_version": "1.0.0",
      "wave": "2026-spring",            # or null when the questionnaire named no wave
      "language": "en",                 # the language the member read the questions in
      "respondent_id": "K7QM-4ZP2",     # a random code drawn by the browser, never a name
      "sector": "education", "role": "staff",
      "answers": {"P1.Q1": 3, "P1.Q2": "DK", ...},   # 0–4, "DK" or "NA"; skipped items absent
      "comments": {"P1.Q1": "..."}                    # optional, at most 1,000 characters each
    }

:func:`read_answer_file` never raises on bad content: it returns a
:class:`~lchd_assess.responses.Responses` with the one respondent, or findings naming the
field (``answers › P9.Q1``) and the fix.  A file that is not the toolkit's answer file at all
(another JSON document, or not JSON) gets one finding and nothing else.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from ..core.findings import Finding
from ..load.instrument import ANSWER_FILE_FORMAT, ANSWER_FILE_VERSION, DONT_KNOW, NOT_APPLICABLE, InstrumentFile
from ..core.files import read_input
from .responses import _LOOKS_IDENTIFYING, Respondent, Responses, _cut, _suggest

FORMAT = ANSWER_FILE_FORMAT
FORMAT_VERSION = ANSWER_FILE_VERSION
#: A full answer file with every comment filled is about 60 KB; anything far bigger is not one.
MAX_BYTES = 256 * 1024
MAX_COMMENT = 1000
_FIELDS = (
    "format",
    "format_version",
    "instrument",
    "instrument_version",
    "wave",
    "language",
    "respondent_id",
    "sector",
    "role",
    "answers",
    "comments",
)
_REQUIRED = (
    "format",
    "format_version",
    "instrument",
    "instrument_version",
    "respondent_id",
    "sector",
    "role",
    "answers",
)


def read_answer_file(path: str | Path, inst: InstrumentFile, display: str | None = None) -> Responses:
    """One answer file, checked against ``inst``: the respondent, or findings and no respondent."""
    path = Path(path)
    disp = display or str(path)
    res = Responses(file=disp, wave=path.stem)
    raw, problem = read_input(path, MAX_BYTES, "answer files (a few kilobytes each)")
    if raw is None:
        res.findings.append(Finding(*problem, file=disp))  # type: ignore[misc]
        return res
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        res.findings.append(
            Finding(
                "not-utf8",
                "the file is not UTF-8 text, so it is not an answer file saved by the questionnaire; ask for the file as it was saved",
                file=disp,
            )
        )
        return res
    except json.JSONDecodeError as exc:
        res.findings.append(
            Finding(
                "answers-not-json",
                f"not readable as JSON ({exc.msg}); save the answers again from the questionnaire",
                file=disp,
                line=exc.lineno,
                column=exc.colno,
            )
        )
        return res
    except RecursionError:
        res.findings.append(
            Finding(
                "answers-not-json", "not readable as JSON (nested too deeply); this is not an answer file", file=disp
            )
        )
        return res
    check_answer_document(doc, inst, res)
    return res


def check_answer_document(doc: Any, inst: InstrumentFile, res: Responses) -> None:
    """Check a parsed answer document and add its respondent (or findings) to ``res``."""
    disp = res.file

    def add(code: str, path: tuple, msg: str) -> None:
        where = " › ".join(str(p) for p in path)
        res.findings.append(Finding(code, f"{where}: {msg}" if where else msg, file=disp, path=path))

    if _not_this_instruments_file(doc, inst, add):
        return
    wave = doc.get("wave")
    rid = _respondent_code(doc, inst, add)
    answers = _answers(doc, inst, add)
    comments = _comments(doc, inst, add)
    items = inst.item_ids()
    if res.findings:
        return
    res.version = inst.version
    res.items = items
    res.declared_wave = wave or None
    if all(v is None for v in answers.values()):
        res.notes.append(
            Finding(
                "responses-no-answers",
                f"respondent '{rid}' answered no question; not counted as a respondent",
                file=disp,
                path=("answers",),
            )
        )
        return
    res.respondents.append(Respondent(rid.strip(), doc["sector"], doc["role"], answers, comments, 1))


def _not_this_instruments_file(doc: Any, inst: InstrumentFile, add: Callable[[str, tuple, str], None]) -> bool:
    """True (with a finding) when ``doc`` is not an answer file of this format and instrument;
    unknown fields are findings too."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        add(
            "answers-not-answer-file",
            (),
            f'this JSON document is not an LCHD answer file (it has no "format": "{FORMAT}"); collect files saved by the browser questionnaire',
        )
        return True
    for key in doc:
        if key not in _FIELDS:
            add(
                "answers-unknown-field",
                (str(key),),
                f"'{_cut(str(key))}' is not a field of answer files; remove it or save the answers again",
            )
    missing = [k for k in _REQUIRED if k not in doc]
    if missing:
        add(
            "answers-not-answer-file",
            (missing[0],),
            f"the answer file lacks {', '.join(missing)}; save the answers again from the questionnaire",
        )
        return True
    if doc["format_version"] != FORMAT_VERSION:
        add(
            "answers-not-answer-file",
            ("format_version",),
            f"format version {_cut(str(doc['format_version']))} is not one this toolkit reads (it reads {FORMAT_VERSION}); update lchd-assess",
        )
        return True
    if doc["instrument"] != inst.id or doc["instrument_version"] != inst.version:
        known = (
            doc["instrument_version"] in inst.known_versions() if isinstance(doc["instrument_version"], str) else False
        )
        what = f"{_cut(str(doc['instrument']))} {_cut(str(doc['instrument_version']))}"
        add(
            "responses-instrument-version",
            ("instrument_version",),
            f"the answers are for {what}{' (an earlier version)' if known else ''}, but the current instrument is {inst.id} {inst.version}; answers from another version cannot join this wave",
        )
        return True
    return False


def _respondent_code(doc: dict, inst: InstrumentFile, add: Callable[[str, tuple, str], None]) -> str:
    """The respondent's code (empty when missing), after checking the wave, sector and role."""
    wave = doc.get("wave")
    if wave is not None and not isinstance(wave, str):
        add("answers-not-answer-file", ("wave",), "wave must be text or null")
    rid = doc["respondent_id"]
    if not isinstance(rid, str) or not rid.strip():
        add(
            "responses-missing-respondent-id",
            ("respondent_id",),
            "respondent_id is empty; save the answers again from the questionnaire (it draws a code)",
        )
        rid = ""
    elif _LOOKS_IDENTIFYING.search(rid) or len(rid) > 40:
        # Not repeated in the message: it may be someone's name.
        add(
            "responses-identifying-id",
            ("respondent_id",),
            "respondent_id looks like a name or an e-mail address; answers are anonymous, use the code the questionnaire drew",
        )
    sectors = [s.id for s in inst.sectors]
    roles = [r.id for r in inst.roles]
    for key, allowed, code in (
        ("sector", sectors, "responses-unknown-sector"),
        ("role", roles, "responses-unknown-role"),
    ):
        v = doc[key]
        if v not in allowed:
            shown = "is empty" if not v else f"'{_cut(str(v))}' is not a {key} code"
            add(
                code,
                (key,),
                f"{key} {shown}; use one of: {', '.join(allowed)}{_suggest(str(v).lower(), allowed) if isinstance(v, str) and v else ''}",
            )
    return rid


def _answers(doc: dict, inst: InstrumentFile, add: Callable[[str, tuple, str], None]) -> dict[str, int | str | None]:
    """Every current item's answer (None when not given); findings for unknown items and values."""
    items = inst.item_ids()
    answers: dict[str, int | str | None] = {i: None for i in items}
    given = doc["answers"]
    if not isinstance(given, dict):
        add("answers-not-answer-file", ("answers",), "answers must be a mapping from item IDs to answers")
        given = {}
    for key, value in given.items():
        if key not in answers:
            add(
                "answers-unknown-item",
                ("answers", key),
                f"'{_cut(str(key))}' is not an item of instrument {inst.version}{_suggest(str(key), items)}",
            )
            continue
        if value is None:
            continue
        # JSON numbers only (true is a number to Python): 0–4 exactly; the two codes as text.
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 4:
            answers[key] = value
        elif value in (DONT_KNOW, NOT_APPLICABLE):
            answers[key] = value
        else:
            add(
                "responses-bad-value",
                ("answers", key),
                f'{_cut(json.dumps(value, ensure_ascii=False))} is not an answer; use 0–4, "DK" or "NA"',
            )
    return answers


def _comments(doc: dict, inst: InstrumentFile, add: Callable[[str, tuple, str], None]) -> dict[str, str]:
    """The free-text comments by item, each checked (an item of the instrument, text, not too long)."""
    items = inst.item_ids()
    comments_in = doc.get("comments") or {}
    comments: dict[str, str] = {}
    if not isinstance(comments_in, dict):
        add("answers-not-answer-file", ("comments",), "comments must be a mapping from item IDs to text")
        comments_in = {}
    for key, text in comments_in.items():
        if key not in items:
            add(
                "answers-unknown-item",
                ("comments", key),
                f"'{_cut(str(key))}' is not an item of instrument {inst.version}{_suggest(str(key), items)}",
            )
        elif not isinstance(text, str):
            add("answers-not-answer-file", ("comments", key), "a comment must be text")
        elif len(text) > MAX_COMMENT:
            add(
                "answers-comment-too-long",
                ("comments", key),
                f"the comment has {len(text):,} characters; at most {MAX_COMMENT:,} are kept",
            )
        elif text.strip():
            comments[key] = text.strip()
    return comments

"""What every survey platform's export has in common: a table, item columns, answers, privacy.

Each platform module (``redcap``, ``xlsform``, ``fhir``, ``forms``) turns its export into
:class:`PlatformImport`: the respondent rows in the toolkit's own terms (sector and role codes,
answers ``0``–``4``/``DK``/``NA``) plus findings.  Two kinds of finding:

* ``findings`` stop the import (nothing is written): an item missing or extra, another
  instrument version, mixed codes, an answer that is not one of the item's choices;
* ``notes`` are told to the user but do not stop it: personal-data columns dropped (named, their
  values never read into anything), platform metadata ignored, test responses left out.

Everything that names an item is derived from the instrument, never from a hard-coded list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from ..core.findings import Finding
from ..load.instrument import DONT_KNOW, LEVEL_VALUES, NOT_APPLICABLE, InstrumentFile, Item

MAX_BYTES = 20 * 1024 * 1024
COMMENT_SUFFIX = "_comment"


#: What messages call each platform (the reader sets ``PlatformImport.platform``).
PLATFORM_NAMES = {
    "redcap": "REDCap",
    "kobo": "KoboToolbox",
    "odk": "ODK Central",
    "fhir": "FHIR",
    "forms": "a forms export",
    "google": "Google Forms",
    "microsoft": "Microsoft Forms",
    "qualtrics": "Qualtrics",
}


@dataclass
class Row:
    """One respondent in the toolkit's terms, with the place it came from."""

    id: str
    sector: str
    role: str
    answers: dict[str, int | str | None]
    comments: dict[str, str]
    line: int | None = None


@dataclass
class PlatformImport:
    file: str
    platform: str
    rows: list[Row] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    items: list[str] = field(default_factory=list)

    def add(
        self, code: str, message: str, line: int | None = None, column: int | None = None, path: tuple = ()
    ) -> None:
        self.findings.append(Finding(code, message, file=self.file, line=line, column=column, path=path))

    def note(
        self, code: str, message: str, line: int | None = None, column: int | None = None, path: tuple = ()
    ) -> None:
        self.notes.append(Finding(code, message, file=self.file, line=line, column=column, path=path))


# -- Columns -----------------------------------------------------------------------------------

_ITEM_AT_END = re.compile(r"(?:^|[/\-:\s\]])((?:P|FS)[1-9][0-9]*\.Q[1-9][0-9]*)(" + COMMENT_SUFFIX + r")?$")
_TAG = re.compile(r"\[\s*((?:P|FS)[1-9][0-9]*\.Q[1-9][0-9]*)( comment|" + COMMENT_SUFFIX + r")?\s*\]")
_REDCAP_NAME = re.compile(r"^(p|fs)([1-9][0-9]*)_q([1-9][0-9]*)(" + COMMENT_SUFFIX + r")?$")

#: Column names (compared in lower case, without spaces, dashes or underscores, after any group
#: prefix) whose values are personal data on some platform.  Their cells are never read.
PERSONAL_NAMES = {
    "email",
    "emailaddress",
    "recipientemail",
    "respondentemail",
    "name",
    "fullname",
    "firstname",
    "lastname",
    "recipientfirstname",
    "recipientlastname",
    "respondentname",
    "ipaddress",
    "ip",
    "locationlatitude",
    "locationlongitude",
    "latitude",
    "longitude",
    "location",
    "geolocation",
    "phone",
    "phonenumber",
    "address",
    "submittername",
    "submittedby",
    "username",
    "deviceid",
    "simserial",
    "subscriberid",
}


def squash(name: str) -> str:
    last = re.split(r"[/:]", name.strip())[-1]
    return re.sub(r"[\s_\-.]", "", last).lower()


def is_personal(name: str) -> bool:
    return squash(name) in PERSONAL_NAMES


def item_of_header(name: str) -> tuple[str, bool] | None:
    """(item ID, is-comment) named by a column header in any platform's style, or None.

    ``P1.Q1``, ``P1/P1.Q1`` (Kobo), ``P1-P1.Q1`` (ODK Central), ``p1_q1`` (REDCap),
    ``[P1.Q1] How much …`` (forms text, Qualtrics question row) and their ``_comment`` columns.
    """
    s = name.strip()
    m = _TAG.search(s)
    if m:
        return m.group(1), bool(m.group(2))
    m = _ITEM_AT_END.search(s)
    if m:
        return m.group(1), bool(m.group(2))
    m = _REDCAP_NAME.match(s)
    if m:
        return f"{m.group(1).upper()}{m.group(2)}.Q{m.group(3)}", bool(m.group(4))
    return None


def version_findings(
    res: PlatformImport, inst: InstrumentFile, have: dict[str, tuple[int | None, int | None]], what: str = "column"
) -> bool:
    """Findings for items missing, extra, or from another version; True when the set is
    exactly the current instrument's.  ``have`` maps item ID → (line, column) of its slot."""
    current = inst.item_ids()
    history = {i.id for i in inst.items}
    present = set(have)
    if present == set(current):
        return True
    matches = [v for v in inst.known_versions() if inst.items_at(v) == present]
    if matches:
        line, col = have[sorted(present)[0]] if present else (None, None)
        res.add(
            "import-instrument-version",
            f"the export's items match instrument version {matches[-1]}, but the current version is {inst.version}; set the survey up again from `lchd-assess export instrument`",
            line,
            col,
        )
        return False
    for item_id in sorted(present - set(current), key=item_sort_key):
        line, col = have[item_id]
        if item_id in history:
            res.add(
                "import-instrument-version",
                f"{what} for {item_id}, an item of an earlier instrument version that {inst.version} no longer has; set the survey up again from `lchd-assess export instrument`",
                line,
                col,
            )
        else:
            res.add(
                "import-extra-item",
                f"{what} for {item_id}, which is not an item of instrument {inst.version}; delete it or fix its name",
                line,
                col,
            )
    missing = [i for i in current if i not in present]
    if missing:
        shown = ", ".join(missing[:6]) + (f" and {len(missing) - 6} more" if len(missing) > 6 else "")
        res.add(
            "import-missing-item",
            f"no {what} for {'item' if len(missing) == 1 else 'items'} {shown} of instrument {inst.version}; add {'the question' if len(missing) == 1 else 'the questions'} back on the platform (answers may stay empty)",
        )
    return False


def item_sort_key(item_id: str) -> tuple:
    el, q = item_id.split(".")
    return (0 if el.startswith("P") else 1, int(el.lstrip("PFS")), int(q[1:]))


# -- Answers -----------------------------------------------------------------------------------

CODE, LABEL = "code", "label"


def comment_label(item_id: str) -> str:
    """The label of an item's optional comment question, the same on every platform."""
    return f"Comment on {item_id} (optional; no names)"


_COMMENT_LABEL = re.compile(r"^comment on ((?:P|FS)[1-9][0-9]*\.Q[1-9][0-9]*)\b", re.I)


def item_of_comment_label(text: str) -> str | None:
    """The item whose comment question ``text`` is (a label header), or None."""
    m = _COMMENT_LABEL.match(" ".join(text.split()))
    return m.group(1).upper() if m else None


def choice_text(inst: InstrumentFile, item: Item, level: int) -> str:
    """The text of one level as every exported form shows it: code, level name, anchor."""
    return f"{level} – {inst.level_labels[level]}: {item.anchors[level].strip()}"


def special_label(inst: InstrumentFile, code: str) -> str:
    return next(a.label for a in inst.special_answers if a.code == code)


_LEADING_LEVEL = re.compile(r"^\s*([0-4])\s*[–—\-:.)]\s*\S")
#: Other wordings of DK and NA that platforms' users type into choice lists (matched in lower case).
SPECIAL_ALIASES = {
    "does not apply": NOT_APPLICABLE,
    "n/a": NOT_APPLICABLE,
    "not applicable": NOT_APPLICABLE,
    "don't know": DONT_KNOW,
    "don’t know": DONT_KNOW,
    "do not know": DONT_KNOW,
}


def label_table(inst: InstrumentFile, variants: Sequence[InstrumentFile] = ()) -> dict[str, int | str]:
    """Label (lower case) → answer, for exports that carry the choices' text; ``variants`` are
    the instrument in its other languages (a form set up from a translation)."""
    out: dict[str, int | str] = dict(SPECIAL_ALIASES)
    for v in (*variants, inst):
        out.update({lab.strip().lower(): n for n, lab in enumerate(v.level_labels)})
        for a in v.special_answers:
            out[a.label.strip().lower()] = a.code
    return out


def parse_answer(
    cell: str, labels: dict[str, int | str], codes: dict[str, int | str]
) -> tuple[str | None, int | str | None]:
    """(kind, answer): kind is CODE, LABEL, None for an empty cell, or "bad"."""
    s = cell.strip()
    if not s:
        return None, None
    if s in codes:
        return CODE, codes[s]
    low = s.lower()
    if low in labels:
        return LABEL, labels[low]
    m = _LEADING_LEVEL.match(s)
    if m:
        return LABEL, int(m.group(1))
    # A label followed by the anchor ("Established: Most partners …") as REDCap/Kobo labels show it.
    head = low.split(":", 1)[0].strip()
    if head in labels and ":" in low:
        return LABEL, labels[head]
    return "bad", None


def our_codes(extra: dict[str, int | str] | None = None) -> dict[str, int | str]:
    """The toolkit's own codes as they appear in raw exports (``4.0`` from a spreadsheet too)."""
    out: dict[str, int | str] = {}
    for n in LEVEL_VALUES:
        out[str(n)] = n
        out[f"{n}.0"] = n
    for c in (DONT_KNOW, NOT_APPLICABLE):
        out[c] = c
        out[c.lower()] = c
    out.update(extra or {})
    return out


class KindTracker:
    """Notices when one export mixes codes and labels, remembering the first place of each."""

    def __init__(self) -> None:
        self.first: dict[str, tuple[int | None, int | None, str]] = {}

    def see(self, kind: str | None, line: int | None, col: int | None, where: str) -> None:
        if kind in (CODE, LABEL) and kind not in self.first:
            self.first[kind] = (line, col, where)

    def check(self, res: PlatformImport) -> None:
        if len(self.first) == 2:
            cl, cc, cw = self.first[CODE]
            ll, lc, lw = self.first[LABEL]
            res.add(
                "import-mixed-codes",
                f"answers are codes in some cells ({cw}, line {cl}) and labels in others ({lw}, line {ll}); download the data again with one setting for the whole file",
                ll,
                lc,
            )


def sector_role_tables(
    inst: InstrumentFile, variants: Sequence[InstrumentFile] = ()
) -> tuple[dict[str, str], dict[str, str]]:
    """Code or label (lower case; REDCap's underscore codes and translated labels too) →
    sector / role code."""

    def table(entries: Iterable) -> dict[str, str]:
        t: dict[str, str] = {}
        for e in entries:
            for key in (e.id, e.id.replace("-", "_"), e.label):
                t[key.strip().lower()] = e.id
        return t

    sectors = [s for v in (*variants, inst) for s in v.sectors]
    roles = [r for v in (*variants, inst) for r in v.roles]
    return table(sectors), table(roles)


def short_id(prefix: str, values: list[str]) -> Callable[[str], str]:
    """Respondent codes from a platform's long random IDs (UUIDs): the prefix and the shortest
    leading part (8, 12, 16 characters, or all) that keeps every code in this export distinct."""
    cleaned = [re.sub(r"[^0-9A-Za-z]", "", v.split(":", 1)[-1]) for v in values]
    for n in (8, 12, 16, 64):
        if len({c[:n] for c in cleaned}) == len(set(cleaned)):
            break

    def make(v: str) -> str:
        return prefix + re.sub(r"[^0-9A-Za-z]", "", v.split(":", 1)[-1])[:n]

    return make


# -- From a table of columns to rows -----------------------------------------------------------

SECTOR_QUESTION = "Which sector is your organisation in?"
ROLE_QUESTION = "What is your role in the partnership?"
SECTOR, ROLE, ITEM, COMMENT, RID, VERSION, PERSONAL, META = (
    "sector",
    "role",
    "item",
    "comment",
    "id",
    "version",
    "personal",
    "meta",
)


def classify_common(name: str) -> tuple[str, str | None] | None:
    """The columns every platform shares: items and comments, sector, role, instrument version,
    personal data.  None for anything else (the platform decides: metadata or ignored)."""
    hit = item_of_header(name)
    if hit:
        return (COMMENT if hit[1] else ITEM, hit[0])
    commented = item_of_comment_label(name)
    if commented:
        return (COMMENT, commented)
    low = name.strip().lower()
    bare = squash(name)
    if bare == "sector" or low.startswith("[sector]") or low == SECTOR_QUESTION.lower():
        return (SECTOR, None)
    if bare == "role" or low.startswith("[role]") or low == ROLE_QUESTION.lower():
        return (ROLE, None)
    if bare == "instrumentversion":
        return (VERSION, None)
    if is_personal(name):
        return (PERSONAL, None)
    return None

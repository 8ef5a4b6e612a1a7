"""The blank answer template (CSV header) and its codebook, which documents every column, question
and accepted answer."""

from __future__ import annotations

from ..core.outputs import csv_text
from ..load.instrument import InstrumentFile
from ..load.translation import Translation, UI_EN, localized_instrument
from .responses_cells import ANSWER_ALIASES, COMMENT_SUFFIX, FIXED_COLUMNS


def template_header(inst: InstrumentFile, comments: bool = False) -> list[str]:
    cols = list(FIXED_COLUMNS)
    for item_id in inst.item_ids():
        cols.append(item_id)
        if comments:
            cols.append(item_id + COMMENT_SUFFIX)
    return cols


def template_csv(inst: InstrumentFile, comments: bool = False) -> str:
    return csv_text([template_header(inst, comments)])


def codebook_markdown(inst: InstrumentFile, csv_name: str, translation: Translation | None = None) -> str:
    """A codebook a person can read: every column, its question, answers and codes.

    With a ``translation`` every text is in that language (IDs and codes stay as they are, so
    the same answer file serves every language) and the translation's status is stated first.

    Long because it is the document itself, line after line in reading order; split into
    pieces it would be harder to check against the codebook it writes.
    """
    ui = dict(UI_EN)
    if translation is not None:
        ui.update(translation.ui())
        inst = localized_instrument(inst, translation)
    L: list[str] = []
    L.append("# " + ui["codebook_title"].format(title=inst.title, version=inst.version))
    L.append("")
    if translation is not None:
        L.append(f"> **{translation.model.language_name}** · {translation.model.status_note.strip()}")
        L.append("")
    L.append(ui["codebook_intro"].format(csv_name=csv_name, version=inst.version))
    L.append("")
    L.append(inst.instructions.strip())
    L.append("")
    L.append(f"## {ui['who_heading']}")
    L.append("")
    L.append(f"| {ui['column']} | {ui['what_to_write']} |")
    L.append("|---|---|")
    L.append(f"| `respondent_id` | {ui['respondent_id_help']} |")
    L.append(f"| `sector` | {ui['sector_help']} |")
    L.append(f"| `role` | {ui['role_help']} |")
    L.append("")
    L.append(f"| {ui['sector_code']} | {ui['sector']} | {ui['sector_group']} |")
    L.append("|---|---|---|")
    group_label = inst.group_labels()
    for s in inst.sectors:
        L.append(f"| `{s.id}` | {s.label} | {group_label.get(s.group, s.group)} |")
    L.append("")
    L.append(f"| {ui['role_code']} | {ui['role']} |")
    L.append("|---|---|")
    for r in inst.roles:
        L.append(f"| `{r.id}` | {r.label} |")
    L.append("")
    L.append(f"## {ui['answers_heading']}")
    L.append("")
    L.append(ui["answers_intro"])
    L.append("")
    L.append(f"| {ui['write']} | {ui['meaning']} |")
    L.append("|---|---|")
    for n, lab in enumerate(inst.level_labels):
        L.append(f"| `{n}` | {ui['level_row'].format(label=lab, n=n)} |")
    for a in inst.special_answers:
        L.append(f"| `{a.code}` | {a.label}: {a.meaning} |")
    L.append("")
    L.append(ui["aliases_intro"])
    L.append("")
    L.append(f"| {ui['written']} | {ui['read_as']} |")
    L.append("|---|---|")
    for written, code in ANSWER_ALIASES:
        L.append(f"| `{written}` | `{code}` |")
    L.append("")
    L.append(ui["columns_note"])
    L.append("")
    L.append(ui["comment_note"])
    L.append("")
    L.append(f"## {ui['items_heading']}")
    by_el = {s.element: s for s in inst.sections}
    for sec in inst.sections:
        L.append("")
        L.append(f"### {sec.element}: {sec.title}")
        L.append("")
        L.append(sec.intro.strip())
        for item in inst.active_items():
            if item.element != sec.element:
                continue
            L.append("")
            L.append("#### " + ui["column_heading"].format(id=item.id))
            L.append("")
            L.append(item.stem.strip())
            if item.who_knows:
                L.append("")
                L.append("*" + ui["who_knows_line"].format(who=item.who_knows) + "*")
            L.append("")
            for n, anchor in enumerate(item.anchors):
                L.append(f"- `{n}`: {anchor.strip()}")
            L.append("- " + ui["dk_na_line"])
    missing = [i for i in inst.active_items() if i.element not in by_el]
    for item in missing:  # items whose element has no section still appear
        L.append("")
        L.append("#### " + ui["column_heading"].format(id=item.id))
        L.append("")
        L.append(item.stem.strip())
    return "\n".join(L) + "\n"

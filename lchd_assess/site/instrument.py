"""The self-assessment on the documentation site: its pages, element sections and downloads.

Listed in :mod:`lchd_assess.site.generate` (PAGE_SETS) and :mod:`lchd_assess.site.framework_pages`
(ELEMENT_SECTIONS, DOWNLOAD_SETS, DOWNLOAD_LISTS).
Everything shown comes from ``assessments/`` through :func:`lchd_assess.context.method.instrument_data`,
:func:`lchd_assess.context.method.method_markdown`; the answer sheet and its codebooks are
written by :mod:`lchd_assess.formats.responses` and handed in by the use case
(app/site_prepare.py, ``site.pages.Prepared``), the same files ``lchd-assess template`` writes.
"""

from __future__ import annotations

from typing import Any

from ..context.method import instrument_data, method_markdown
from ..context.site_pages import GeneratedMarkdownPage
from ..context.site_pages_use import InstrumentItemsPage, InstrumentPage
from ..core.formatting import md_text
from ..load.instrument import Assessment
from ..load.translation import available_languages
from ..render.questionnaire import render_html
from .pages import Page, SiteContext

FOLDER = "self-assessment"
OVERVIEW = f"{FOLDER}/index.md"
ITEMS = f"{FOLDER}/items.md"
SCORING = f"{FOLDER}/scoring.md"
CODEBOOK = f"{FOLDER}/codebook.md"
ANSWERING = f"{FOLDER}/answering.md"
DOWNLOADS = "downloads/self-assessment"
#: The blank answer sheet, named as `lchd-assess template --out answers.csv` names it.
TEMPLATE_CSV = f"{DOWNLOADS}/answers.csv"
#: The browser questionnaire, the same file `lchd-assess questionnaire --out DIR` writes.
QUESTIONNAIRE_HTML = f"{DOWNLOADS}/questionnaire.html"
#: The source files offered for download, in the order a reader needs them.
SOURCE_FILES = ("instrument.yaml", "scoring-rules.yaml", "recommended-actions.yaml")


def _assessment(ctx: SiteContext) -> Assessment:
    return ctx.load_assessment()


def _data(ctx: SiteContext) -> dict[str, Any]:
    # built once per site generation: the element pages ask for it eight times
    cached = getattr(ctx, "_instrument_data", None)
    if cached is None:
        cached = instrument_data(_assessment(ctx), ctx.fw)
        ctx._instrument_data = cached  # type: ignore[attr-defined]
    return cached


def _element_names(ctx: SiteContext) -> dict[str, str]:
    """Principle and structure ID → name (the gate sentence names a gated principle)."""
    return {e.id: e.name for e in [*ctx.fw.principles, *ctx.fw.structures]}


def instrument_pages(ctx: SiteContext) -> list[Page]:
    """The self-assessment's pages: overview, items, answering, scoring, codebook, and one
    codebook per translation."""
    a = _assessment(ctx)
    inst, rules = a.instrument, a.rules
    data = _data(ctx)
    version = inst.version
    overview = _overview_page(ctx, data, inst, rules)
    items_page = _items_page(ctx, data, version)
    scoring = Page(
        SCORING,
        "generated-markdown.md",
        "How the self-assessment is scored",
        GeneratedMarkdownPage.trusted(
            body=method_markdown(rules, inst, _element_names(ctx)), source="assessments/scoring-rules.yaml"
        ),
        description="How answers become element scores, readiness levels, intervals, agreement, sector perspectives and change over time; generated from the scoring rules.",
        nav_title="How it is scored",
    )
    codebook = Page(
        CODEBOOK,
        "generated-markdown.md",
        "Codebook for the answer sheet",
        GeneratedMarkdownPage.trusted(body=ctx.need("codebooks")[""], source="assessments/instrument.yaml"),
        description=f"Every column of the self-assessment answer sheet (version {version}), its question, the answers and their codes.",
        nav_title="Codebook",
    )
    answering = Page(
        ANSWERING,
        "generated-markdown.md",
        "Answering the self-assessment and collecting the answers",
        GeneratedMarkdownPage.trusted(body=answering_markdown(ctx, inst), source="assessments/instrument.yaml"),
        description="Members answer in a browser, on paper or in a workbook; the coordinator collects the answers into a wave with lchd-assess collect.",
        nav_title="Answering and collecting",
    )
    return [overview, items_page, answering, scoring, codebook, *_translated_codebooks(ctx)]


def _overview_page(ctx: SiteContext, data: dict[str, Any], inst: Any, rules: Any) -> Page:
    """The overview: who answers, the answer levels, the elements and their item counts."""
    version = inst.version
    groups = {g["id"]: g["label"] for g in data["sector_groups"]}
    elements = [
        {
            **ctx.link(e["id"], OVERVIEW),
            "section_title": e["section_title"],
            "item_count": len(e["items"]),
            "items_href": ctx.path_href(ITEMS, _element_anchor(e["id"]), OVERVIEW),
        }
        for e in data["elements"]
    ]
    return Page(
        OVERVIEW,
        "instrument.md",
        "Readiness self-assessment",
        InstrumentPage.trusted(
            instrument=data["instrument"],
            answers=data["answers"],
            sectors=[{**s, "group_label": groups.get(s["group"], s["group"])} for s in data["sectors"]],
            sector_groups=data["sector_groups"],
            roles=data["roles"],
            elements=elements,
            item_count=sum(e["item_count"] for e in elements),
            min_cell_size=rules.min_cell_size,
            csv_href=ctx.path_href(TEMPLATE_CSV, None, OVERVIEW),
            csv_name=TEMPLATE_CSV.rsplit("/", 1)[1],
            items_href=ctx.path_href(ITEMS, None, OVERVIEW),
            scoring_href=ctx.path_href(SCORING, None, OVERVIEW),
            codebook_href=ctx.path_href(CODEBOOK, None, OVERVIEW),
            coordinate_href=ctx.path_href("start/coordinate.md", None, OVERVIEW),
            downloads=[
                {"name": name, "href": ctx.path_href(f"{DOWNLOADS}/{name}", None, OVERVIEW)} for name in SOURCE_FILES
            ],
        ),
        description=f"The LCHD partnership readiness self-assessment, version {version}: who answers, the answer levels, how to collect answers, and the codebook.",
        nav_title="Overview",
    )


def _items_page(ctx: SiteContext, data: dict[str, Any], version: str) -> Page:
    """Every item, grouped by element, with its anchored levels."""
    return Page(
        ITEMS,
        "instrument-items.md",
        "Self-assessment items",
        InstrumentItemsPage.trusted(
            version=version,
            elements=[
                {
                    **ctx.link(e["id"], ITEMS),
                    "anchor": _element_anchor(e["id"]),
                    "section_title": e["section_title"],
                    "intro": e["intro"],
                    "items": [
                        {**it, "components": [ctx.link(c["id"], ITEMS) for c in it["components"]]} for it in e["items"]
                    ],
                }
                for e in data["elements"]
            ],
        ),
        description=f"Every item of the readiness self-assessment, version {version}, grouped by guiding principle and foundational structure, with the five anchored levels of each.",
        nav_title="Items",
    )


def _translated_codebooks(ctx: SiteContext) -> list[Page]:
    """One codebook per translation (assessments/translations/<lang>.yaml): same columns, the
    questions in that language, with its field-testing status at the top."""
    pages: list[Page] = []
    a = _assessment(ctx)
    for lang in available_languages(a.folder):
        tr = ctx.load_translation(lang)
        pages.append(
            Page(
                f"{FOLDER}/codebook-{lang}.md",
                "generated-markdown.md",
                f"Codebook for the answer sheet ({tr.model.language_name})",
                GeneratedMarkdownPage.trusted(
                    body=ctx.need("codebooks")[lang], source=f"assessments/translations/{lang}.yaml"
                ),
                description=f"The self-assessment codebook in {tr.model.language_name} ({tr.model.status.replace('-', ' ')}): the same columns and codes, the questions translated.",
                nav_title=f"Codebook ({tr.model.language_name})",
            )
        )
    return pages


def answering_markdown(ctx: SiteContext, inst: Any) -> str:
    """The page on the three ways to answer and on collecting the answers into a wave.

    Long because it is one page of prose in reading order, with the questionnaire's address,
    the codebook's and the item count filled in; split, the page could no longer be read here.
    """
    page = ctx.path_href(QUESTIONNAIRE_HTML, None, ANSWERING)
    codebook = ctx.path_href(CODEBOOK, None, ANSWERING)
    n = len(inst.item_ids())
    return f"""# Answering the self-assessment and collecting the answers

Several members of the partnership answer the {n} questions, each on their own. There are three
ways to answer; the coordinator then collects every answer into one **wave** (one round of
answers, such as the baseline or the follow-up a year later) and scores it.

## 1. In a browser

[Open the questionnaire]({page}) (version {inst.version}). It is one file that works in any
browser, opened from the web, from a disk or from a USB stick. One part of the partnership's
work per screen; *Don't know* and *Not applicable* are kept apart from the five statements.
Nothing leaves the browser: at the end the member saves an **answer file** (or copies it as text
into an e-mail) and sends it to the coordinator. Progress stays in that browser, so a member can
stop and come back.

For your own partnership, make a copy that offers your roster's sectors and names the wave:

```sh
lchd-assess questionnaire --out questionnaire/ --partnership PARTNERSHIP_DIR --wave 2026-03-31-spring
```

## 2. On paper

`lchd-assess questionnaire --out questionnaire/ --format pdf` writes a form with a box to tick
for every statement, *Don't know* and *Not applicable*, and boxes for the respondent code, sector
and role. Type the answers into the workbook (below) afterwards.

## 3. In a workbook

`lchd-assess questionnaire --out questionnaire/ --format xlsx` writes an Excel workbook: one row
per respondent, a drop-down list on every answer, sector and role cell, and each question with
its statements in the note on its column's header.

## Collecting the answers into a wave

```sh
lchd-assess collect PARTNERSHIP_DIR answers/*.json typed-in.xlsx --wave 2026-03-31-spring --dry-run
lchd-assess collect PARTNERSHIP_DIR answers/*.json typed-in.xlsx --wave 2026-03-31-spring
```

`collect` checks every file and adds the clean ones to `responses/<wave>.csv`:

- a file with a problem adds nobody, and one line says which file, where and what to fix; the
  other files still count;
- a respondent code already in the wave is refused, saying where it is; a file collected a second
  time adds nothing new, so collecting again after fixing one file is safe;
- rows already in the wave are never rewritten, and the file is written whole or not at all;
- `--dry-run` says what would be added and writes nothing.

CSV files made in a spreadsheet are read too: commas, semicolons or tabs, `4.0` for 4, and the
spellings of *Don't know* and *Not applicable* that the [codebook]({codebook}) lists; columns
that are not questions (a form's Timestamp) are ignored and named.

## Waves are put in order by date

Change is always measured from the earlier wave to the later one, so each wave needs the date its
collection closed: either name the wave after it (`2026-03-31-spring`) or list the wave in
`partnership.yaml`:

```yaml
waves:
  - {{label: Baseline 2025, closed: "2025-03-31", file: 2025-baseline.csv}}
  - {{label: Follow-up 2026, closed: "2026-03-31", file: 2026-followup.csv}}
```
"""


def _element_anchor(element_id: str) -> str:
    return f"items-{element_id.lower()}"


def element_sections(ctx: SiteContext, element_id: str, path: str) -> list[dict[str, str]]:
    """ "Assessment items" and "Recommended actions" on a principle's or structure's page."""
    data = _data(ctx)
    el = next((e for e in data["elements"] if e["id"] == element_id), None)
    if el is None:
        return []
    out = []
    if el["items"]:
        lines = [
            f"The [readiness self-assessment]({ctx.path_href(OVERVIEW, None, path)}) (version {data['instrument']['version']}) "
            f"asks about this element with {len(el['items'])} items; each has five anchored levels, shown on the "
            f"[items page]({ctx.path_href(ITEMS, _element_anchor(element_id), path)}).",
            "",
        ]
        for it in el["items"]:
            lines.append(f"- [**{md_text(it['id'])}**]({ctx.kind_href('item', it['id'], path)}) {md_text(it['stem'])}")
        out.append({"heading": "Assessment items", "markdown": "\n".join(lines)})
    if el["actions"]:
        lines = [
            "Next steps the toolkit suggests to a partnership whose score on this element is at or below the level named; "
            f"a partnership report lists the ones that fit its level. [How levels are set]({ctx.path_href(SCORING, None, path)}).",
            "",
        ]
        for act in el["actions"]:
            place = act["source"]["label"]
            comps = "; ".join(
                f"[{md_text(c['id'])} {md_text(c['name'] or '')}]({ctx.href(c['id'], path)})"
                for c in act["components"]
                if ctx.href(c["id"], path)
            )
            lines += [
                f"### {md_text(act['id'])} {md_text(act['title'])} {{ #{act['id']} }}",
                "",
                md_text(act["text"]),
                "",
                f"*For partnerships at:* {md_text(act['up_to_level_label'])} or below. *Place in the paper:* {md_text(place)}."
                + (f" *Components:* {comps}." if comps else ""),
                "",
            ]
        out.append({"heading": "Recommended actions", "markdown": "\n".join(lines).rstrip()})
    return out


def downloads(ctx: SiteContext) -> dict[str, str | bytes]:
    """The browser questionnaire and the blank answer sheet (as `lchd-assess questionnaire` and
    `lchd-assess template` write them) and the source files."""
    a = _assessment(ctx)
    out: dict[str, str | bytes] = {
        TEMPLATE_CSV: ctx.need("answer_template_csv"),
        QUESTIONNAIRE_HTML: render_html(a.instrument),
    }
    for name in SOURCE_FILES:
        out[f"{DOWNLOADS}/{name}"] = (a.folder / name).read_text(encoding="utf-8")
    return out


def download_list(ctx: SiteContext) -> tuple[str, str, list[tuple[str, str]]]:
    version = _assessment(ctx).instrument.version
    return (
        "The readiness self-assessment",
        f"Version {version} of the self-assessment. The answer sheet is the same file `lchd-assess template --out answers.csv` writes; "
        f"its [codebook]({CODEBOOK}) explains every column.",
        [
            (
                QUESTIONNAIRE_HTML,
                "The questionnaire for one member, in any browser: open it from disk or put it on any web space; answers never leave the browser until the member saves the answer file (`lchd-assess collect` merges them)",
            ),
            (TEMPLATE_CSV, "Blank answer sheet (CSV, one row per respondent)"),
            (f"{DOWNLOADS}/instrument.yaml", "The instrument: items, anchored levels, sectors and roles"),
            (f"{DOWNLOADS}/scoring-rules.yaml", "The scoring rules behind every score and level"),
            (f"{DOWNLOADS}/recommended-actions.yaml", "Recommended actions per element, with their place in the paper"),
        ],
    )

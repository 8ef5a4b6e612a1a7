"""The self-assessment on the documentation site: its pages, element sections and downloads.

Listed in :mod:`lchd_assess.site.generate` (PAGE_SETS) and :mod:`lchd_assess.site.framework_pages`
(ELEMENT_SECTIONS, DOWNLOAD_SETS, DOWNLOAD_LISTS).
Everything shown comes from ``assessments/`` through :func:`lchd_assess.context.method.instrument_data`,
:func:`lchd_assess.context.method.method_markdown` and the template writer in
:mod:`lchd_assess.formats.responses`, the same functions the scorer and ``lchd-assess template`` use.
"""

from __future__ import annotations

from typing import Any

from ..context.method import instrument_data, method_markdown
from ..core.formatting import md_text
from ..formats.responses import codebook_markdown, template_csv
from ..load.instrument import Assessment, load_assessment
from ..render.questionnaire import render_html
from .pages import Page, SiteContext

FOLDER = "self-assessment"
OVERVIEW = f"{FOLDER}/index.md"
ITEMS = f"{FOLDER}/items.md"
SCORING = f"{FOLDER}/scoring.md"
CODEBOOK = f"{FOLDER}/codebook.md"
DOWNLOADS = "downloads/self-assessment"
#: The blank answer sheet, named as `lchd-assess template --out answers.csv` names it.
TEMPLATE_CSV = f"{DOWNLOADS}/answers.csv"
#: The browser questionnaire, the same file `lchd-assess questionnaire --out DIR` writes.
QUESTIONNAIRE_HTML = f"{DOWNLOADS}/questionnaire.html"
#: The source files offered for download, in the order a reader needs them.
SOURCE_FILES = ("instrument.yaml", "scoring-rules.yaml", "recommended-actions.yaml")


def _assessment() -> Assessment:
    return load_assessment()


def _data(ctx: SiteContext) -> dict[str, Any]:
    # built once per site generation: the element pages ask for it eight times
    cached = getattr(ctx, "_instrument_data", None)
    if cached is None:
        cached = instrument_data(_assessment(), ctx.fw)
        ctx._instrument_data = cached  # type: ignore[attr-defined]
    return cached


def instrument_pages(ctx: SiteContext) -> list[Page]:
    a = _assessment()
    inst, rules = a.instrument, a.rules
    data = _data(ctx)
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
    overview = Page(
        OVERVIEW,
        "instrument.md",
        "Readiness self-assessment",
        {
            "instrument": data["instrument"],
            "answers": data["answers"],
            "sectors": [{**s, "group_label": groups.get(s["group"], s["group"])} for s in data["sectors"]],
            "sector_groups": data["sector_groups"],
            "roles": data["roles"],
            "resident_sector": inst.resident_sector,
            "elements": elements,
            "item_count": sum(e["item_count"] for e in elements),
            "min_cell_size": rules.min_cell_size,
            "csv_href": ctx.path_href(TEMPLATE_CSV, None, OVERVIEW),
            "csv_name": TEMPLATE_CSV.rsplit("/", 1)[1],
            "items_href": ctx.path_href(ITEMS, None, OVERVIEW),
            "scoring_href": ctx.path_href(SCORING, None, OVERVIEW),
            "codebook_href": ctx.path_href(CODEBOOK, None, OVERVIEW),
            "downloads": [{"name": name, "href": ctx.path_href(f"{DOWNLOADS}/{name}", None, OVERVIEW)} for name in SOURCE_FILES],
        },
        description=f"The LCHD partnership readiness self-assessment, version {version}: who answers, the answer levels, how to collect answers, and the codebook.",
        nav_title="Overview",
    )
    items_page = Page(
        ITEMS,
        "instrument-items.md",
        "Self-assessment items",
        {
            "version": version,
            "elements": [
                {
                    **ctx.link(e["id"], ITEMS),
                    "anchor": _element_anchor(e["id"]),
                    "section_title": e["section_title"],
                    "intro": e["intro"],
                    "items": [
                        {**it, "components": [ctx.link(c["id"], ITEMS) for c in it["components"]]}
                        for it in e["items"]
                    ],
                }
                for e in data["elements"]
            ],
        },
        description=f"Every item of the readiness self-assessment, version {version}, grouped by guiding principle and foundational structure, with the five anchored levels of each.",
        nav_title="Items",
    )
    scoring = Page(
        SCORING,
        "generated-markdown.md",
        "How the self-assessment is scored",
        {"body": method_markdown(rules, inst), "source": "assessments/scoring-rules.yaml"},
        description="How answers become element scores, readiness levels, intervals, agreement, sector perspectives and change over time; generated from the scoring rules.",
        nav_title="How it is scored",
    )
    codebook = Page(
        CODEBOOK,
        "generated-markdown.md",
        "Codebook for the answer sheet",
        {"body": codebook_markdown(inst, TEMPLATE_CSV.rsplit("/", 1)[1]), "source": "assessments/instrument.yaml"},
        description=f"Every column of the self-assessment answer sheet (version {version}), its question, the answers and their codes.",
        nav_title="Codebook",
    )
    return [overview, items_page, scoring, codebook]


def _element_anchor(element_id: str) -> str:
    return f"items-{element_id.lower()}"


def element_sections(ctx: SiteContext, element_id: str, path: str) -> list[dict[str, str]]:
    """"Assessment items" and "Recommended actions" on a principle's or structure's page."""
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
            comps = "; ".join(f"[{md_text(c['id'])} {md_text(c['name'] or '')}]({ctx.href(c['id'], path)})" for c in act["components"] if ctx.href(c["id"], path))
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
    a = _assessment()
    out: dict[str, str | bytes] = {TEMPLATE_CSV: template_csv(a.instrument), QUESTIONNAIRE_HTML: render_html(a.instrument)}
    for name in SOURCE_FILES:
        out[f"{DOWNLOADS}/{name}"] = (a.folder / name).read_text(encoding="utf-8")
    return out


def download_list(ctx: SiteContext) -> tuple[str, str, list[tuple[str, str]]]:
    version = _assessment().instrument.version
    return (
        "The readiness self-assessment",
        f"Version {version} of the self-assessment. The answer sheet is the same file `lchd-assess template --out answers.csv` writes; "
        f"its [codebook]({CODEBOOK}) explains every column.",
        [
            (QUESTIONNAIRE_HTML, "The questionnaire for one member, in any browser: open it from disk or put it on any web space; answers never leave the browser until the member saves the answer file (`lchd-assess collect` merges them)"),
            (TEMPLATE_CSV, "Blank answer sheet (CSV, one row per respondent)"),
            (f"{DOWNLOADS}/instrument.yaml", "The instrument: items, anchored levels, sectors and roles"),
            (f"{DOWNLOADS}/scoring-rules.yaml", "The scoring rules behind every score and level"),
            (f"{DOWNLOADS}/recommended-actions.yaml", "Recommended actions per element, with their place in the paper"),
        ],
    )

"""The self-assessment and the reporting standard on the documentation site: their pages,
the sections they add to element pages, their downloads, and the addresses other outputs use."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from lchd_assess.app.site import prepared_for, sample_files
from lchd_assess.site import instrument as site_instrument

from lchd_assess.site import standard as site_standard
from lchd_assess.formats.checklist import blank_checklist_yaml
from lchd_assess.render.checklist import blank_checklist_html
from lchd_assess.formats.citation import load_cff
from lchd_assess.load.framework import load_framework
from lchd_assess.load.instrument import load_assessment
from lchd_assess.context.method import method_markdown
from lchd_assess.formats.responses import template_csv
from lchd_assess.site.generate import ADDRESSES, SiteContext, generate
from lchd_assess.load.framework import load_standard
from lchd_assess.load.standard import item_url, standard_url


@pytest.fixture(scope="module")
def fw():
    return load_framework()


@pytest.fixture(scope="module")
def site(fw, root):
    # as `site build` does
    return generate(fw, load_cff(root / "CITATION.cff"), extra_files=sample_files(fw), prepared=prepared_for(fw))


@pytest.fixture(scope="module")
def assessment():
    return load_assessment()


@pytest.fixture(scope="module")
def std():
    return load_standard()


@pytest.fixture(scope="module")
def built(built_site):
    _site, result, site_dir = built_site
    assert result.ok, result.log
    return site_dir


def _nav_paths(nav) -> list[str]:
    out = []
    for entry in nav:
        if isinstance(entry, str):
            out.append(entry)
        elif isinstance(entry, dict):
            for value in entry.values():
                out.extend(_nav_paths(value) if isinstance(value, list) else [value])
    return out


def _body(text: str) -> str:
    return text.split("---\n", 2)[2]


# -- The self-assessment ---------------------------------------------------------------------


def test_each_of_the_instruments_items_appears_exactly_once_on_the_items_page(site, assessment):
    page = site.files[site_instrument.ITEMS]
    ids = assessment.instrument.item_ids()
    assert len(ids) == 51  # instrument 1.1.0; retired items are not on the page
    retired = [i.id for i in assessment.instrument.items if i.status == "retired"]
    assert retired and not any(f"{{ #{r} }}" in page for r in retired)
    for item_id in ids:
        assert page.count(f"{{ #{item_id} }}") == 1, item_id
        assert len(re.findall(rf"^### {re.escape(item_id)} ", page, re.MULTILINE)) == 1, item_id
    headings = re.findall(r"^### (\S+) \{ #", page, re.MULTILINE)
    assert sorted(headings) == sorted(ids)


def test_each_item_on_the_items_page_shows_its_five_anchored_levels(site, assessment):
    page = site.files[site_instrument.ITEMS]
    for item in assessment.instrument.active_items():
        block = page.split(f"{{ #{item.id} }}", 1)[1].split("\n### ", 1)[0]
        rows = re.findall(r"^\| (\d) · ", block, re.MULTILINE)
        assert rows == ["0", "1", "2", "3", "4"], item.id
        assert item.anchors[4].split()[0] in block


def test_principle_and_structure_pages_list_their_items_linked_to_the_items_page(site, assessment, fw):
    inst = assessment.instrument
    for el in [*fw.principles, *fw.structures]:
        page = site.files[f"{'principles' if el.id.startswith('P') else 'structures'}/{el.id}.md"]
        assert "## Assessment items" in page and "## Recommended actions" in page, el.id
        section = page.split("## Assessment items", 1)[1].split("\n## ", 1)[0]
        listed = re.findall(r"\[\*\*([A-Z0-9.]+Q\d+)\*\*\]\(\.\./self-assessment/items\.md#\1\)", section)
        assert listed == [i.id for i in inst.active_items() if i.element == el.id], el.id
        for act in assessment.actions.actions:
            if act.element == el.id:
                # Retired actions (P2.A1, P4.A2 in 1.1.0) are never suggested, nor listed.
                assert (f"{{ #{act.id} }}" in page and act.title in page) == (act.status == "active"), act.id


def test_the_scoring_page_is_the_method_generated_from_the_scoring_rules(site, assessment, fw):
    page = site.files[site_instrument.SCORING]
    names = {e.id: e.name for e in [*fw.principles, *fw.structures]}
    assert method_markdown(assessment.rules, assessment.instrument, names).strip() in page
    assert "P4 Equity" in page  # the gated principle by ID and name
    assert "min_cell_size" not in page  # words, not field names


def test_the_answer_sheet_download_is_what_lchd_assess_template_writes(site, assessment):
    assert site.files[site_instrument.TEMPLATE_CSV] == template_csv(assessment.instrument)
    for name in site_instrument.SOURCE_FILES:
        assert site.files[f"{site_instrument.DOWNLOADS}/{name}"] == (assessment.folder / name).read_text(
            encoding="utf-8"
        )


def test_the_instrument_overview_names_version_answers_sectors_roles_and_the_template_command(site, assessment):
    page = site.files[site_instrument.OVERVIEW]
    inst = assessment.instrument
    assert f"Version {inst.version}" in page
    assert "lchd-assess template --out answers.csv" in page
    for s in inst.sectors:
        assert f"`{s.id}`" in page
    for r in inst.roles:
        assert f"`{r.id}`" in page
    for a in inst.special_answers:
        assert f"`{a.code}`" in page
    # the coverage table counts each element's items and links them
    for sec in inst.sections:
        n = sum(1 for i in inst.active_items() if i.element == sec.element)
        assert f"| [{n}](items.md#items-{sec.element.lower()}) |" in page, sec.element


# -- The reporting standard ------------------------------------------------------------------


def test_each_reporting_item_has_exactly_one_page_in_the_navigation(root, std):
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    paths = _nav_paths(config["nav"])
    item_pages = [p for p in paths if p.startswith("reporting-standard/items/")]
    assert sorted(item_pages) == sorted(site_standard.item_page_path(i.id) for i in std.items())
    assert len(item_pages) == len(set(item_pages)) == len(std.items())


def test_the_checklists_item_links_and_the_sites_item_pages_are_the_same_addresses(fw, root, std):
    ctx = SiteContext(fw, load_cff(root / "CITATION.cff"))
    assert standard_url(std) == ctx.permanent_url("reporting-standard/index.md")
    for item in std.items():
        # both sides come from standard.item_path; pin the published form itself too, since
        # these URLs are printed on submitted checklists and must never move
        assert item_url(std, item.id) == ctx.permanent_url(ADDRESSES["reporting-item"](item.id)[0])
        v = ".".join(fw.meta.version.split(".")[:2])  # the release's own address, kept when the next one ships
        assert item_url(std, item.id) == f"{fw.meta.base_url}{v}/reporting-standard/items/{item.id}/"


def test_reporting_domains_and_items_are_links_wherever_they_are_named(fw, root, site):
    ctx = SiteContext(fw, load_cff(root / "CITATION.cff"))
    for rd in fw.research_agenda.reporting_domains:
        assert ctx.href(rd.id, "index.md") == f"research-agenda.md#{rd.id}"
        assert f"{{ #{rd.id} }}" in site.files["research-agenda.md"]
    assert ctx.href("RS-aims", "principles/P1.md") == "../reporting-standard/items/RS-aims.md"


def test_the_squire_crosswalk_page_lists_all_forty_elements_with_the_guidelines_doi(site, std):
    gx = next(c for c in std.crosswalks if c.id == "GX-squire-2")
    page = site.files[site_standard.ADDR_GX(gx.id)]
    assert len(gx.elements) == 40
    for e in gx.elements:
        assert page.count(f'<span id="item-{e.number}">') == 1, e.number
    assert "https://doi.org/10.1136/bmjqs-2015-004411" in page


def test_each_item_page_explains_gives_an_example_and_links_what_it_serves(site, std):
    for item in std.items():
        page = site.files[site_standard.item_page_path(item.id)]
        assert "## What to report" in page and "## Why it matters" in page and "An invented example" in page, item.id
        for target in item.why.serves:
            assert f"[{target} " in page, (item.id, target)


def test_the_blank_checklist_downloads_are_the_checklist_tools_own(site, std):
    assert site.files["reporting-standard/checklist.yaml"] == blank_checklist_yaml(std).encode("utf-8")
    assert site.files["reporting-standard/checklist.pdf"].startswith(b"%PDF-")


# -- Addresses used by other outputs ---------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == "href" and v:
                self.hrefs.append(v)
            if k == "id" and v:
                self.ids.add(v)


def _permanent_urls(text: str, base: str) -> set[str]:
    # a backslash ends an address too: in JSON goldens a newline after one is written "\n"
    return set(re.findall(re.escape(base) + r"[^\s\"'<>)\]\\]*", text))


def test_every_permanent_address_in_reports_and_checklists_is_a_built_page(built, root, std, fw):
    base = fw.meta.base_url
    texts = [blank_checklist_html(std)]
    # the reports' goldens are their typed contexts (JSON) since issue 14; the checklist's are HTML and Markdown
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((root / "tests" / "golden").rglob("*"))
        # golden/contexts holds the site pages' contexts too, with their latest/ addresses on purpose
        if p.suffix in (".html", ".md", ".json") and p.relative_to(root / "tests" / "golden").parts[0] != "contexts"
    ]
    urls: set[str] = set()
    for t in texts:
        urls |= _permanent_urls(t, base)
    # the checklist links every item, the reports every principle and structure
    assert {item_url(std, i.id) for i in std.items()} <= urls
    release = fw.meta.version.rsplit(".", 1)[0]
    assert {f"{base}{release}/principles/{p.id}/" for p in fw.principles} <= urls
    missing = []
    for url in sorted(urls):
        # the local build is one release: <base>/1.0/x/ is its x/
        rest, _, anchor = url[len(base) :].partition("#")
        if rest == "":
            continue  # the site's own address (a context's base_url): it sends readers to latest/
        assert rest.startswith(f"{release}/"), f"{url}: a permanent address without the release"
        rest = rest.removeprefix(f"{release}/")
        page = built / rest / "index.html" if rest == "" or rest.endswith("/") else built / rest
        if not page.is_file():
            missing.append(url)
            continue
        if anchor:
            parser = _Links()
            parser.feed(page.read_text(encoding="utf-8"))
            if anchor not in parser.ids:
                missing.append(url)
    assert missing == []


def test_the_built_element_page_links_its_items_to_anchors_that_exist(built):
    parser = _Links()
    parser.feed((built / "principles" / "P4" / "index.html").read_text(encoding="utf-8"))
    items = _Links()
    items.feed((built / "self-assessment" / "items" / "index.html").read_text(encoding="utf-8"))
    targets = [h for h in parser.hrefs if "self-assessment/items/#" in h]
    assert len(targets) >= 6
    for h in targets:
        assert h.split("#", 1)[1] in items.ids, h


def test_the_built_site_serves_the_downloads(built):
    assert (built / "reporting-standard" / "checklist.pdf").read_bytes().startswith(b"%PDF-")
    assert (
        (built / "downloads" / "self-assessment" / "answers.csv")
        .read_text(encoding="utf-8")
        .startswith("respondent_id,sector,role,")
    )
    assert Path(built / "self-assessment" / "codebook" / "index.html").is_file()


class _Text(HTMLParser):
    """Visible text outside code, where an unrendered Markdown link would show as '](…)'."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("code", "pre", "script", "style"):
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in ("code", "pre", "script", "style"):
            self.depth -= 1

    def handle_data(self, data):
        if self.depth == 0:
            self.text.append(data)


def test_no_markdown_is_left_unrendered_on_the_new_pages(built):
    pages = [
        built / "research-agenda" / "index.html",
        *sorted((built / "self-assessment").rglob("index.html")),
        *sorted((built / "reporting-standard").rglob("index.html")),
        *sorted((built / "principles").rglob("index.html")),
        *sorted((built / "structures").rglob("index.html")),
        built / "downloads" / "index.html",
    ]
    bad = []
    for page in pages:
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8"))
        text = "".join(parser.text)
        if "](" in text or "{ #" in text or "**" in text:
            bad.append(page.relative_to(built).as_posix())
    assert len(pages) > 50 and bad == []

"""The reporting standard and its crosswalks are data, checked like the rest of the framework."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from lchd_assess.load.documents import load_document
from lchd_assess.load.kinds import KINDS
from lchd_assess.load.framework import load_framework
from lchd_assess.load.framework import load_standard
from lchd_assess.load.standard import SERVES_KINDS, site_item, site_overview
from lchd_assess.app.validate import validate_paths

#: The 40 reportable elements of SQUIRE 2.0, numbered as in Table 1 of Ogrinc et al., BMJ Qual
#: Saf 2016;25:986–992 (doi:10.1136/bmjqs-2015-004411): 18 items, sub-items split out; results
#: are 13a–13f with missing data as 13f (not EQUATOR's reworded numbering).
SQUIRE_2_ELEMENTS = [
    "1",
    "2a",
    "2b",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8a",
    "8b",
    "9a",
    "9b",
    "10a",
    "10b",
    "10c",
    "11a",
    "11b",
    "12",
    "13a",
    "13b",
    "13c",
    "13d",
    "13e",
    "13f",
    "14a",
    "14b",
    "15a",
    "15b",
    "15c",
    "15d",
    "15e",
    "16a",
    "16b",
    "16c",
    "17a",
    "17b",
    "17c",
    "17d",
    "17e",
    "18",
]

SECTIONS = ["title-abstract", "introduction", "methods", "results", "discussion", "other"]


@pytest.fixture(scope="module")
def std():
    return load_standard()


def test_the_squire_crosswalk_lists_40_distinct_elements_under_18_item_numbers(std):
    """The crosswalk file itself (not this test's own list) has SQUIRE 2.0's shape."""
    numbers = [e.number for e in next(c for c in std.crosswalks if c.id == "GX-squire-2").elements]
    assert len(numbers) == len(set(numbers)) == 40
    assert len({re.match(r"\d+", n).group() for n in numbers}) == 18


def test_standard_and_crosswalk_load_and_validate_through_the_one_loader(root):
    for path, kind in [
        (root / "framework/reporting-standard.yaml", "reporting-standard"),
        (root / "framework/crosswalks/squire-2.yaml", "guideline-crosswalk"),
    ]:
        doc = load_document(path, KINDS[kind])
        assert doc.findings == [] and doc.model is not None, [f.format_text() for f in doc.findings]
    report = validate_paths([root / "framework"]).report
    assert report.ok, report.format_text()
    assert any(p.endswith("reporting-standard.yaml") for p in report.checked)
    assert load_framework().files("reporting-standard")


def test_crosswalk_covers_all_40_squire_elements_with_the_articles_numbering(std):
    cw = next(c for c in std.crosswalks if c.id == "GX-squire-2")
    assert cw.coverage == "complete" and cw.doi == "10.1136/bmjqs-2015-004411" and cw.reference == "REF-squire-2"
    assert [e.number for e in cw.elements] == SQUIRE_2_ELEMENTS
    active = {i.id for i in std.items()}
    for el in cw.elements:
        assert el.mappings or el.not_applicable, el.number
        assert {m.item for m in el.mappings} <= active, el.number
    assert next(e for e in cw.elements if e.number == "13f").item_name == "Results"
    assert "missing" in next(e for e in cw.elements if e.number == "13f").summary.lower()


def test_every_item_serves_an_existing_principle_or_structure(std):
    fw = load_framework()
    for item in std.items():
        assert item.why.serves, item.id
        for ref in item.why.serves:
            assert ref in fw and fw.kind_of(ref) in SERVES_KINDS, (item.id, ref)
        assert any(
            fw.kind_of(r) in ("principle", "structure") or fw.kind_of(r).endswith("component") for r in item.why.serves
        )


def test_items_are_grouped_by_the_six_squire_sections_with_unique_ids_and_numbers(std):
    m = std.model
    assert [s.id for s in m.sections] == SECTIONS
    ids = [i.id for i in m.items(include_retired=True)]
    nums = [i.number for i in std.items()]
    assert len(ids) == len(set(ids)) and len(nums) == len(set(nums))
    assert all(re.fullmatch(r"RS-[a-z]+(-[a-z]+)*", i) for i in ids)  # no digits: renumbering never touches an ID


def test_domains_are_the_papers_five_reporting_domains_plus_cross_cutting(std):
    fw = load_framework()
    rd = {d.id: d.name for d in fw.research_agenda.reporting_domains}
    pairs = [(d.id, d.reporting_domain and rd[d.reporting_domain]) for d in std.model.domains]
    assert pairs == [
        ("aims", "Aims"),
        ("composition", "Composition"),
        ("implementation", "Implementation"),
        ("outcomes", "Outcomes"),
        ("equity-metrics", "Equity metrics"),
        ("cross-cutting", None),
    ]
    used = Counter(i.domain for i in std.items())
    assert set(used) == {d.id for d in std.model.domains}


def test_the_partnership_content_the_issue_names_has_an_item_each(std):
    want = [
        "RS-partner-roster",
        "RS-governance",
        "RS-community-representation",
        "RS-theory-of-change",
        "RS-data-sharing",
        "RS-funding-model",
        "RS-formation-timeline",
        "RS-outcomes-by-level",
        "RS-equity-aims",
        "RS-equity-stratifiers",
        "RS-disaggregated-results",
        "RS-harms-burdens",
        "RS-ethics",
        "RS-funding-conflicts",
    ]
    for item_id in want:
        assert std.item(item_id) is not None and std.item(item_id).status == "active", item_id
    text = std.item("RS-disaggregated-results").what_to_report.lower()
    assert "absolute and relative" in text and "over time" in text
    assert "who bore" in std.item("RS-harms-burdens").what_to_report.lower()
    strat = {s.id for s in std.model.stratifiers}
    assert {
        "place-of-residence",
        "race-ethnicity-culture-language",
        "occupation",
        "gender-sex",
        "religion",
        "education",
        "socioeconomic-status",
        "social-capital",
        "age",
        "disability",
    } <= strat


def test_there_are_core_and_extended_items_and_every_section_has_a_core_item(std):
    tiers = Counter(i.tier for i in std.items())
    assert tiers["core"] and tiers["extended"]
    for s in std.model.sections:
        assert any(i.tier == "core" for i in s.items), s.id


def test_site_data_has_an_overview_and_one_page_per_item_with_crosswalk(std):
    o = site_overview(std)
    assert o["version"] == std.version and o["counts"]["items"] == len(std.items())
    assert o["crosswalks"][0]["elements"] == 40
    pages = [site_item(std, i) for i in std.items()]
    assert len({p["path"] for p in pages}) == len(pages)
    assert all(p["path"] == f"reporting-standard/items/{p['id']}/" for p in pages)
    roster = next(p for p in pages if p["id"] == "RS-partner-roster")
    assert {("GX-squire-2", "8b"), ("GX-stari", "8")} <= {(c["crosswalk"], c["number"]) for c in roster["crosswalk"]}


# -- Broken copies of the standard yield their findings ---------------------------------------


def _copy(root: Path, tmp: Path) -> Path:
    shutil.copytree(root / "framework", tmp / "framework")
    return tmp / "framework"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "file, old, new, code",
    [
        ("reporting-standard.yaml", 'number: "8b"', 'number: "8a"', "standard-duplicate-number"),
        (
            "reporting-standard.yaml",
            "na_allowed: true\n        na_guidance: Only for a report with no quantitative data.",
            "na_allowed: false\n        na_guidance: Only for a report with no quantitative data.",
            "standard-na-guidance",
        ),
        (
            "reporting-standard.yaml",
            "added: [RS-title,",
            "added: [RS-titel, RS-title,",
            "standard-changelog-unknown-item",
        ),
        ("reporting-standard.yaml", "serves: [FS3, FS3.1, FS3.2, FS3.4]", "serves: [FS3, FS9]", "dangling-reference"),
        ("reporting-standard.yaml", "serves: [P1, P4.1, FS1.1]", "serves: [L1]", "wrong-reference-kind"),
        ("reporting-standard.yaml", "id: RS-governance", "id: RS-Governance-2", "bad-id-pattern"),
        ("crosswalks/squire-2.yaml", "{item: RS-missing-data,", "{item: RS-missing-datum,", "dangling-reference"),
        ("crosswalks/squire-2.yaml", '  - number: "18"', '  - number: "17e"', "crosswalk-duplicate-element"),
        (
            "crosswalks/squire-2.yaml",
            "    summary: Suggest next steps.\n",
            "    summary: Suggest next steps.\n    not_applicable: Not needed.\n",
            "schema-value",
        ),
    ],
)
def test_a_broken_standard_or_crosswalk_yields_its_finding(root, tmp_path, file, old, new, code):
    fw = _copy(root, tmp_path)
    _edit(fw / file, old, new)
    report = validate_paths([fw]).report
    assert code in report.codes(), report.format_text()
    assert all(f.line for f in report.findings if f.code == code)


def test_item_urls_are_the_site_pages_under_the_frameworks_base_url(std):
    from lchd_assess.load.standard import item_path, item_url

    base = load_framework().meta.base_url
    assert std.model.citation.url == base + "reporting-standard/"
    release = ".".join(load_framework().meta.version.split(".")[:2]) + "/"  # the release's own pages
    for i in std.items():
        assert item_url(std, i.id) == base + release + item_path(i.id)

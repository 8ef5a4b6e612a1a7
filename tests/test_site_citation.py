"""CITATION.cff is valid, agrees with the framework data, and the "How to cite" formats are right."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from lchd_assess import __version__
from lchd_assess.formats import citation as c
from lchd_assess.load.framework import load_framework

CFFCONVERT = Path(__file__).resolve().parent.parent / ".venv" / "tools" / "cffconvert" / "bin" / "cffconvert"


@pytest.fixture(scope="module")
def cff(root):
    return c.load_cff(root / "CITATION.cff")


def test_citation_cff_is_valid_according_to_cffconvert(root):
    if not CFFCONVERT.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("cffconvert is missing on CI; scripts/setup.sh installs it in .venv/tools/cffconvert")
        pytest.skip("cffconvert not installed (run scripts/setup.sh)")
    result = subprocess.run(
        [str(CFFCONVERT), "--validate", "-i", str(root / "CITATION.cff")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_cffconvert_rejects_a_broken_citation_file(tmp_path, root):
    if not CFFCONVERT.exists():
        pytest.skip("cffconvert not installed (run scripts/setup.sh)")
    broken = tmp_path / "CITATION.cff"
    broken.write_text(
        (root / "CITATION.cff")
        .read_text()
        .replace("cff-version: 1.2.0", "cff-version: 1.2.0\ndate-released: not-a-date")
    )
    assert subprocess.run([str(CFFCONVERT), "--validate", "-i", str(broken)], capture_output=True).returncode != 0


def test_preferred_citation_is_the_framework_paper_as_the_data_describes_it(cff):
    pub = load_framework().meta.source_publication
    paper = c.paper(cff)
    assert paper.kind == "article"
    assert [(a.family, a.given) for a in paper.authors] == [(a.family, a.given) for a in pub.authors]
    assert len(paper.authors) == 9
    assert (paper.journal, paper.volume, paper.issue, paper.pages, paper.year, paper.doi) == (
        pub.journal,
        pub.volume,
        pub.issue,
        pub.article_number,
        pub.year,
        pub.doi,
    )
    assert paper.month == int(pub.date[5:7])


def test_toolkit_version_in_citation_cff_is_the_package_version(cff):
    assert str(cff["version"]) == __version__


def test_apa_of_the_paper(cff):
    assert c.apa(c.paper(cff)) == (
        "Liu, P. Y., Beck, A. F., Lindau, S. T., Holguin, M., Kahn, R. S., Fleegler, E., Henize, A. W., "
        "Halfon, N., & Schickedanz, A. (2022). A Framework for Cross-Sector Partnerships to Address Childhood "
        "Adversity and Improve Life Course Health. *Pediatrics*, *149*(Supplement 5), e2021053509O. "
        "https://doi.org/10.1542/peds.2021-053509O"
    )


def test_bibtex_of_the_paper_lists_all_authors_and_the_doi(cff):
    bib = c.bibtex(c.paper(cff))
    assert bib.startswith("@article{liu2022framework,\n")
    authors = next(line for line in bib.splitlines() if line.strip().startswith("author = "))
    assert authors.count(" and ") == 8 and "Lindau, Stacy Tessler" in authors
    assert "doi = {10.1542/peds.2021-053509O}" in bib and "pages = {e2021053509O}" in bib
    assert bib.count("{") == bib.count("}")


def test_ris_of_the_paper_and_of_the_toolkit(cff):
    ris = c.ris(c.paper(cff)).splitlines()
    assert ris[0] == "TY  - JOUR" and ris[-1].startswith("ER  -")
    assert sum(1 for line in ris if line.startswith("AU  - ")) == 9
    assert "DO  - 10.1542/peds.2021-053509O" in ris and "IS  - Supplement 5" in ris
    tool = c.ris(c.software(cff)).splitlines()
    assert tool[0] == "TY  - COMP" and f"ET  - {__version__}" in tool


def test_apa_of_the_toolkit_names_its_version(cff):
    assert f"(Version {__version__}) [Computer software]" in c.apa(c.software(cff))


@pytest.mark.parametrize(
    "given, initials", [("Patrick Y.", "P. Y."), ("Stacy Tessler", "S. T."), ("Anne-Marie", "A.-M."), ("Adam", "A.")]
)
def test_initials(given, initials):
    assert c.apa(c.Publication("software", "T", (c.Person("X", given),), 2026)).startswith(f"X, {initials} (2026)")


def test_a_file_without_cff_version_is_refused_with_one_line(tmp_path):
    from lchd_assess.core.errors import InputError

    p = tmp_path / "CITATION.cff"
    p.write_text("title: x\n")
    with pytest.raises(InputError, match="not a CITATION.cff"):
        c.load_cff(p)


def test_how_to_cite_page_is_generated_from_citation_cff(root, cff):
    text = (root / "docs" / "cite.md").read_text(encoding="utf-8")
    assert (
        c.apa(c.paper(cff)) in text
        and c.bibtex(c.paper(cff)).strip() in text
        and c.ris(c.software(cff)).strip() in text
    )


def test_ama_of_the_paper_as_pediatrics_prints_it(cff):
    assert c.ama(c.paper(cff)) == (
        "Liu PY, Beck AF, Lindau ST, et al. A framework for cross-sector partnerships to address childhood "
        "adversity and improve life course health. *Pediatrics*. 2022;149(suppl 5):e2021053509O. "
        "doi:10.1542/peds.2021-053509O"
    )


def test_vancouver_of_the_paper_lists_six_authors_then_et_al(cff):
    assert c.vancouver(c.paper(cff)) == (
        "Liu PY, Beck AF, Lindau ST, Holguin M, Kahn RS, Fleegler E, et al. A framework for cross-sector "
        "partnerships to address childhood adversity and improve life course health. Pediatrics. "
        "2022 May;149(Suppl 5):e2021053509O. doi:10.1542/peds.2021-053509O"
    )


def test_the_vancouver_title_agrees_with_the_reference_list_in_the_data(cff):
    ref = next(r for r in load_framework().references if r.role == "framework-paper")
    assert c._sentence_case(c.paper(cff).title) in ref.citation


def test_an_element_page_is_cited_in_every_style_with_its_version_and_versioned_address(cff):
    url = "https://example.org/site/1.0/principles/P1/"
    pub = c.page(
        cff,
        label="Principle",
        part_id="P1",
        name="Proactive, longitudinal investment",
        container="LCHD cross-sector partnership framework",
        version="1.0.0",
        release_date="2026-11-23",
        url=url,
    )
    for style in (*c.STYLES.values(), c.bibtex, c.ris):
        text = style(pub)
        assert url in text and "1.0.0" in text and "P1" in text, style.__name__
    assert c.bibtex(pub).startswith("@misc{lchd2026p1v100,\n")
    assert c.ris(pub).splitlines()[0] == "TY  - ELEC"


def test_the_doi_note_names_the_letter_o():
    assert "capital letter O" in c.doi_note("10.1542/peds.2021-053509O")
    assert c.doi_note("10.1542/peds.2021-053509D") == ""

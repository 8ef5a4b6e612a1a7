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
    result = subprocess.run([str(CFFCONVERT), "--validate", "-i", str(root / "CITATION.cff")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cffconvert_rejects_a_broken_citation_file(tmp_path, root):
    if not CFFCONVERT.exists():
        pytest.skip("cffconvert not installed (run scripts/setup.sh)")
    broken = tmp_path / "CITATION.cff"
    broken.write_text((root / "CITATION.cff").read_text().replace("cff-version: 1.2.0", "cff-version: 1.2.0\ndate-released: not-a-date"))
    assert subprocess.run([str(CFFCONVERT), "--validate", "-i", str(broken)], capture_output=True).returncode != 0


def test_preferred_citation_is_the_framework_paper_as_the_data_describes_it(cff):
    pub = load_framework().meta.source_publication
    paper = c.paper(cff)
    assert paper["type"] == "article"
    assert [(a["family-names"], a["given-names"]) for a in paper["authors"]] == [(a.family, a.given) for a in pub.authors]
    assert len(paper["authors"]) == 9
    assert (paper["journal"], str(paper["volume"]), paper["issue"], paper["start"], paper["year"], paper["doi"]) == (
        pub.journal, pub.volume, pub.issue, pub.article_number, pub.year, pub.doi)
    assert int(paper["month"]) == int(pub.date[5:7])


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


@pytest.mark.parametrize("given, initials", [("Patrick Y.", "P. Y."), ("Stacy Tessler", "S. T."), ("Anne-Marie", "A.-M."), ("Adam", "A.")])
def test_initials(given, initials):
    assert c.apa_name({"family-names": "X", "given-names": given}) == f"X, {initials}"


def test_a_file_without_cff_version_is_refused_with_one_line(tmp_path):
    from lchd_assess.core.errors import InputError

    p = tmp_path / "CITATION.cff"
    p.write_text("title: x\n")
    with pytest.raises(InputError, match="not a CITATION.cff"):
        c.load_cff(p)


def test_how_to_cite_page_is_generated_from_citation_cff(root, cff):
    text = (root / "docs" / "cite.md").read_text(encoding="utf-8")
    assert c.apa(c.paper(cff)) in text and c.bibtex(c.paper(cff)).strip() in text and c.ris(c.software(cff)).strip() in text

"""`lchd-assess portfolio --with-reports`: each partnership's report beside the portfolio,
linked from its row, under the same output-folder rules as the portfolio itself."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from lchd_assess.app.report_inputs import report_inputs
from lchd_assess.formats.score_output import to_json
from lchd_assess.score.synthetic import synthetic_score


@pytest.fixture
def saved_scores(tmp_path) -> list[Path]:
    """Three partnerships' scores.json, scored with this toolkit's instrument version."""
    version = {"instrument_version": report_inputs()[1].instrument_version}
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for i in (3, 1, 2):
        s = synthetic_score(i).model_copy(update=version)
        p = folder / f"{s.partnership.id}.json"
        p.write_text(to_json(s), encoding="utf-8")
        paths.append(p)
    return paths


def _links(html: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="([^"]+)">', html)


def test_each_row_links_to_its_own_report_by_a_relative_link_that_opens_from_disk(cli, tmp_path, saved_scores):
    out = tmp_path / "out"
    r = cli("portfolio", *map(str, saved_scores), "--out", str(out), "--with-reports", "--quiet")
    assert r.returncode == 0, r.stderr
    html = (out / "portfolio.html").read_text(encoding="utf-8")
    links = _links(html)
    assert len(links) == 3
    for link in links:
        assert not link.startswith(("/", "file:", "http")) and link.startswith("reports/")
        target = out / unquote(link)
        assert target.is_file()
        # the report behind the link is that row's partnership
        row = html[html.index(f'href="{link}"') :].split("</a>", 1)[0].rsplit(">", 1)[1]
        assert f"<h1>{row}</h1>" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in (out / "reports").iterdir()) == sorted(Path(x).name for x in links)
    assert not list((out / "reports").glob("*.pdf"))  # HTML unless PDFs are asked for


def test_report_pdfs_are_written_only_when_asked_for(cli, tmp_path, saved_scores):
    out = tmp_path / "out"
    r = cli("portfolio", *map(str, saved_scores[:1]), "--out", str(out), "--with-reports", "--report-pdfs", "--quiet")
    assert r.returncode == 0, r.stderr
    (pdf,) = (out / "reports").glob("*.pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")
    r = cli("portfolio", *map(str, saved_scores[:1]), "--out", str(tmp_path / "o2"), "--report-pdfs")
    assert r.returncode == 2 and "--report-pdfs is only used with --with-reports" in r.stderr


def test_anonymised_reports_are_named_by_code_and_name_nobody(cli, tmp_path, saved_scores):
    out = tmp_path / "out"
    key = tmp_path / "funder" / "key"
    r = cli(
        "portfolio",
        *map(str, saved_scores),
        "--out",
        str(out),
        "--with-reports",
        "--anonymize",
        "--key-file",
        str(key),
        "--quiet",
    )
    assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in (out / "reports").iterdir())
    assert len(names) == 3 and all(re.fullmatch(r"P-[0-9a-f]{8}\.html", n) for n in names), names
    from lchd_assess.score.models import ScoreResult

    originals = [ScoreResult.model_validate_json(p.read_text(encoding="utf-8")) for p in saved_scores]
    for f in [*(out / "reports").iterdir(), out / "portfolio.html", out / "portfolio.csv"]:
        text = f.read_text(encoding="utf-8")
        for s in originals:
            assert s.partnership.id not in text and s.partnership.id not in f.name
            assert s.partnership.name not in text and s.partnership.population_focus not in text
    # the roster is withheld, not claimed empty
    for f in (out / "reports").iterdir():
        text = f.read_text(encoding="utf-8")
        assert "lists 0 organisations" not in text
        assert "does not list the partner roster" in text
    assert sorted(Path(x).name for x in _links((out / "portfolio.html").read_text(encoding="utf-8"))) == names


def test_a_report_file_the_user_made_is_not_replaced_without_force(cli, tmp_path, saved_scores):
    out = tmp_path / "out"
    assert cli("portfolio", *map(str, saved_scores), "--out", str(out), "--with-reports", "--quiet").returncode == 0
    mine = next((out / "reports").iterdir())
    mine.write_text("my notes on this partnership", encoding="utf-8")
    before = (out / "portfolio.html").read_bytes()
    r = cli("portfolio", *map(str, saved_scores), "--out", str(out), "--with-reports", "--quiet")
    assert r.returncode == 2 and "output-exists" in r.stderr and mine.name in r.stderr
    assert mine.read_text(encoding="utf-8") == "my notes on this partnership"
    assert (out / "portfolio.html").read_bytes() == before
    r = cli("portfolio", *map(str, saved_scores), "--out", str(out), "--with-reports", "--quiet", "--force")
    assert r.returncode == 0 and mine.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_rerun_without_a_partnership_removes_only_the_report_it_made_for_it(cli, tmp_path, saved_scores):
    out = tmp_path / "out"
    assert cli("portfolio", *map(str, saved_scores), "--out", str(out), "--with-reports", "--quiet").returncode == 0
    (out / "reports" / "notes.txt").write_text("keep me", encoding="utf-8")  # the user's own file
    # without --force the folder now holds a file we did not write: refused only if we would
    # replace it, so the rerun goes ahead and leaves it alone
    r = cli("portfolio", *map(str, saved_scores[:2]), "--out", str(out), "--with-reports", "--quiet")
    assert r.returncode == 0, r.stderr
    left = sorted(p.name for p in (out / "reports").iterdir())
    assert left == sorted(["notes.txt", *(f"{p.stem}.html" for p in saved_scores[:2])])

"""The offline checklist page: same findings as `checklist check` (shared vectors), fill, fix,
save, and the saved file passes `checklist check` (Playwright, chromium, from file://)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lchd_assess.formats import checklist as cl
from lchd_assess.check.checklist import check_file
from lchd_assess.load.checklist import ReportInfo
from lchd_assess.load.framework import load_standard
from lchd_assess.site.checklist_form import form_html
from test_site_browser import _need_chromium  # noqa: F401

VECTORS = json.loads((Path(__file__).parent / "fixtures" / "checklist-vectors.json").read_text(encoding="utf-8"))[
    "vectors"
]
STD = load_standard()
IDS = [i.id for i in STD.items()]
NA_ALLOWED = next(i.id for i in STD.items() if i.na_allowed)
CORE = [i.id for i in STD.items() if i.tier == "core"]


def _answers(v):
    answers = {i: (v["fill"], "") for i in IDS}
    for k, pair in v["answers"].items():
        answers[NA_ALLOWED if k == "@na_allowed" else k] = tuple(pair)
    return answers


def _expected(v):
    if v["expect"] in ("@all-unanswered", "@core-unanswered"):
        ids = IDS if v["expect"] == "@all-unanswered" else CORE
        return sorted([("checklist-title-missing", None)] + [("checklist-item-unanswered", i) for i in ids], key=str)
    return sorted(((c, NA_ALLOWED if i == "@na_allowed" else i) for c, i in v["expect"]), key=str)


def _python(v, tmp_path):
    p = tmp_path / "c.yaml"
    text = cl.blank_checklist(STD, answers=_answers(v), report=ReportInfo(title=v["title"]))
    if v.get("scope") == "core":
        # every item written, as the page holds them, in a core-scope file: extended items left
        # blank are not required there, and extended items that are filled are checked
        text = text.replace("\nreport:\n", "\nscope: core\nreport:\n", 1)
    p.write_text(text, encoding="utf-8")
    report = check_file(p, STD)
    return sorted(
        ((f.code, f.path[1] if len(f.path) > 1 and f.path[0] == "items" else None) for f in report.findings), key=str
    )


@pytest.mark.parametrize("v", VECTORS, ids=[v["name"] for v in VECTORS])
def test_the_python_checker_gives_the_vectors_findings(v, tmp_path):
    assert _python(v, tmp_path) == _expected(v)


@pytest.fixture(scope="module")
def form(tmp_path_factory):
    _need_chromium()
    p = tmp_path_factory.mktemp("form") / "checklist-form.html"
    p.write_text(form_html(STD), encoding="utf-8")
    return p


def test_the_pages_script_gives_the_same_findings_for_every_vector(browser, form):  # noqa: F811
    page = browser.new_page()
    page.goto(form.as_uri())
    for v in VECTORS:
        state = {
            "scope": v.get("scope", "full"),
            "report": {"title": v["title"]},
            "items": {i: {"reported_at": a, "not_done": b} for i, (a, b) in _answers(v).items()},
        }
        got = page.evaluate("s => window.lchdChecklist.findings(s).map(f => [f.code, f.item])", state)
        assert sorted(((c, i) for c, i in got), key=str) == _expected(v), v["name"]
    page.close()


def test_fill_see_a_finding_fix_it_save_and_checklist_check_accepts_the_file(browser, form, tmp_path, cli):  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page.goto(form.as_uri())
    assert page.locator("#finding-list li").count() == 1 + len(IDS)  # title and every item
    page.fill("#report-title", "Harbour City: the first two years")
    for i in IDS:
        page.fill(f"[id='{i}-reported_at']", f"Methods: section {i}")
    page.fill("[id='RS-title-reported_at']", "")
    page.fill("[id='RS-title-not_done']", "N/A: the journal sets it")
    item = page.locator("#finding-list li[data-code='checklist-na-not-allowed']")
    assert item.count() == 1 and "cannot be marked not applicable" in item.inner_text()
    page.fill("[id='RS-title-not_done']", "")
    page.fill("[id='RS-title-reported_at']", "Title page")
    assert page.locator("#finding-list li").count() == 0
    assert "Complete" in page.locator("#count").inner_text()
    with page.expect_download() as dl:
        page.click("#save")
    saved = tmp_path / "saved.yaml"
    dl.value.save_as(saved)
    page.close()
    r = cli("checklist", "check", str(saved))
    assert r.returncode == 0, r.stdout + r.stderr


def test_a_core_checklist_needs_only_the_core_items_and_checklist_check_accepts_it(browser, form, tmp_path, cli):  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page.goto(form.as_uri())
    page.check("#scope-core")
    assert page.locator("#finding-list li").count() == 1 + len(CORE)  # title and the core items
    extended = next(i for i in IDS if i not in CORE)
    assert "optional in a core checklist" in page.evaluate(
        "id => getComputedStyle(document.querySelector(`#item-${id} legend`), '::after').content", extended
    )
    page.fill("#report-title", "Harbour City: a first report")
    for i in CORE:
        page.fill(f"[id='{i}-reported_at']", f"Methods: section {i}")
    assert "Complete" in page.locator("#count").inner_text()
    page.fill(f"[id='{extended}-reported_at']", "TBD")  # an extended item that is filled is checked
    assert page.locator(f"#finding-list li[data-code='checklist-placeholder'][data-item='{extended}']").count() == 1
    page.fill(f"[id='{extended}-reported_at']", "Discussion, para 2")
    assert page.locator("#finding-list li").count() == 0
    with page.expect_download() as dl:
        page.click("#save")
    saved = tmp_path / "core.yaml"
    dl.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert "\nscope: core\n" in text
    others = [i for i in IDS if i not in CORE and i != extended]
    assert f"  {extended}:" in text and not any(f"  {i}:" in text for i in others)
    r = cli("checklist", "check", str(saved))
    assert r.returncode == 0, r.stdout + r.stderr
    # reopened in a fresh page, it is a core checklist again
    page.goto(form.as_uri())
    assert not page.is_checked("#scope-core")
    page.set_input_files("#load", str(saved))
    page.wait_for_function("() => document.getElementById('scope-core').checked")
    assert page.locator("#finding-list li").count() == 0
    page.close()

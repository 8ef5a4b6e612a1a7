"""A member fills in the browser questionnaire opened from disk (Playwright driving Debian's
chromium): every item answered (a few Don't know / Does not apply, one comment), the answer file
saved, collected into a wave and scored; no request leaves the page; axe-core finds no serious
or critical accessibility problem.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from lchd_assess.app.collect import collect
from lchd_assess.load.instrument import load_assessment
from lchd_assess.app.questionnaire import write_questionnaire
from lchd_assess.app.score import score_partnership

# the browser is the session's one (tests/conftest.py)
REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "assessments" / "examples" / "riverbend-neighbourhood-collaborative"
#: Installed by scripts/setup.sh from npm (never copied into the repository).
AXE = Path(os.environ.get("LCHD_AXE", REPO / ".venv" / "node" / "node_modules" / "axe-core" / "axe.min.js"))
INST = load_assessment().instrument


def _need(path: Path, what: str) -> None:
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{what} not found at {path} on CI; run scripts/setup.sh")
        pytest.skip(f"{what} not found at {path} (run scripts/setup.sh)")


@pytest.fixture()
def partnership(tmp_path):
    folder = tmp_path / "riverbend"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("responses"))
    return folder


def planned_answer(n: int) -> str:
    """The answer the test gives to the n-th item: mostly levels, every 11th DK, every 13th NA."""
    if n % 11 == 5:
        return "DK"
    if n % 13 == 7:
        return "NA"
    return str(n % 5)


def _page(browser, path: Path, width: int = 1280):
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    return context, page, requests


def test_member_answers_every_item_saves_the_file_and_collect_and_score_agree(browser, partnership, tmp_path):
    html = write_questionnaire(tmp_path / "q", "html", partnership, "2026-03-31-spring")
    context, page, requests = _page(browser, html, 390)
    code = page.locator("#code-start").inner_text()
    assert len(code) == 9 and code[4] == "-"
    page.click("#next")
    assert page.locator("#sector-error").is_visible(), "choosing no sector must show an error"
    assert page.locator("#sector").get_attribute("aria-invalid") == "true"
    assert "sector-error" in page.locator("#sector").get_attribute("aria-describedby")
    page.select_option("#sector", "education")
    page.select_option("#role", "staff")
    page.click("#next")
    ids = INST.item_ids()
    planned = {}
    for sec in INST.sections:
        assert page.locator(f"#h-{sec.element}").is_visible()
        for n, item in enumerate(ids):
            if not item.startswith(sec.element + "."):
                continue
            value = planned_answer(n)
            planned[item] = value
            page.locator(f"input[name='{item}'][value='{value}']").check()
        if sec.element == "P2":
            commented = next(i for i in ids if i.startswith("P2."))
            page.fill(f"#c-{commented.replace('.', '-')}", "We meet monthly; residents joined in spring.")
        page.click("#next")
    assert page.locator("#h-end").is_visible()
    summary = page.locator("#summary").inner_text()
    assert f"of {len(ids)} questions" in summary
    with page.expect_download() as dl:
        page.click("#save-file")
    saved = tmp_path / dl.value.suggested_filename
    dl.value.save_as(saved)
    doc = json.loads(saved.read_text())
    assert doc["respondent_id"] == code and doc["wave"] == "2026-03-31-spring"
    assert doc["answers"] == {k: (int(v) if v.isdigit() else v) for k, v in planned.items()}
    assert doc["comments"] == {commented: "We meet monthly; residents joined in spring."}
    # The same answers as text, for pasting into an e-mail.
    page.click("#show-text")
    assert json.loads(page.locator("#answer-text").input_value()) == doc
    # Progress survives a reload (localStorage), with the same code.
    page.reload()
    assert page.locator("#code-end").inner_text() == code
    assert page.locator(f"input[name='{ids[1]}']:checked").get_attribute("value") == planned[ids[1]]
    context.close()
    assert all(u.startswith(("file:", "blob:", "data:")) for u in requests), requests

    # Two more members so every group reaches the minimum cell size; then collect and score.
    others = []
    for n, sector in enumerate(["resident-family", "health-care", "backbone", "community-organisation"]):
        other = dict(
            doc,
            respondent_id=f"TEST-000{n + 2}",
            sector=sector,
            role="resident-family-member" if sector == "resident-family" else "staff",
            comments={},
        )
        p = tmp_path / f"other{n}.json"
        p.write_text(json.dumps(other))
        others.append(p)
    result = collect(partnership, [saved, *others], "2026-03-31-spring")
    assert result.added == 5 and not result.refused
    score = score_partnership(partnership)
    valid = [int(v) for v in planned.values() if v.isdigit()]
    overall_mean = sum(valid) / len(valid)
    assert score.n_respondents == 5
    p1 = [int(planned[i]) for i in ids if i.startswith("P1.") and planned[i].isdigit()]
    p1_score = next(e for e in score.elements if e.id == "P1").score
    assert p1_score == pytest.approx(sum(p1) / len(p1) * 25, abs=0.05)
    assert 0 <= overall_mean <= 4


def test_questionnaire_has_no_serious_accessibility_problems_on_any_screen(browser, tmp_path):
    _need(AXE, "axe-core (npm)")
    html = write_questionnaire(tmp_path / "q", "html")
    context, page, requests = _page(browser, html)
    page.add_script_tag(path=str(AXE))
    problems = []
    screens = page.locator(".screen").count()
    page.select_option("#sector", "education")
    page.select_option("#role", "staff")
    for n in range(screens):
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        problems += [
            (n, v["id"], v["impact"], v["nodes"][0]["target"])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if n < screens - 1:
            page.click("#next")
    context.close()
    assert not problems, problems


def test_keyboard_alone_moves_through_a_question(browser, tmp_path):
    html = write_questionnaire(tmp_path / "q", "html")
    context, page, _ = _page(browser, html)
    page.select_option("#sector", "education")
    page.select_option("#role", "staff")
    page.click("#next")
    first = INST.item_ids()[0]
    page.locator(f"input[name='{first}'][value='0']").focus()
    page.keyboard.press("ArrowDown")
    assert page.locator(f"input[name='{first}']:checked").get_attribute("value") == "1"
    outline = page.evaluate("() => getComputedStyle(document.activeElement.closest('label')).outlineStyle")
    assert outline == "solid", "the focused choice must show a visible outline"
    context.close()

"""The site routes its three readers: "Start here" leads to step-by-step pages with the real
commands; search finds the words they type; samples are on the site (Playwright, chromium)."""

from __future__ import annotations

import pytest


ROUTES = [
    (
        "Coordinate a partnership",
        "/start/coordinate/",
        [
            "lchd-assess init",
            "lchd-assess questionnaire",
            "lchd-assess collect",
            "lchd-assess report",
            "partnership.yaml",
            "responses/",
        ],
    ),
    ("Fund partnerships", "/start/fund/", ["lchd-assess portfolio", "portfolio.csv", "--anonymize"]),
    (
        "Write a paper",
        "/start/write/",
        ["lchd-assess checklist new", "lchd-assess checklist check", "--format docx", "--as squire"],
    ),
]


@pytest.mark.parametrize("title, url, commands", ROUTES)
def test_each_start_here_route_leads_to_its_steps_with_real_commands(browser, served, title, url, commands):  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(served)
    page.locator(".lchd-routes a", has_text=title).first.click()
    page.wait_for_url("**" + url)
    text = page.locator("article").inner_text()
    for c in commands:
        assert c in text, c
    page.close()


def test_the_sample_report_and_portfolio_open_from_their_guides(browser, served):  # noqa: F811
    page = browser.new_page()
    page.goto(served + "start/fund/")
    with page.expect_navigation():
        page.locator("article a", has_text="sample portfolio").first.click()
    assert page.url.endswith("/downloads/samples/portfolio.html")
    assert "Harbour City" in page.content() or "portfolio" in page.title().lower()
    page.goto(served + "start/coordinate/")
    page.locator("article a", has_text="sample partnership report").first.click()
    page.wait_for_url("**/samples/report.html")
    assert page.locator("h1").count() >= 1
    page.close()


@pytest.mark.parametrize(
    "word, expect",
    [
        ("questionnaire", "start/coordinate"),
        ("survey", "survey-platforms"),
        ("portfolio", "start/fund"),
        ("checklist", "reporting-standard"),
    ],
)
def test_search_finds_what_each_reader_types(browser, served, word, expect):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.focus()
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta'); return m && !/initiali/i.test(m.textContent); }",
        timeout=15_000,
    )
    box.press_sequentially(word, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    hrefs = [a.get_attribute("href") or "" for a in page.locator(".md-search-result__item a").all()]
    assert any(expect in h for h in hrefs), hrefs[:10]
    page.close()


def test_the_framework_figure_is_legible_at_390_px_and_downloadable_as_svg_and_png(browser, served):  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(served)
    svg = page.locator("svg#framework-figure")
    # rendered size of the boxes' text: font size in SVG units times the drawing's scale
    px = page.evaluate("""() => {
        const svg = document.querySelector('svg#framework-figure');
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const t = [...svg.querySelectorAll('text')].map(e => parseFloat(e.getAttribute('font-size')) * scale);
        return Math.min(...t);
    }""")
    assert px >= 11, px
    assert svg.is_visible()
    links = page.locator("figcaption a[download]")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    svg_href = next(h for h in hrefs if h.endswith("framework-figure.svg"))
    png_href = next(h for h in hrefs if h.endswith("framework-figure.png"))
    svg_text = page.request.get(served + svg_href).text()
    assert svg_text.startswith("<?xml") and "<svg" in svg_text
    png = page.request.get(served + png_href)
    assert png.ok and png.body().startswith(b"\x89PNG") and png.headers["content-type"] == "image/png"
    page.close()

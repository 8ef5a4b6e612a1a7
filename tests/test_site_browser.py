"""A real browser (Playwright driving Debian's chromium) reads the built site, offline.

Opens the home page, follows the navigation to P1 and FS4, finds the wrong-pocket entry with
the search box, and records every request the browser makes: none may leave 127.0.0.1.
"""

from __future__ import annotations

import http.server
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest


CHROMIUM = os.environ.get("LCHD_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"chromium not found at {CHROMIUM} on CI; scripts/test.sh installs Debian's chromium")
        pytest.skip(f"chromium not found at {CHROMIUM} (set LCHD_CHROMIUM, or run scripts/test.sh, which installs it)")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _open_section(page, title: str) -> None:
    """Expand a collapsed section of Material's sidebar (a label for a hidden checkbox)."""
    nav = page.locator("nav.md-nav--primary")
    label = nav.locator("label.md-nav__link", has_text=title).first
    if label.count() and label.is_visible():
        toggle = label.get_attribute("for")
        # already open (the current page is in it): a click would close it
        if toggle and page.locator(f"input[id='{toggle}']").is_checked():
            return
        label.click()


def test_reader_follows_navigation_and_search_without_leaving_localhost(browser, served):
    requests: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served)
    assert "LCHD" in page.title()
    assert page.locator("svg#framework-figure").is_visible()

    nav = page.locator("nav.md-nav--primary")
    _open_section(page, "The framework")
    nav.get_by_role("link", name="Guiding principles").first.click()
    page.wait_for_url("**/principles/")
    nav.get_by_role("link", name="P1 ").first.click()
    page.wait_for_url("**/principles/P1/")
    assert page.locator("h1").inner_text().startswith("P1 ")

    _open_section(page, "The framework")
    nav.get_by_role("link", name="Foundational structures").first.click()
    page.wait_for_url("**/structures/")
    nav.get_by_role("link", name="FS4 ").first.click()
    page.wait_for_url("**/structures/FS4/")
    assert page.locator("h1").inner_text().startswith("FS4 ")

    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.focus()
    # the index loads in a web worker; Material says "Initializing search" until it is ready
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta'); return m && !/initiali/i.test(m.textContent); }",
        timeout=15_000,
    )
    box.press_sequentially("wrong pocket", delay=20)
    result = page.locator(".md-search-result__item a[href*='wrong-pocket']").first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_url("**wrong-pocket**")
    assert page.locator("[id='wrong-pocket']").count() == 1

    context.close()
    hosts = {urlsplit(u).hostname for u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")}
    assert hosts == {"127.0.0.1"}, sorted(u for u in requests if urlsplit(u).hostname != "127.0.0.1")
    assert any(u.endswith("search_index.json") for u in requests)  # the search ran, locally


def test_file_urls_build_opens_from_disk_and_its_links_work(browser, built_site_file_urls):
    _site, result, site_dir = built_site_file_urls
    assert result.ok, result.log
    requests: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.goto((site_dir / "index.html").as_uri())
    page.locator("svg#framework-figure a[href='principles/P1.html']").click()
    page.wait_for_url("**/principles/P1.html")
    assert page.locator("h1").inner_text().startswith("P1 ")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
        "sticky",
        "fixed",
    )  # the theme's CSS loaded
    context.close()
    assert all(urlsplit(u).scheme in ("file", "data", "blob") for u in requests), [
        u for u in requests if not u.startswith("file:")
    ]

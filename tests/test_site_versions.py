"""Versioned site: releases side by side (/1.0/, /latest/), Material's version selector, and every
page naming its release with a link to the same page in the latest one (Playwright, chromium)."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading

import pytest

from lchd_assess.core.addresses import release_of
from lchd_assess.core.errors import UsageError
from lchd_assess.load.framework import load_framework
from lchd_assess.site.publish import publish, versions_json
from test_site_browser import QuietHandler, _need_chromium  # noqa: F401


def _fake_build(out):
    out.mkdir(parents=True)
    (out / "index.html").write_text("<p>site</p>", encoding="utf-8")


def test_a_published_release_is_frozen_and_latest_follows_the_newest(tmp_path):
    dest = tmp_path / "pub"
    publish(dest, "1.0.0", _fake_build)
    with pytest.raises(UsageError, match="already published and frozen"):
        publish(dest, "1.0.2", _fake_build)
    publish(dest, "1.1.0", _fake_build)
    rows = json.loads((dest / "versions.json").read_text(encoding="utf-8"))
    assert [(r["version"], r["aliases"]) for r in rows] == [("1.1", ["latest"]), ("1.0", [])]
    assert (dest / "latest" / "index.html").is_file() and "url=latest/" in (dest / "index.html").read_text(
        encoding="utf-8"
    )


def test_versions_json_is_mikes_format():
    rows = json.loads(versions_json({"1.0": "1.0.0", "1.1": "1.1.0"}))
    assert set(rows[0]) >= {"version", "title", "aliases"}


RELEASE = release_of(load_framework().meta.version)
FRAMEWORK_VERSION = load_framework().meta.version


@pytest.fixture(scope="module")
def published(tmp_path_factory, cli):
    _need_chromium()
    dest = tmp_path_factory.mktemp("pub") / "site"
    r = cli("site", "publish", str(dest))
    assert r.returncode == 0, r.stderr
    # an earlier release beside it, as a later publish would leave it
    shutil.copytree(dest / RELEASE, dest / "0.9")
    rows = json.loads((dest / "versions.json").read_text(encoding="utf-8"))
    rows.append({"version": "0.9", "title": "0.9", "framework_version": "0.9.0", "aliases": []})
    (dest / "versions.json").write_text(json.dumps(rows), encoding="utf-8")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(dest)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_the_version_selector_lists_the_releases_and_switches_between_them(browser, published):  # noqa: F811
    page = browser.new_page()
    page.goto(published + f"{RELEASE}/principles/P1/")
    page.wait_for_selector(".md-version__current", timeout=10_000)
    assert page.locator(".md-version__current").inner_text().startswith(RELEASE)
    items = page.locator(".md-version__list .md-version__link")
    assert [t.split()[0].removesuffix("latest") for t in items.all_inner_texts()] == [RELEASE, "0.9"]
    page.locator(".md-version").hover()
    page.locator(".md-version__list .md-version__link", has_text="0.9").first.click()
    page.wait_for_url("**/0.9/**")
    assert "/0.9/principles/P1/" in page.url  # the same page in the other release
    page.close()


def test_every_page_names_its_release_and_links_the_latest(browser, published):  # noqa: F811
    page = browser.new_page()
    page.goto(published + f"{RELEASE}/structures/FS2/")
    note = page.locator(".lchd-version-note")
    assert note.inner_text().startswith(f"Release {RELEASE} (framework {FRAMEWORK_VERSION})")
    assert (
        note.locator("a").get_attribute("href")
        == "https://lchd-toolkit.github.io/lchd-framework/latest/structures/FS2/"
    )
    page.goto(published)  # the root sends visitors to latest/
    page.wait_for_url("**/latest/")
    page.close()

"""One address scheme (issue 14): every page address the toolkit prints or links comes from
core/addresses.py, and the site, the checklist, the reports and the SQUIRE view agree on it."""

from __future__ import annotations

import re
from pathlib import Path

from lchd_assess.core import addresses
from lchd_assess.context.report_context import element_url
from lchd_assess.load.framework import load_framework, load_standard
from lchd_assess.load.standard import item_path, item_url
from lchd_assess.site.pages import ADDRESSES, SiteContext

PACKAGE = Path(addresses.__file__).resolve().parents[1]


def test_the_site_links_with_the_one_table():
    assert ADDRESSES is addresses.PAGES


def test_site_path_turns_a_docs_page_into_its_directory_address():
    assert addresses.site_path("principles/P1.md") == "principles/P1/"
    assert addresses.site_path("index.md") == ""
    assert addresses.site_path("reporting-standard/index.md") == "reporting-standard/"


def test_reports_checklists_and_the_site_print_the_same_permanent_address():
    fw = load_framework()
    ctx = SiteContext(fw, {})
    base, version = fw.meta.base_url, fw.meta.version
    for kind, id_ in (("principle", "P1"), ("structure", "FS2")):
        want = addresses.permanent_url(base, version, kind, id_)
        assert want == f"{base.rstrip('/')}/{addresses.release_of(version)}/{kind}s/{id_}/"
        assert ctx.permanent_url(ADDRESSES[kind](id_)[0]) == want

        class Info:  # the report's view of the framework carries these two
            base_url, version = base, fw.meta.version

        assert element_url(Info(), id_) == want  # type: ignore[arg-type]
    std = load_standard()
    item = std.items()[0]
    assert item_path(item.id) == addresses.page_path("reporting-item", item.id)
    assert item_url(std, item.id) == addresses.permanent_url(
        std.base_url, std.release_version, "reporting-item", item.id
    )


def test_an_anchored_kind_gets_its_anchor():
    url = addresses.permanent_url("https://x.org/", "1.1.0", "principle-component", "P1.C2")
    assert url == "https://x.org/1.1/principles/P1/#P1.C2"


def test_no_other_module_writes_out_a_page_address():
    # the folders of the element pages, written as a path literal outside core/addresses.py
    pattern = re.compile(
        r"""["'](?:concepts|characteristics|principles|structures|limitations|models|crosswalks|reporting-standard/(?:items|crosswalks))/(?:\{|["'])"""
    )
    found = [
        f"{p.relative_to(PACKAGE)}:{n}"
        for p in sorted(PACKAGE.rglob("*.py"))
        if p.name != "addresses.py"
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []

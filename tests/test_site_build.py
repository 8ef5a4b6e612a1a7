"""The built HTML site: strict build without warnings, citation metadata, offline, links."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from lchd_assess import __version__
from lchd_assess.core.addresses import release_of
from lchd_assess.load.framework import load_framework
from lchd_assess.site.generate import ELEMENT_KINDS
from site_helpers import build_into, repo_copy


class Head(HTMLParser):
    """Collects meta tags, JSON-LD blocks, links, scripts, stylesheets and element ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[tuple[str, str]] = []
        self.jsonld: list[str] = []
        self.hrefs: list[str] = []
        self.resources: list[str] = []
        self.ids: set[str] = set()
        self._in_ld = False
        self.footer_text = ""
        self._in_footer = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "meta" and "name" in a:
            self.meta.append((a["name"], a.get("content", "")))
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True
            self.jsonld.append("")
        if tag == "script" and a.get("src"):
            self.resources.append(a["src"])
        if (
            tag == "link"
            and a.get("href")
            and a.get("rel") in ("stylesheet", "preload", "icon", "modulepreload", "manifest")
        ):
            self.resources.append(a["href"])
        if tag in ("img", "iframe", "source") and a.get("src"):
            self.resources.append(a["src"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "footer":
            self._in_footer += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False
        if tag == "footer":
            self._in_footer -= 1

    def handle_data(self, data):
        if self._in_ld:
            self.jsonld[-1] += data
        if self._in_footer:
            self.footer_text += data


def parse(path: Path) -> Head:
    h = Head()
    h.feed(path.read_text(encoding="utf-8"))
    return h


@pytest.fixture(scope="module")
def built(built_site):
    return built_site


def html_pages(site_dir: Path) -> list[Path]:
    """The site's MkDocs pages (they name MkDocs as their generator): standalone files offered
    as they are (the browser questionnaire, the checklist form) have tests of their own."""
    return sorted(
        p
        for p in site_dir.rglob("*.html")
        if '<meta name="generator" content="mkdocs-' in p.read_text(encoding="utf-8", errors="replace")[:4000]
    )


def test_mkdocs_strict_build_has_zero_warnings(built):
    _site, result, _dir = built
    assert result.returncode == 0, result.log
    assert result.warnings == [], "\n".join(result.warnings)
    assert "Documentation built" in result.log  # the log was captured, not hidden with -q


def test_a_broken_link_fails_the_build(tmp_path):
    def break_a_link(site):
        site.files["principles/P1.md"] += "\nSee [nowhere](../principles/P99.md).\n"

    _site, result = build_into(tmp_path, mutate=break_a_link)
    assert not result.ok
    assert any("P99.md" in w for w in result.warnings), result.log


def test_every_page_carries_the_highwire_citation_tags(built):
    pub = load_framework().meta.source_publication
    pages = html_pages(built[2])
    assert len(pages) >= 40
    for page in pages:
        meta = parse(page).meta
        names = [n for n, _ in meta]
        values = dict(meta)
        assert values["citation_title"] == pub.title, page
        assert [v for n, v in meta if n == "citation_author"] == [f"{a.family}, {a.given}" for a in pub.authors], page
        assert names.count("citation_author") == 9
        assert values["citation_publication_date"] == pub.date.replace("-", "/")
        assert values["citation_journal_title"] == "Pediatrics"
        assert (values["citation_volume"], values["citation_issue"], values["citation_firstpage"]) == (
            "149",
            "Supplement 5",
            "e2021053509O",
        )
        assert values["citation_doi"] == "10.1542/peds.2021-053509O"
        assert values["citation_abstract_html_url"].startswith("https://")


def test_every_page_has_json_ld_that_parses_and_element_pages_are_defined_terms(built):
    fw = load_framework()
    base = fw.meta.base_url
    seen_terms = {}
    for page in html_pages(built[2]):
        blocks = parse(page).jsonld
        assert len(blocks) == 1, page
        data = json.loads(blocks[0])
        assert data["@context"] == "https://schema.org"
        if data["@type"] == "DefinedTerm":
            assert data["inDefinedTermSet"]["@type"] == "DefinedTermSet"
            assert (
                data["url"] == base + release_of(fw.version) + "/" + page.parent.relative_to(built[2]).as_posix() + "/"
            )  # the versioned address
            seen_terms[data["termCode"]] = data["url"]
    # element pages, and the reporting standard's item pages (terms of the standard's own set)
    expected = {i for kind in ELEMENT_KINDS for i in fw.ids(kind)}
    assert set(seen_terms) == expected | set(fw.ids("reporting-item"))
    # the framework's term set holds its elements; reporting items belong to the standard's set
    home = json.loads(parse(built[2] / "index.html").jsonld[0])
    assert home["@type"] == "DefinedTermSet" and {t["termCode"] for t in home["hasDefinedTerm"]} == expected
    assert home["citation"]["identifier"] == "doi:10.1542/peds.2021-053509O"


def test_footer_shows_framework_and_toolkit_versions(built):
    version = load_framework().version
    for page in (built[2] / "index.html", built[2] / "principles" / "P1" / "index.html"):
        footer = " ".join(parse(page).footer_text.split())
        assert f"version {version}" in footer and f"toolkit version {__version__}" in footer


def test_nothing_is_loaded_from_another_host(built):
    for page in html_pages(built[2]):
        for res in parse(page).resources:
            assert not re.match(r"^(https?:)?//", res), (page, res)
    for css in built[2].rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"@import\s+url\(['\"]?https?:|url\(['\"]?https?://", text), css
    assert "fonts.googleapis" not in "".join(p.read_text(encoding="utf-8") for p in html_pages(built[2]))


def _check_links(site_dir: Path, directory_urls: bool) -> list[str]:
    """Every internal link of every page leads to a file (and anchor) of the built site.

    Each page is parsed once (its links and its ids), the site's files are listed once, and a
    link is judged once per page however often the navigation repeats it.
    """
    import os

    files = {str(p) for p in site_dir.rglob("*") if p.is_file()}
    dirs = {str(p) for p in site_dir.rglob("*") if p.is_dir()} | {str(site_dir)}
    heads: dict[str, Head] = {}

    def head(path: str) -> Head:
        if path not in heads:
            heads[path] = parse(Path(path))
        return heads[path]

    broken = []
    for page in html_pages(site_dir):
        if page.name == "404.html":
            continue  # served at any address, so MkDocs links it from the site root on purpose
        here = str(page)
        for href in dict.fromkeys(head(here).hrefs):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//") or href.startswith("mailto:"):
                continue
            # the built site holds no symlinks: a normalised path is the resolved one
            target = os.path.normpath(os.path.join(os.path.dirname(here), unquote(parts.path))) if parts.path else here
            if target in dirs:
                if not directory_urls:
                    broken.append(f"{page}: {href} (a folder; file:// would show a listing)")
                    continue
                target = os.path.join(target, "index.html")
            if target not in files:
                broken.append(f"{page}: {href}")
                continue
            if parts.fragment and target.endswith(".html") and unquote(parts.fragment) not in head(target).ids:
                broken.append(f"{page}: {href} (no such anchor)")
    return broken


def test_the_link_checker_finds_a_missing_page_a_missing_anchor_and_a_folder_link(tmp_path):
    """The checker above can fail: one broken link of each kind in a two-page site."""
    (tmp_path / "a").mkdir()
    mkdocs = '<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.6.0">'
    (tmp_path / "a" / "index.html").write_text(mkdocs + '<p id="here">x</p>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        mkdocs + '<a href="a/">ok</a><a href="a/#here">ok</a><a href="b/">gone</a><a href="a/#nowhere">no anchor</a>',
        encoding="utf-8",
    )
    assert len(_check_links(tmp_path, directory_urls=True)) == 2
    assert any("a folder" in b for b in _check_links(tmp_path, directory_urls=False))


def test_every_internal_link_and_anchor_resolves_including_the_figure(built):
    assert _check_links(built[2], directory_urls=True) == []


def test_the_file_urls_build_links_html_files_so_it_works_from_disk(built_site_file_urls):
    _site, result, site_dir = built_site_file_urls
    assert result.ok, result.log
    assert (site_dir / "principles" / "P1.html").exists()
    assert _check_links(site_dir, directory_urls=False) == []


def test_element_page_shows_components_with_their_anchors(built):
    ids = parse(built[2] / "structures" / "FS4" / "index.html").ids
    fs4 = next(s for s in load_framework().structures if s.id == "FS4")
    assert {c.id for c in fs4.components} <= ids


# `site build` in a process of its own, printing which of the heavy modules it loaded
_PROBE = """
import sys
from lchd_assess.cli.main import run
code = run(["site", "build", *sys.argv[1:]])
heavy = ["lchd_assess.load.models", "lchd_assess.site.generate", "lchd_assess.app.site_prepare", "lchd_assess.app.report", "PIL", "numpy"]
print("LOADED", code, [m for m in heavy if m in sys.modules])
"""


def test_site_build_command_builds_notices_edits_and_loads_only_what_it_needs(cli, tmp_path):
    """One repository copy built five times, each build a behaviour: fresh, unchanged, forced
    (these three as processes: which modules a build brings in is what the process boundary
    shows), then after a framework edit and after a self-assessment edit (in process)."""
    root = repo_copy(tmp_path / "repo")
    out = tmp_path / "out"
    env = {"LCHD_ROOT": str(root), "LCHD_CACHE_DIR": str(tmp_path / "cache")}

    def build_process(*args: str) -> tuple[int, str, set[str]]:
        proc = subprocess.run(
            [sys.executable, "-c", _PROBE, *args, "--out", str(out)],
            capture_output=True,
            text=True,
            env={**os.environ, **env},
            cwd=tmp_path,
        )
        line = next((x for x in proc.stdout.splitlines() if x.startswith("LOADED")), None)
        assert line, proc.stdout + proc.stderr
        _, code, loaded = line.split(" ", 2)
        return int(code), proc.stdout, set(ast.literal_eval(loaded))

    # nothing cached: everything is made
    code, stdout, loaded = build_process()
    assert code == 0 and "no warnings" in stdout and "pages generated" in stdout, stdout
    assert {"lchd_assess.app.site_prepare", "PIL"} <= loaded
    assert (out / "principles" / "P1" / "index.html").exists()
    # nothing changed since: generation is skipped, the build is MkDocs alone
    code, stdout, loaded = build_process()
    assert code == 0 and "generation skipped" in stdout, stdout
    assert loaded == set()
    # --force: every page again, its inputs from the cache
    code, stdout, loaded = build_process("--force")
    assert code == 0 and "pages generated" in stdout, stdout
    assert "lchd_assess.site.generate" in loaded
    assert not {"lchd_assess.app.site_prepare", "lchd_assess.app.report", "PIL", "numpy"} & loaded
    # a framework edit is noticed: the page is regenerated
    p = root / "framework" / "principles.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace(
            "Partnerships should act early", "Partnerships should act early and often", 1
        ),
        encoding="utf-8",
    )
    third = cli("site", "build", "--out", str(out), env=env)
    assert third.returncode == 0 and "pages generated" in third.stdout, third.stdout
    assert "act early and often" in (root / "docs" / "principles" / "P1.md").read_text(encoding="utf-8")
    assert cli("site", "check", env=env).returncode == 0
    # so is an edit to the self-assessment: its items page and the element pages follow
    inst = root / "assessments" / "instrument.yaml"
    text = inst.read_text(encoding="utf-8")
    assert "work tries to stop problems" in text  # the edit below must change something
    inst.write_text(
        text.replace("work tries to stop problems", "work sets out to prevent problems", 1), encoding="utf-8"
    )
    fourth = cli("site", "build", "--out", str(out), env=env)
    assert fourth.returncode == 0 and "pages generated" in fourth.stdout, fourth.stdout
    assert "sets out to prevent" in (root / "docs" / "self-assessment" / "items.md").read_text(encoding="utf-8")
    assert "sets out to prevent" in (root / "docs" / "principles" / "P1.md").read_text(encoding="utf-8")


def test_site_build_with_an_invalid_framework_prints_one_line_and_exits_2(cli, root, tmp_path):
    import shutil

    fw = tmp_path / "fw"
    shutil.copytree(root / "framework", fw)
    p = fw / "principles.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace("characteristics: [CH1, CH2]", "characteristics: [CH1, CH99]", 1),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = cli("site", "build", "--framework", str(fw), "--out", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "principles.yaml:" in lines[0] and "dangling-reference" in lines[0], result.stderr
    assert not out.exists()


def test_site_serve_serves_the_built_site_on_localhost(root, tmp_path):
    import urllib.request

    out = tmp_path / "served"
    env = {**os.environ, "LCHD_ROOT": str(repo_copy(tmp_path / "repo"))}
    proc = subprocess.Popen(
        [sys.executable, "-m", "lchd_assess", "site", "serve", "--port", "0", "--out", str(out)],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = None
        for line in proc.stdout:
            if line.startswith("serving "):
                url = line.split(" at ", 1)[1].split()[0]
                break
        assert url and url.startswith("http://127.0.0.1:"), "no 'serving' line"
        with urllib.request.urlopen(url + "principles/P1/", timeout=10) as resp:
            assert resp.status == 200 and b"citation_title" in resp.read()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_building_another_framework_leaves_the_repository_docs_alone(cli, root, tmp_path):
    import shutil

    fw = tmp_path / "fw"
    shutil.copytree(root / "framework", fw)
    p = fw / "principles.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace("Partnerships should act early", "Partnerships elsewhere act early", 1),
        encoding="utf-8",
    )
    before = (root / "docs" / "principles" / "P1.md").read_bytes()
    out = tmp_path / "other-site"
    result = cli("site", "build", "--framework", str(fw), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Partnerships elsewhere act early" in (out / "principles" / "P1" / "index.html").read_text(encoding="utf-8")
    assert (root / "docs" / "principles" / "P1.md").read_bytes() == before
    assert not (tmp_path / "other-site.src").exists()

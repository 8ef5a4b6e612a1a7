"""`lchd-assess release check`: a content change without a version is caught; a coherent release passes."""

from __future__ import annotations

import json
import shutil

import pytest

from lchd_assess.app.release import check_release, write_snapshot
from lchd_assess.load.release import snapshot_of


@pytest.fixture
def repo(root, tmp_path):
    """A copy of the repository's release data (framework/, assessments/*.yaml, citation files)."""
    dst = tmp_path / "repo"
    shutil.copytree(root / "framework", dst / "framework")
    (dst / "assessments").mkdir()
    for p in (root / "assessments").glob("*.yaml"):
        shutil.copy(p, dst / "assessments" / p.name)
    for name in ("CITATION.cff", ".zenodo.json"):
        shutil.copy(root / name, dst / name)
    if (root / "assessments" / "translations").is_dir():
        shutil.copytree(root / "assessments" / "translations", dst / "assessments" / "translations")
    # the release as committed is the one just published: freeze it, as `release snapshot` would
    write_snapshot(dst, force=True)
    return dst


def _framework_version(repo):
    return snapshot_of(repo)["version"]


def _bump(repo, new):
    """Set the framework's version to ``new`` with a changelog entry."""
    fw = repo / "framework" / "framework.yaml"
    old = _framework_version(repo)
    text = fw.read_text(encoding="utf-8").replace(f"version: {old}\nschema", f"version: {new}\nschema", 1)
    fw.write_text(
        text.replace(
            "changelog:\n", f'changelog:\n  - version: {new}\n    date: "2026-12-01"\n    changes: [Reworded P1.]\n', 1
        ),
        encoding="utf-8",
    )


def _minor(v):
    major, minor, _patch = (int(x) for x in v.split("."))
    return f"{major}.{minor + 1}.0"


def _patch(v):
    major, minor, patch = (int(x) for x in v.split("."))
    return f"{major}.{minor}.{patch + 1}"


def _codes(result):
    return sorted(f.code for f in result.report.findings)


def test_the_repository_as_committed_is_a_coherent_release(root):
    result = check_release(root)
    assert result.report.ok, [f.format_text() for f in result.report.findings]


def test_a_planted_content_change_without_a_version_bump_fails(repo):
    p = repo / "framework" / "principles.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace("description: ", "description: Planted words. ", 1), encoding="utf-8"
    )
    result = check_release(repo)
    assert _codes(result) == ["release-version-not-raised"]
    assert [(c.id, c.change, c.fields) for c in result.changes] == [("P1", "reworded", ("description",))]


def test_a_patch_bump_is_not_enough_when_a_cited_element_changed(repo):
    p = repo / "framework" / "principles.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace("description: ", "description: Planted words. ", 1), encoding="utf-8"
    )
    _bump(repo, _patch(_framework_version(repo)))
    assert _codes(check_release(repo)) == [
        "release-archive-metadata",
        "release-needs-new-minor",
    ]  # and .zenodo.json names the old version


def test_a_minor_bump_with_a_changelog_entry_and_archive_notes_passes(repo):
    p = repo / "framework" / "principles.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace("description: ", "description: Planted words. ", 1), encoding="utf-8"
    )
    old = _framework_version(repo)
    _bump(repo, _minor(old))
    result = check_release(repo)
    assert _codes(result) == ["release-archive-metadata"]  # .zenodo.json still names the old version
    z = json.loads((repo / ".zenodo.json").read_text(encoding="utf-8"))
    z["notes"] = z["notes"].replace(f"framework {old}", f"framework {_minor(old)}")
    (repo / ".zenodo.json").write_text(json.dumps(z), encoding="utf-8")
    assert check_release(repo).report.ok, [f.format_text() for f in check_release(repo).report.findings]


def test_a_raised_version_needs_a_changelog_entry(repo):
    ins = repo / "assessments" / "scoring-rules.yaml"
    text = ins.read_text(encoding="utf-8")
    version = text.split("\nversion: ", 1)[1].split("\n", 1)[0]
    ins.write_text(text.replace(f"\nversion: {version}", f"\nversion: {_patch(version)}", 1), encoding="utf-8")
    assert "release-changelog-missing" in _codes(check_release(repo))


def test_a_removed_framework_id_is_refused(repo):
    p = repo / "framework" / "glossary.yaml"
    text = p.read_text(encoding="utf-8")
    start = text.index("\n  - id: ", text.index("terms:"))
    end = text.index("\n  - id: ", start + 1)
    p.write_text(text[:start] + text[end:], encoding="utf-8")
    assert "release-id-removed" in _codes(check_release(repo))


def test_citation_and_archive_metadata_must_agree(repo):
    z = json.loads((repo / ".zenodo.json").read_text(encoding="utf-8"))
    z["version"] = "9.9.9"
    (repo / ".zenodo.json").write_text(json.dumps(z), encoding="utf-8")
    msgs = [f.message for f in check_release(repo).report.findings]
    assert msgs == [".zenodo.json's version is '9.9.9' but CITATION.cff says '0.1.0'; make them the same"]


def test_release_check_from_the_command_line_exits_1_on_a_planted_change(cli, repo):
    p = repo / "framework" / "structures.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("description: ", "description: Planted. ", 1), encoding="utf-8")
    r = cli("release", "check", "--root", str(repo))
    assert r.returncode == 1
    assert "release-version-not-raised" in r.stderr and "reworded  FS1" in r.stdout


def test_the_what_changed_page_lists_each_element_change_with_a_link(repo):
    from lchd_assess.formats.citation import load_cff
    from lchd_assess.load.framework import load_framework
    from lchd_assess.site.changes import changes_pages
    from lchd_assess.site.generate import SiteContext

    old = json.loads((repo / f"framework/releases/{_framework_version(repo)}.json").read_text(encoding="utf-8"))
    old["version"] = "0.9.0"
    for other in (repo / "framework/releases").glob("*.json"):
        other.unlink()  # the page compares with the newest earlier snapshot: make it this one
    principles = old["files"]["framework/principles.yaml"]["principles"]
    principles[0]["description"] = "Older words."
    (repo / "framework/releases/0.9.0.json").write_text(json.dumps(old), encoding="utf-8")
    ctx = SiteContext(load_framework(repo / "framework"), load_cff(repo / "CITATION.cff"))
    page = changes_pages(ctx)[0]
    assert page.context.previous == "0.9.0"
    rows = [(r["change"], r["link"]["id"], r["fields"]) for u in page.context.units for r in u["rows"]]
    assert rows == [("reworded", principles[0]["id"], "description")]
    assert page.context.units[0]["rows"][0]["link"]["href"] == "principles/P1.md"

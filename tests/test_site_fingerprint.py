"""The fingerprint that lets an up-to-date `site build` skip generation is the same whether the
docs folder is read from disk or taken from the files a forced build has just written."""

from __future__ import annotations

from lchd_assess.app.site_build import fingerprint
from lchd_assess.core.paths import citation_file, framework_dir
from lchd_assess.site.build import write_site
from lchd_assess.site.generate import Site


def test_the_fingerprint_of_written_docs_equals_the_one_read_back_from_disk(tmp_path):
    docs, config = tmp_path / "docs", tmp_path / "mkdocs.yml"
    files = {
        ".lchd-generated": "marker\n",
        "index.md": "# Home\n",
        "a-b.md": "sorted by path parts, not as one string\n",
        "a/b.md": "nested\n",
        "a/c/d.md": "deeper\n",
        "downloads/figure.png": b"\x89PNG binary",
    }
    site = Site(files=files, config="site_name: x\n", pages=[], nav=[])
    write_site(site, docs, config)
    fw, cff = framework_dir(), citation_file()
    from_disk = fingerprint(fw, docs, config, cff)
    assert fingerprint(fw, docs, config, cff, docs=files) == from_disk
    changed = dict(files, **{"a/b.md": "edited\n"})
    assert fingerprint(fw, docs, config, cff, docs=changed) != from_disk


def test_the_fingerprints_walk_lists_what_a_pathlib_walk_lists_in_the_same_order(tmp_path):
    import os

    from lchd_assess.core.paths import tree_files

    for rel in ("a-b.md", "a/b.md", "a/c/d.md", "B.md", "__pycache__/x.pyc", "a/__pycache__/y.pyc", "z/e.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel)
    os.symlink(tmp_path / "a" / "b.md", tmp_path / "link.md")  # a link to a file counts
    os.symlink(tmp_path / "z", tmp_path / "linked-folder")  # a link to a folder is not followed
    os.symlink(tmp_path / "missing", tmp_path / "broken.md")  # a broken link is no file
    pathlib_walk = [
        (p.relative_to(tmp_path).as_posix(), str(p))
        for p in sorted(tmp_path.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    ]
    assert tree_files(tmp_path) == pathlib_walk
    assert [rel for rel, _ in pathlib_walk] == ["B.md", "a/b.md", "a/c/d.md", "a-b.md", "link.md", "z/e.md"]
    assert tree_files(tmp_path / "nothing-here") == []


def test_writing_the_docs_rewrites_only_changed_files_and_removes_stale_ones_with_their_folders(tmp_path):
    docs, config = tmp_path / "docs", tmp_path / "mkdocs.yml"
    first = {".lchd-generated": "m\n", "index.md": "# Home\n", "old/gone.md": "old\n", "a/b/kept.md": "same\n"}
    assert write_site(Site(files=first, config="site_name: x\n", pages=[], nav=[]), docs, config) == [
        ".lchd-generated",
        "a/b/kept.md",
        "index.md",
        "old/gone.md",
        "mkdocs.yml",
    ]
    kept_before = (docs / "a" / "b" / "kept.md").stat().st_mtime_ns
    (docs / "empty-left-over").mkdir()
    second = {".lchd-generated": "m\n", "index.md": "# Home, edited\n", "a/b/kept.md": "same\n"}
    changed = write_site(Site(files=second, config="site_name: x\n", pages=[], nav=[]), docs, config)
    assert changed == ["index.md", "old/gone.md"]
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*")) == [
        ".lchd-generated",
        "a",
        "a/b",
        "a/b/kept.md",
        "index.md",
    ]
    assert (docs / "a" / "b" / "kept.md").stat().st_mtime_ns == kept_before

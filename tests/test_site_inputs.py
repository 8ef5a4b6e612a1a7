"""The site build's inputs (validated framework and self-assessment, schemas, release snapshot,
sample report and portfolio) are kept once per content: what comes back from the cache builds
exactly the site a fresh load builds, and any change to an input file is never served stale."""

from __future__ import annotations

import os
import shutil

import pytest

from lchd_assess.app import site_inputs as si
from lchd_assess.app.site import generate_site, make_inputs


def _entries(folder):
    return sorted((folder / "site-inputs").glob("*.json"))


@pytest.fixture
def fresh_site(monkeypatch):
    monkeypatch.setenv("LCHD_CACHE_DIR", "")  # caching off: everything loaded and validated now
    return generate_site(None)


def test_a_site_generated_from_the_cached_inputs_is_byte_identical_to_a_fresh_one(monkeypatch, tmp_path, fresh_site):
    monkeypatch.setenv("LCHD_CACHE_DIR", str(tmp_path))
    first = generate_site(None)  # made and stored
    assert len(_entries(tmp_path)) == 1
    second = generate_site(None)  # read back
    assert first.files == fresh_site.files
    assert second.files == fresh_site.files
    assert second.config == fresh_site.config


def test_the_cached_framework_and_assessment_are_the_same_objects_a_fresh_load_gives(monkeypatch, tmp_path):
    monkeypatch.setenv("LCHD_CACHE_DIR", str(tmp_path))
    made = si.site_inputs(None, make_inputs)
    read = si.site_inputs(None, lambda d, c: pytest.fail("the inputs were made again although cached"))
    for kind in si.KINDS:
        assert read.fw.files(kind) == made.fw.files(kind), kind
    assert read.prepared.assessment == made.prepared.assessment
    assert read.prepared.assessment is not None and read.prepared.release_changes is not None
    assert {k: t.model for k, t in read.prepared.translations.items()} == {
        k: t.model for k, t in made.prepared.translations.items()
    }
    assert read.prepared.translations  # the repository has translations: the test compares something
    assert read.prepared.figure_png == made.prepared.figure_png and read.prepared.figure_png.startswith(b"\x89PNG")
    for name in si._PLAIN + ("release_changes", "citations"):
        assert getattr(read.prepared, name) == getattr(made.prepared, name) and getattr(made.prepared, name), name
    assert read.samples == made.samples and made.samples


def test_a_changed_framework_file_gives_another_entry_and_is_loaded_afresh(monkeypatch, tmp_path, root):
    monkeypatch.setenv("LCHD_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data"
    shutil.copytree(root / "framework", data / "framework")
    si.site_inputs(data / "framework", make_inputs)
    glossary = data / "framework" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "# an edit\n", encoding="utf-8")
    calls = []
    si.site_inputs(data / "framework", lambda d, c: calls.append(d) or make_inputs(d, c))
    assert len(calls) == 1  # made again, not served from the old entry
    assert len(_entries(tmp_path / "cache")) == 2


def test_old_entries_are_removed_and_the_newest_kept(monkeypatch, tmp_path):
    monkeypatch.setenv("LCHD_CACHE_DIR", str(tmp_path))
    folder = tmp_path / "site-inputs"
    folder.mkdir()
    for n in range(si.KEEP_ENTRIES + 3):
        old = folder / f"{n:064x}.json"
        old.write_text("{}", encoding="utf-8")
        os.utime(old, ns=(n * 10**9, n * 10**9))
    si.site_inputs(None, make_inputs)
    left = _entries(tmp_path)
    assert len(left) == si.KEEP_ENTRIES
    assert folder / f"{si.KEEP_ENTRIES + 2:064x}.json" in left  # the newest old ones stay
    assert folder / f"{0:064x}.json" not in left
    assert folder / f"{si.fingerprint(si.real(si.paths.framework_dir()))}.json" in left  # and the new one


def test_a_damaged_entry_is_made_again_and_rewritten(monkeypatch, tmp_path, fresh_site):
    monkeypatch.setenv("LCHD_CACHE_DIR", str(tmp_path))
    generate_site(None)
    (entry,) = _entries(tmp_path)
    entry.write_text('{"format": "lchd-site-inputs/6", "framework": {"concepts": [{"id": 5}]}}', encoding="utf-8")
    assert generate_site(None).files == fresh_site.files
    assert entry.read_text(encoding="utf-8").startswith('{"format"')
    assert len(entry.read_text(encoding="utf-8")) > 10_000


# Which modules a `site build` process loads (fresh, forced, unchanged) is checked with the
# build command's other behaviours in tests/test_site_build.py, on one repository copy.

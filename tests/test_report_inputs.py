"""The report's framework and instrument inputs: validated once per content, cached safely."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lchd_assess.app import report_inputs as ri
from lchd_assess.app.report import default_guidance, report_framework_info
from lchd_assess.core.paths import tree_files
from lchd_assess.load.framework import load_framework

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def fresh_process():
    """Each call below stands for a new process: forget this process's memo before and after."""
    ri._MEMO.clear()
    yield
    ri._MEMO.clear()


def test_cached_inputs_equal_freshly_validated_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("LCHD_CACHE_DIR", str(tmp_path))
    want = (report_framework_info(), default_guidance())
    assert ri.report_inputs() == want  # made and written
    assert len(list((tmp_path / "report-inputs").glob("*.json"))) == 1
    ri._MEMO.clear()
    assert ri.report_inputs() == want  # read back


def test_a_damaged_cache_entry_is_made_again_not_trusted(tmp_path, monkeypatch):
    monkeypatch.setenv("LCHD_CACHE_DIR", str(tmp_path))
    first = ri.report_inputs()
    entry = next((tmp_path / "report-inputs").glob("*.json"))
    entry.write_text('{"framework": {"title": "forged"}}', encoding="utf-8")
    ri._MEMO.clear()
    assert ri.report_inputs() == first
    assert "forged" not in entry.read_text(encoding="utf-8")


def test_an_empty_cache_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("LCHD_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    assert ri.report_inputs()[0].version == load_framework().version
    assert list(tmp_path.iterdir()) == []


def test_a_framework_folder_chosen_for_the_run_is_what_the_fingerprint_covers(tmp_path, monkeypatch):
    import shutil

    default = ri.fingerprint()
    shutil.copytree(ROOT / "framework", tmp_path / "framework")
    monkeypatch.setenv("LCHD_FRAMEWORK", str(tmp_path / "framework"))
    same_bytes = ri.fingerprint()
    f = next((tmp_path / "framework").glob("*.yaml"))
    f.write_text(f.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert ri.fingerprint() not in (default, same_bytes)


def test_the_fingerprint_changes_when_any_data_file_changes(tmp_path, monkeypatch):
    import shutil

    for d in ("framework", "assessments", "schemas"):
        shutil.copytree(ROOT / d, tmp_path / d, ignore=shutil.ignore_patterns("examples"))
    monkeypatch.setenv("LCHD_ROOT", str(tmp_path))
    before = ri.fingerprint()
    assert ri.fingerprint() == before
    f = tmp_path / "assessments" / "scoring-rules.yaml"
    f.write_text(f.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert ri.fingerprint() != before


def test_the_fingerprint_covers_nested_data_files_but_not_the_examples_partnerships(tmp_path, monkeypatch):
    import shutil

    for d in ("framework", "assessments", "schemas"):
        shutil.copytree(ROOT / d, tmp_path / d, ignore=shutil.ignore_patterns("examples"))
    monkeypatch.setenv("LCHD_ROOT", str(tmp_path))
    before = ri.fingerprint()
    # a partnership under assessments/examples/ (at any depth) is not instrument data
    for where in ("examples", "translations/examples"):
        (tmp_path / "assessments" / where / "p").mkdir(parents=True)
        (tmp_path / "assessments" / where / "p" / "partnership.yaml").write_text("name: x\n", encoding="utf-8")
    (tmp_path / "framework" / "notes.txt").write_text("not data\n", encoding="utf-8")
    assert ri.fingerprint() == before
    # a data file in a subfolder is
    (tmp_path / "framework" / "crosswalks" / "extra.yaml").write_text("a: 1\n", encoding="utf-8")
    assert ri.fingerprint() != before


def test_reading_a_saved_score_loads_neither_the_scorer_nor_schema_validation_nor_yaml(cli, tmp_path):
    import os

    out = tmp_path / "first"
    example = ROOT / "assessments" / "examples" / "riverbend-neighbourhood-collaborative"
    # the saved score is only this test's input: written in process, and without a report's PDF
    out.mkdir()
    made = cli("score", str(example), "--format", "json", "--out", str(out / "scores.json"))
    assert made.returncode == 0, made.stderr

    # What a report from a saved scores file never needs (once the report inputs are cached):
    # the scorer and NumPy, schema validation, the YAML loader, the framework's models and the
    # other commands' modules.
    HEAVY = (
        "numpy",
        "jsonschema",
        "yaml",
        "lchd_assess.score.scoring",
        "lchd_assess.load.documents",
        "lchd_assess.load.framework",
        "lchd_assess.load.models",
        "lchd_assess.cli.commands.site",
        "lchd_assess.app.init",
    )

    def report_from_json(dest: Path, cache: str) -> list[str]:
        probe = (
            f"import sys, runpy\nHEAVY = {HEAVY!r}\n"
            f"sys.argv = ['lchd-assess', 'report', {str(out / 'scores.json')!r}, '--out', {str(dest)!r}, '--quiet']\n"
            "try:\n    runpy.run_module('lchd_assess', run_name='__main__')\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "print(','.join(sorted(m for m in sys.modules if m in HEAVY)))\n"
        )
        r = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env={**os.environ, "LCHD_CACHE_DIR": cache}
        )
        assert r.returncode == 0, r.stderr
        return [m for m in r.stdout.strip().split(",") if m]

    # an empty cache: the first report loads and validates everything (so the probe sees the
    # modules when they are loaded) and keeps the inputs; the second needs none of them
    assert "jsonschema" in report_from_json(tmp_path / "uncached", str(tmp_path / "cache"))
    assert report_from_json(tmp_path / "cached", str(tmp_path / "cache")) == []
    for name in ("report.html", "scores.json"):
        assert (tmp_path / "cached" / name).read_bytes() == (tmp_path / "uncached" / name).read_bytes()


def test_the_fingerprint_lists_the_same_data_and_code_files_as_a_pathlib_walk():
    def by_pathlib(folder, suffixes, skip=""):
        return sorted(
            str(p)
            for p in Path(folder).rglob("*")
            if p.suffix in suffixes and p.is_file() and skip not in p.relative_to(folder).parts[:-1]
        )

    for d in ri._data_dirs():
        listed = [full for _, full in tree_files(d, skip="examples", suffixes=(".yaml", ".yml", ".json"))]
        assert sorted(listed) == by_pathlib(d, (".yaml", ".yml", ".json"), "examples") and listed
    code = ri._PACKAGE / "load"
    assert sorted(full for _, full in tree_files(code, suffixes=(".py",))) == by_pathlib(code, (".py",))


def test_the_fingerprint_changes_when_a_validating_module_is_edited(tmp_path, monkeypatch):
    import os
    import shutil

    for c in ri._CODE:
        src, dst = ri._PACKAGE / c, tmp_path / c
        dst.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dst)
    monkeypatch.setattr(ri, "_PACKAGE", tmp_path)
    before = ri.fingerprint()
    assert ri.fingerprint() == before
    module = tmp_path / "context" / "report_parts.py"
    stat = module.stat()
    module.write_text(module.read_text(encoding="utf-8").replace("a", "b", 1), encoding="utf-8")  # same size
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert ri.fingerprint() != before

"""Runs anywhere: data found from any folder, chosen folders checked, nothing written but --out.

The wheel itself (built, installed in a new venv, run from an empty folder) is checked by
scripts/wheel_check.sh, which scripts/test.sh runs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lchd_assess.cli import run
from lchd_assess.core import paths
from lchd_assess.load.yamlload import load_yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "assessments" / "examples" / "harbour-city-family-network"


def version_of(path: Path) -> str:
    return str(load_yaml(path).data["version"])


def test_inside_a_checkout_the_checkouts_own_folders_are_read():
    assert paths.checkout_root() == ROOT
    assert paths.repo_root() == ROOT and paths.data_origin() == "source checkout"
    assert paths.framework_dir() == ROOT / "framework" and paths.assessments_dir() == ROOT / "assessments"


def test_version_names_every_version_and_where_the_data_is_read_from(capsys):
    with pytest.raises(SystemExit) as exc:
        run(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.splitlines() == [
        f"lchd-assess {__import__('lchd_assess').__version__}",
        f"framework {version_of(ROOT / 'framework' / 'framework.yaml')}",
        f"instrument {version_of(ROOT / 'assessments' / 'instrument.yaml')}",
        f"reporting standard {version_of(ROOT / 'framework' / 'reporting-standard.yaml')}",
        f"data read from: {ROOT} (source checkout)",
    ]


def test_a_chosen_framework_folder_is_read_for_that_run_only(tmp_path, capsys):
    fork = tmp_path / "fork-framework"
    shutil.copytree(ROOT / "framework", fork)
    with pytest.raises(SystemExit):
        run(["--framework", str(fork), "--version"])
    assert f"framework read from: {fork} (chosen for this run)" in capsys.readouterr().out
    assert run(["--framework", str(fork), "export", "bundle", "--out", str(tmp_path / "b.json")]) == 0
    assert paths.framework_dir() == ROOT / "framework"  # forgotten after the run


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


def test_a_framework_folder_that_is_not_a_framework_is_one_line_and_nothing_is_written(tmp_path, capsys):
    out = tmp_path / "out.json"
    assert run(["--framework", str(tmp_path), "export", "bundle", "--out", str(out)]) == 2
    line = _one_error_line(capsys)
    assert line.startswith(
        f"lchd-assess: error: {tmp_path}: not a framework folder (no framework.yaml); point --framework at"
    )
    assert not out.exists()


def test_data_from_a_newer_major_version_is_one_line_naming_the_place_and_the_fix(tmp_path, capsys):
    fork = tmp_path / "framework"
    shutil.copytree(ROOT / "framework", fork)
    text = (fork / "framework.yaml").read_text(encoding="utf-8")
    (fork / "framework.yaml").write_text(
        text.replace("\nschema_version: 1.", "\nschema_version: 2.", 1), encoding="utf-8"
    )
    out = tmp_path / "out.json"
    assert run(["--framework", str(fork), "export", "bundle", "--out", str(out)]) == 2
    line = _one_error_line(capsys)
    assert (
        f"{fork / 'framework.yaml'}:" in line
        and "schema_version 2." in line
        and "newer than this toolkit reads (1.x)" in line
        and "upgrade" in line
    )
    assert not out.exists()


def test_an_assessment_folder_that_is_not_one_is_refused(tmp_path, capsys):
    assert run(["--assessment", str(tmp_path), "template", "--out", str(tmp_path / "a.csv")]) == 2
    assert "not an assessment folder (no instrument.yaml)" in _one_error_line(capsys)
    assert not (tmp_path / "a.csv").exists()


def test_an_out_that_cannot_be_written_is_one_line_and_nothing_is_written(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("mine\n", encoding="utf-8")
    assert run(["report", str(EXAMPLE), "--out", str(blocker / "report")]) == 2
    assert (
        _one_error_line(capsys)
        == f"lchd-assess: error: --out {blocker / 'report'}: {blocker} is a file, not a folder; choose another place to write"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"] and blocker.read_text(encoding="utf-8") == "mine\n"


def test_validate_with_nothing_to_check_fails_and_says_where_it_looked(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LCHD_ROOT", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert run(["validate"]) == 2
    err = capsys.readouterr().err
    assert "no-files: nothing to check" in err and "framework and assessments hold no .yaml, .yml or .csv files" in err


def test_init_makes_a_partnership_folder_whose_blank_file_gives_findings_and_whose_filled_file_validates(
    tmp_path, capsys
):
    folder = tmp_path / "our-partnership"
    assert run(["init", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["README.txt", "partnership.yaml", "responses"]
    assert not any((folder / "responses").iterdir())
    assert "lchd-assess report" in (folder / "README.txt").read_text(encoding="utf-8")
    text = (folder / "partnership.yaml").read_text(encoding="utf-8")
    assert "resident-family" in text  # the sector codes are listed for the coordinator
    capsys.readouterr()
    # blank: clear findings with places, no crash
    assert run(["validate", str(folder / "partnership.yaml")]) == 1
    err = capsys.readouterr().err
    assert "partnership.yaml:11:7: schema-value:" in err and "must not be empty" in err and "internal error" not in err
    filled = (
        text.replace('name: ""', 'name: "Bahía Azul Family Network"', 1)
        .replace('scale: ""', 'scale: "city"')
        .replace('population_focus: ""', 'population_focus: "Families with young children"')
    )
    for n, (org, sector) in enumerate(
        [
            ("Clínica del Este", "health-care"),
            ("École du quartier", "education"),
            ("Parents' circle", "community-organisation"),
        ],
        start=1,
    ):
        filled = filled.replace(
            f'{{id: org-0{n}, name: "", sector: ""}}', f'{{id: org-0{n}, name: "{org}", sector: {sector}}}'
        )
    (folder / "partnership.yaml").write_text(filled, encoding="utf-8")
    assert run(["validate", str(folder / "partnership.yaml")]) == 0, capsys.readouterr()


def test_init_refuses_a_folder_that_is_not_empty_and_changes_nothing(tmp_path, capsys):
    folder = tmp_path / "existing"
    folder.mkdir()
    (folder / "notes.txt").write_text("ours\n", encoding="utf-8")
    assert run(["init", str(folder), "--name", "X"]) == 2
    assert "folder exists and is not empty" in _one_error_line(capsys)
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_a_report_writes_nothing_outside_out_and_caches_only_in_the_cache_folder(tmp_path, monkeypatch):
    work, cache = tmp_path / "work", tmp_path / "cache"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("LCHD_CACHE_DIR", str(cache))
    before = sorted(
        p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*") if ".git" not in p.parts and ".venv" not in p.parts
    )
    assert run(["report", str(EXAMPLE), "--out", "report", "--quiet"]) == 0
    assert sorted(p.name for p in work.iterdir()) == ["report"]
    after = sorted(
        p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*") if ".git" not in p.parts and ".venv" not in p.parts
    )
    assert [p for p in after if p not in before and "__pycache__" not in p and ".pytest_cache" not in p] == []
    assert (cache / "jinja").is_dir()


def test_no_cache_at_all_when_the_cache_folder_is_switched_off(tmp_path, monkeypatch):
    monkeypatch.setenv("LCHD_CACHE_DIR", "")
    assert paths.cache_dir("jinja") is None


def test_init_with_an_example_copies_that_fictional_partnership_to_try_score_on(tmp_path, capsys):
    folder = tmp_path / "try-it"
    assert run(["init", str(folder), "--example", EXAMPLE.name]) == 0
    copied = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    shipped = sorted(p.relative_to(EXAMPLE).as_posix() for p in EXAMPLE.rglob("*") if p.is_file())
    assert copied == sorted([*shipped, "README.txt"])
    assert run(["score", str(folder), "--out", str(tmp_path / "scores.json")]) == 0
    assert run(["init", str(tmp_path / "other"), "--example", "no-such-example"]) == 2
    assert "no such example; choose one of: " in capsys.readouterr().err and not (tmp_path / "other").exists()

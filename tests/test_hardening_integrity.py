"""What counts is what was really answered, by distinct people.

A row with no answers is not a respondent (it is noted, not counted, so a sector stays
"silent"); respondent IDs that differ only by NUL, zero-width or other invisible characters are
refused rather than counted as two people; a NUL byte anywhere in an answer file (a comment
too) makes it unreadable, as the catalogue says.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "assessments" / "examples"


@pytest.fixture
def folder(tmp_path) -> Path:
    return Path(shutil.copytree(sorted(p for p in EXAMPLES.iterdir() if p.is_dir())[0], tmp_path / "p"))


def _rows(folder: Path) -> tuple[Path, list[str]]:
    wave = sorted((folder / "responses").glob("*.csv"))[-1]
    return wave, wave.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("hidden", ["\u200b", "\x00", "\u202e", "\ufeff", "\t"])
def test_ids_that_differ_only_by_an_invisible_character_are_refused(cli, folder, hidden):
    wave, lines = _rows(folder)
    header = lines[0].split(",")
    col = header.index("respondent_id")
    copy = lines[1].split(",")
    copy[col] = copy[col] + hidden
    wave.write_text("\n".join([*lines, ",".join(copy)]) + "\n", encoding="utf-8")
    r = cli("score", str(folder))
    assert r.returncode == 1, r.stderr
    # refused as invisible, as unreadable (NUL), or (a tab is trimmed like a space) as the same ID
    assert any(
        code in r.stderr
        for code in ("responses-invisible-character", "responses-csv-syntax", "responses-duplicate-respondent")
    ), r.stderr


def test_a_nul_inside_a_comment_makes_the_file_unreadable(cli, folder):
    wave, lines = _rows(folder)
    lines[0] += ",P1.Q1_comment"
    lines[1:] = [line + "," for line in lines[1:]]
    lines[1] = lines[1][:-1] + ",fine\x00hidden"
    wave.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("score", str(folder))
    assert r.returncode == 1 and "NUL" in r.stderr, r.stderr


def test_a_row_with_no_answers_is_not_a_respondent(cli, folder):
    import json

    base = json.loads(cli("score", str(folder), "--format", "json").stdout)
    wave, lines = _rows(folder)
    header = lines[0].split(",")
    empty = [""] * len(header)
    empty[header.index("respondent_id")] = "R-EMPTY"
    empty[header.index("sector")] = "legal"
    empty[header.index("role")] = "staff"
    wave.write_text("\n".join([*lines, ",".join(empty)]) + "\n", encoding="utf-8")
    r = cli("score", str(folder), "--format", "json")
    assert r.returncode == 0, r.stderr
    after = json.loads(r.stdout)
    assert after["n_respondents"] == base["n_respondents"]
    legal = {s["sector"]: s for s in after["representation"]["by_sector"]}["legal"]
    assert legal == {s["sector"]: s for s in base["representation"]["by_sector"]}["legal"]

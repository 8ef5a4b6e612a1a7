"""A folder of deliberately broken files, each with the finding codes it must produce."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lchd_assess.core.findings import CATALOGUE
from lchd_assess.app.validate import validate_paths
from lchd_assess.load.yamlload import MAX_BYTES

BROKEN = Path(__file__).parent / "broken"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())


def test_there_are_at_least_25_broken_cases():
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES)
def test_broken_file_yields_exactly_its_finding_codes(case):
    folder = BROKEN / case
    expected = sorted(set((folder / "expected-codes.txt").read_text().split()))
    assert set(expected) <= set(CATALOGUE), "expected codes must be documented"
    report = validate_paths([folder]).report
    assert report.codes() == expected, report.format_text()
    for f in report.findings:
        assert f.file and f.file.endswith((".yaml", ".yml")), f
        assert f.line is not None, f.format_text()
        assert "Traceback" not in f.message and " object at 0x" not in f.message


@pytest.mark.parametrize("case", CASES)
def test_cli_reports_broken_file_in_one_line_each_with_exit_1(cli, case):
    result = cli("validate", str(BROKEN / case))
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr
    assert lines[:-1] and all(line.split(":")[0].endswith((".yaml", ".yml")) for line in lines[:-1])
    assert re.search(r"\d+ findings? in \d+ files?\.$", lines[-1]), lines[-1]


def test_oversized_file_is_refused_before_parsing(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("kind: glossary\n" + "# padding\n" * (MAX_BYTES // 10 + 1))
    report = validate_paths([tmp_path]).report
    assert report.codes() == ["file-too-large"]


def test_missing_path_is_bad_input_with_exit_2(cli, tmp_path):
    result = cli("validate", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    assert "file-not-found" in result.stderr


def test_json_output_equals_the_library_report(cli):
    folder = BROKEN / "dangling-reference"
    result = cli("validate", "--format", "json", str(folder))
    assert result.returncode == 1
    assert json.loads(result.stdout) == validate_paths([folder]).report.to_dict()


def test_finding_points_at_line_and_column_of_the_bad_value():
    report = validate_paths([BROKEN / "dangling-reference"]).report
    (f,) = report.findings
    text = (BROKEN / "dangling-reference" / "p.yaml").read_text().splitlines()
    assert text[f.line - 1][f.column - 1 :].startswith("CH9")
    assert f.path == ("principles", 0, "characteristics", 0)

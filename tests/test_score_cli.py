"""`lchd-assess score` and `lchd-assess template` as users run them."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from lchd_assess.load.instrument import load_assessment
from lchd_assess.formats.score_output import CSV_COLUMNS, to_json
from lchd_assess.app.score import example_folders, score_partnership

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "assessments" / "examples"
HARBOUR = EXAMPLES / "harbour-city-family-network"


def test_cli_json_equals_the_library_result(cli):
    result = cli("score", str(HARBOUR), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout == to_json(score_partnership(HARBOUR))
    data = json.loads(result.stdout)
    for key in (
        "instrument_version",
        "framework_version",
        "partnership",
        "wave",
        "n_respondents",
        "elements",
        "groups",
        "gaps",
        "gating",
        "representation",
        "change",
    ):
        assert key in data
    assert [e["id"] for e in data["elements"]] == ["P1", "P2", "P3", "P4", "FS1", "FS2", "FS3", "FS4", "overall"]


def test_json_is_byte_identical_on_rerun(cli):
    a = cli("score", str(HARBOUR), "--format", "json", "--wave", "2025-baseline")
    b = cli("score", str(HARBOUR), "--format", "json", "--wave", "2025-baseline")
    assert a.returncode == 0 and a.stdout == b.stdout
    assert json.loads(a.stdout)["change"] is None


def test_text_output_names_levels_gate_and_interval_method(cli):
    result = cli("score", str(EXAMPLES / "three-rivers-county-alliance"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Three Rivers County Child Health Alliance (fictional): wave 2026-annual (28 respondents)\n")
    assert "capped at 'Developing'" in out and "FS4 (" in out
    assert "percentile bootstrap over respondents: 2000 resamples" in out


def test_csv_output_has_one_row_per_element_and_overall(cli):
    result = cli("score", str(HARBOUR), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == CSV_COLUMNS
    assert [r[CSV_COLUMNS.index("element")] for r in rows[1:]] == [
        "P1",
        "P2",
        "P3",
        "P4",
        "FS1",
        "FS2",
        "FS3",
        "FS4",
        "overall",
    ]
    lib = score_partnership(HARBOUR)
    assert [r[CSV_COLUMNS.index("score")] for r in rows[1:]] == [f"{e.score:g}" for e in lib.elements]


def test_out_writes_the_file_whole(cli, tmp_path):
    out = tmp_path / "s.json"
    result = cli("score", str(HARBOUR), "--format", "json", "--out", str(out))
    assert result.returncode == 0
    assert out.read_text(encoding="utf-8") == to_json(score_partnership(HARBOUR))


def test_a_broken_response_file_gives_findings_exit_1_and_no_output(cli, tmp_path):
    folder = tmp_path / "p"
    shutil.copytree(HARBOUR, folder)
    wave = folder / "responses" / "2026-followup.csv"
    text = wave.read_text(encoding="utf-8").replace(",health-care,", ",hospital,", 1)
    wave.write_text(text, encoding="utf-8")
    out = tmp_path / "s.json"
    result = cli("score", str(folder), "--format", "json", "--out", str(out))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "responses-unknown-sector" in result.stderr and "2026-followup.csv:" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "args, needle",
    [
        (["score", "no/such/folder"], "no such partnership folder"),
        (["score", str(HARBOUR), "--wave", "1999"], "no wave '1999'"),
    ],
)
def test_bad_input_is_one_line_with_exit_2(cli, args, needle):
    result = cli(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0]


def test_missing_partnership_yaml_is_one_line_with_exit_2(cli, tmp_path):
    (tmp_path / "responses").mkdir()
    result = cli("score", str(tmp_path))
    assert result.returncode == 2 and "partnership.yaml" in result.stderr


def test_template_writes_header_and_codebook_and_reads_back(cli, tmp_path):
    inst = load_assessment().instrument
    out = tmp_path / "answers.csv"
    result = cli("template", "--out", str(out))
    assert result.returncode == 0, result.stderr
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == ["respondent_id", "sector", "role", *inst.item_ids()]
    book = (tmp_path / "answers.codebook.md").read_text(encoding="utf-8")
    for item in inst.active_items():
        assert f"Column `{item.id}`" in book and item.stem in book
    for s in inst.sectors:
        assert f"`{s.id}`" in book
    # A partnership fills it in a spreadsheet; the scorer reads it back as is.
    folder = tmp_path / "p"
    (folder / "responses").mkdir(parents=True)
    shutil.copy(HARBOUR / "partnership.yaml", folder / "partnership.yaml")
    rows = [
        f"R{n},{s},staff," + ",".join(str((n + j) % 5) for j in range(len(inst.item_ids())))
        for n, s in enumerate(["health-care"] * 3 + ["housing"] * 3, 1)
    ]
    (folder / "responses" / "2026-first.csv").write_text(
        out.read_text(encoding="utf-8") + "\r\n".join(rows) + "\r\n", encoding="utf-8"
    )
    scored = cli("score", str(folder), "--format", "json")
    assert scored.returncode == 0, scored.stderr
    assert json.loads(scored.stdout)["n_respondents"] == 6


def test_template_refuses_a_non_csv_name(cli, tmp_path):
    result = cli("template", "--out", str(tmp_path / "answers.xlsx"))
    assert result.returncode == 2 and ".csv" in result.stderr


def test_every_example_scores_and_demo_writes_each_score(cli, tmp_path):
    from lchd_assess.app.demo import _score

    code, message = _score(tmp_path)
    assert code == 0
    written = sorted(p.stem for p in (tmp_path / "scores").glob("*.json"))
    assert written == sorted(p.name for p in example_folders())
    assert len(written) >= 3


def test_examples_show_what_they_are_for():
    results = {p.name: score_partnership(p) for p in example_folders()}
    scales = {r.partnership.scale for r in results.values()}
    assert len(scales) >= 3
    assert all(10 <= r.n_respondents <= 40 for r in results.values())
    assert any(r.change is not None and any(c.flag == "improved" for c in r.change.elements) for r in results.values())
    assert any(
        any(
            g.suppression_reason == "below-minimum-cell-size"
            and g.group not in ("residents-families", "community-organisations")
            for g in r.groups
        )
        for r in results.values()
    )
    assert any(r.gating.capped for r in results.values())
    assert any(any(g.code == "large-difference" for g in r.gaps) for r in results.values())
    # Residents, families and youth shown as their own group somewhere, and a score that rests
    # mostly on institutional answers (community DK) says so.
    assert any(any(g.group == "residents-families" and not g.suppressed for g in r.groups) for r in results.values())
    assert any(any("rests mostly on institutional answers" in g.explanation for g in r.gaps) for r in results.values())
    # A wave answered with 1.0.0 is the baseline of a 1.1.0 wave; change uses only the kept items.
    harbour = results["harbour-city-family-network"]
    assert harbour.instrument_version != "1.0.0" and any(
        c.reason and "mean the same in both waves" in c.reason for c in harbour.change.elements
    )


def test_a_roster_sector_the_instrument_does_not_know_is_one_line_with_exit_2(cli, tmp_path):
    folder = tmp_path / "p"
    shutil.copytree(HARBOUR, folder)
    y = folder / "partnership.yaml"
    y.write_text(y.read_text(encoding="utf-8").replace("sector: legal}", "sector: lawyers}"), encoding="utf-8")
    result = cli("score", str(folder))
    assert result.returncode == 2
    assert (
        "partnership.yaml:" in result.stderr
        and "partnership-unknown-sector" in result.stderr
        and "'lawyers'" in result.stderr
    )

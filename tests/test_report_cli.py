"""`lchd-assess report` and `lchd-assess portfolio` as users run them."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from lchd_assess.cli.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "assessments" / "examples"
FIXTURE = ROOT / "tests" / "fixtures" / "score-result-full.json"


def test_report_writes_html_pdf_and_scores_json(cli, tmp_path):
    ex = sorted(p for p in EXAMPLES.iterdir() if p.is_dir())[0]
    r = cli("report", str(ex), "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".lchd-outputs.json",
        "report.html",
        "report.pdf",
        "scores.json",
    ]
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF-1.7")
    assert json.loads((tmp_path / "scores.json").read_text())["comments"] is None
    assert "wrote" in r.stdout and r.stderr == ""


def test_report_from_a_saved_score_drops_comments_unless_asked(cli, tmp_path):
    assert cli("report", str(FIXTURE), "--out", str(tmp_path / "a"), "--quiet").returncode == 0
    assert 'id="comments"' not in (tmp_path / "a" / "report.html").read_text()
    assert cli("report", str(FIXTURE), "--out", str(tmp_path / "b"), "--comments", "--quiet").returncode == 0
    assert 'id="comments"' in (tmp_path / "b" / "report.html").read_text()


def test_a_broken_score_file_gives_one_line_exit_2_and_writes_nothing(cli, tmp_path):
    bad = tmp_path / "bad.json"
    data = json.loads(FIXTURE.read_text())
    data["elements"][0]["score"] = "high"
    bad.write_text(json.dumps(data))
    r = cli("report", str(bad), "--out", str(tmp_path / "out"))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "elements.0.score" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists()


def test_a_missing_folder_and_a_wrong_wave_are_clear_errors(cli, tmp_path):
    r = cli("report", str(tmp_path / "nope"), "--out", str(tmp_path / "o"))
    assert r.returncode == 2 and "not found" in r.stderr
    r = cli("report", str(FIXTURE), "--wave", "1999", "--out", str(tmp_path / "o"))
    assert r.returncode == 2 and "1999" in r.stderr
    assert not (tmp_path / "o").exists()


def test_portfolio_takes_a_folder_of_partnerships_and_writes_three_files(cli, tmp_path):
    r = cli("portfolio", str(EXAMPLES), "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".lchd-outputs.json",
        "portfolio.csv",
        "portfolio.html",
        "portfolio.pdf",
        "portfolio.xlsx",
    ]
    n = len([p for p in EXAMPLES.iterdir() if (p / "partnership.yaml").is_file()])
    assert len((tmp_path / "portfolio.csv").read_text().splitlines()) == n + 1
    # off a terminal, no bar: one plain line per stage
    assert r.stderr.splitlines() == [f"reading {n} partnerships …", "laying out portfolio.pdf (about 4 pages) …"]


def test_portfolio_anonymized_shows_codes_not_names_and_keeps_its_key_outside(cli, tmp_path):
    import os
    import stat

    key = tmp_path / "funder" / "portfolio.key"
    r = cli("portfolio", str(EXAMPLES), "--out", str(tmp_path / "a"), "--anonymize", "--key-file", str(key), "--quiet")
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    # Created on first use, said even with --quiet, private to the user.
    assert "created the anonymisation key" in r.stderr and str(key) in r.stderr
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    secret = [line for line in key.read_text().splitlines() if not line.startswith("#")][0]
    text = (tmp_path / "a" / "portfolio.csv").read_text()
    assert "(fictional)" not in text and "P-" in text
    for f in (tmp_path / "a").iterdir():
        assert secret.encode() not in f.read_bytes()
    # The same key next year: the same codes; the key file is reused, not replaced.
    r = cli("portfolio", str(EXAMPLES), "--out", str(tmp_path / "b"), "--anonymize", "--key-file", str(key), "--quiet")
    assert r.returncode == 0 and r.stderr == ""
    assert (tmp_path / "b" / "portfolio.csv").read_text() == text
    # Another key: other codes.
    r = cli(
        "portfolio",
        str(EXAMPLES),
        "--out",
        str(tmp_path / "c"),
        "--anonymize",
        "--key-file",
        str(tmp_path / "other.key"),
        "--quiet",
    )
    assert r.returncode == 0
    assert (tmp_path / "c" / "portfolio.csv").read_text() != text


def test_a_bad_key_file_or_one_inside_the_output_is_one_line(cli, tmp_path):
    bad = tmp_path / "bad.key"
    bad.write_text("# my key\nnot-hex\n")
    r = cli("portfolio", str(EXAMPLES), "--out", str(tmp_path / "o"), "--anonymize", "--key-file", str(bad))
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert f"{bad}:2:1: not a portfolio key" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "o").exists()
    r = cli(
        "portfolio",
        str(EXAMPLES),
        "--out",
        str(tmp_path / "o"),
        "--anonymize",
        "--key-file",
        str(tmp_path / "o" / "k.key"),
    )
    assert r.returncode == 2 and "may not be kept inside the output folder" in r.stderr
    assert not (tmp_path / "o" / "k.key").exists()
    r = cli("portfolio", str(EXAMPLES), "--out", str(tmp_path / "o"), "--key-file", str(bad))
    assert r.returncode == 2 and "only used with --anonymize" in r.stderr


def test_portfolio_of_a_folder_without_partnerships_is_refused(cli, tmp_path):
    r = cli("portfolio", str(tmp_path), "--out", str(tmp_path / "o"))
    assert r.returncode == 2 and "no partnership here" in r.stderr


def test_answers_with_findings_exit_1_and_write_nothing(cli, tmp_path):
    ex = sorted(p for p in EXAMPLES.iterdir() if p.is_dir())[0]
    copy = tmp_path / ex.name
    shutil.copytree(ex, copy)
    csv = sorted((copy / "responses").glob("*.csv"))[-1]
    lines = csv.read_text().splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("P1.Q1")] = "7"  # not on the 0–4 scale nor an answer code
    lines[1] = ",".join(cells)
    csv.write_text("\n".join(lines) + "\n")
    r = cli("report", str(copy), "--out", str(tmp_path / "o"))
    assert r.returncode == 1, r.stdout
    assert "P1.Q1" in r.stderr and "nothing written" in r.stderr
    assert not (tmp_path / "o").exists()


def test_the_progress_bar_counts_to_the_total_on_a_terminal():
    buf = io.StringIO()
    bar = Progress(stream=buf, enabled=True)
    bar.stage("rendering", 3)
    for _ in range(3):
        bar.step("x")
    bar.close()
    out = buf.getvalue()
    assert out.count("\r") == 3 and "3/3" in out and out.endswith("\n")


def test_off_a_terminal_each_stage_is_one_plain_line_and_quiet_says_nothing():
    log = io.StringIO()  # StringIO is not a terminal
    bar = Progress(stream=log)
    bar.stage("reading", 1000, "reading 1000 partnerships …")
    for _ in range(1000):
        bar.step("x")
    bar.stage("portfolio.pdf", 28)
    bar.step("page 1")
    bar.close()
    assert log.getvalue() == "reading 1000 partnerships …\nportfolio.pdf: 28\n"
    quiet = io.StringIO()
    q = Progress(stream=quiet, enabled=True, quiet=True)
    q.stage("reading partnerships", 3)
    q.step()
    q.close()
    assert quiet.getvalue() == ""


def test_an_estimated_total_grows_instead_of_counting_past_it():
    buf = io.StringIO()
    bar = Progress(stream=buf, enabled=True)
    bar.stage("PDF pages", 2)
    for _ in range(3):
        bar.step()
    assert "3/3" in buf.getvalue() and "3/2" not in buf.getvalue()


def test_a_portfolio_leaves_out_bad_inputs_with_one_line_each_and_reports_the_rest(cli, tmp_path):
    import json
    import shutil

    good = sorted(p for p in EXAMPLES.iterdir() if (p / "partnership.yaml").is_file())
    # A folder that is not a partnership.
    (tmp_path / "minutes").mkdir()
    (tmp_path / "minutes" / "notes.txt").write_text("not a partnership")
    # Two folders with the same partnership code.
    twin = tmp_path / "copy" / good[0].name
    shutil.copytree(good[0], twin)
    # A scores file made with another instrument version.
    scored = cli("score", str(good[1]), "--format", "json")
    assert scored.returncode == 0, scored.stderr
    data = json.loads(scored.stdout)
    data["instrument_version"] = "0.9.0"
    data["partnership"]["id"] = "older-partnership"
    old = tmp_path / "older.json"
    old.write_text(json.dumps(data))
    out = tmp_path / "out"
    r = cli("portfolio", *map(str, good), str(tmp_path / "minutes"), str(twin), str(old), "--out", str(out), "--quiet")
    assert r.returncode == 1, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 4 and "Traceback" not in r.stderr
    assert lines[0].startswith(f"{tmp_path / 'minutes'}: not-a-partnership")
    assert any("duplicate-code" in line and str(twin) in line for line in lines)
    assert any("other-instrument-version" in line and "0.9.0" in line and str(old) in line for line in lines)
    assert lines[-1].startswith("3 inputs left out")
    # The rest is reported, and the brief says what was left out.
    rows = (out / "portfolio.csv").read_text().splitlines()
    assert len(rows) == len(good) + 1
    html = (out / "portfolio.html").read_text()
    assert "Inputs left out" in html and "not-a-partnership" in html

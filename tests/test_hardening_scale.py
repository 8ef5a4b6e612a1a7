"""Bad input at scale reads as a few lines.

Messages are capped per file and kind of problem: one line with the first message, how many
times it occurs and the first places; ``--all`` prints every finding, and ``--format json``
always holds them all.  A value quoted in a message is cut at a fixed length, and no single
message line is longer than :data:`MESSAGE_LIMIT` characters plus its place.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from lchd_assess.core.findings import MESSAGE_LIMIT, Finding, Report

EXAMPLES = Path(__file__).resolve().parent.parent / "assessments" / "examples"
BAD_ROWS = 20_000


def _wave_with_bad_rows(tmp_path: Path) -> Path:
    folder = tmp_path / "p"
    shutil.copytree(sorted(p for p in EXAMPLES.iterdir() if p.is_dir())[0], folder)
    wave = sorted((folder / "responses").glob("*.csv"))[-1]
    lines = wave.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    item = next(i for i, h in enumerate(header) if "." in h and not h.endswith("_comment"))
    template = lines[1].split(",")
    rows = []
    for n in range(BAD_ROWS):
        row = list(template)
        row[header.index("respondent_id")] = f"X{n:05d}"
        row[item] = "7"
        rows.append(",".join(row))
    wave.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    return wave


def test_twenty_thousand_bad_rows_are_one_line_with_a_count_and_the_full_list_is_in_json(cli, tmp_path):
    wave = _wave_with_bad_rows(tmp_path)
    r = cli("validate", str(wave))
    assert r.returncode == 1
    lines = r.stderr.splitlines()
    assert len(lines) <= 5, r.stderr[:2000]
    assert f"[{BAD_ROWS} times, at 2:" in r.stderr and "more]" in r.stderr
    full = cli("validate", str(wave), "--format", "json")
    assert json.loads(full.stdout)["finding_count"] == BAD_ROWS
    every = cli("validate", str(wave), "--all")
    assert len(every.stderr.splitlines()) == BAD_ROWS + 1


def test_scoring_twenty_thousand_bad_rows_prints_a_few_lines(cli, tmp_path):
    wave = _wave_with_bad_rows(tmp_path)
    r = cli("score", str(wave.parent.parent))
    assert r.returncode == 1 and len(r.stderr.splitlines()) <= 5, r.stderr[:2000]


def test_a_report_prints_one_line_per_kind_unless_asked_for_all():
    findings = [Finding("schema-value", f"bad value {n}", file="a.yaml", line=n) for n in range(1, 101)]
    report = Report(findings=findings, checked=["a.yaml"])
    assert len(report.format_text().splitlines()) == 2
    assert len(report.format_text(full=True).splitlines()) == 101


def test_a_huge_message_is_cut_to_a_fixed_length():
    line = Finding("schema-value", "x" * 100_000, file="a.yaml", line=1).format_text()
    assert len(line) <= MESSAGE_LIMIT + len("a.yaml:1: schema-value: ")
    assert line.endswith("…")

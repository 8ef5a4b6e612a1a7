"""Messages name what the file really is and which partnerships clash.

A semicolon-separated answer file is read as one (Excel saves CSV with semicolons where the
decimal mark is a comma); a UTF-16 file, with or without a byte-order mark, is named as UTF-16
rather than reported as a header problem; partnerships are told apart by their declared ID
(``id:`` in partnership.yaml, else the folder name), so two folders of the same name in
different places are two partnerships once one declares an ID, and a clash names both places.
"""

from __future__ import annotations

import shutil
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "assessments" / "examples"


def _example(dest: Path) -> Path:
    shutil.copytree(sorted(p for p in EXAMPLES.iterdir() if p.is_dir())[0], dest)
    return dest


def _latest_wave(folder: Path) -> Path:
    return sorted((folder / "responses").glob("*.csv"))[-1]


def test_a_semicolon_separated_answer_file_is_read_as_one(cli, tmp_path):
    folder = _example(tmp_path / "p")
    wave = _latest_wave(folder)
    before = cli("score", str(folder), "--format", "csv")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(wave.read_text(encoding="utf-8"), newline="")))
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=";").writerows(rows)
    wave.write_text(buf.getvalue(), encoding="utf-8")
    after = cli("score", str(folder), "--format", "csv")
    assert after.returncode == 0, after.stderr
    assert after.stdout == before.stdout


def test_a_utf16_answer_file_without_a_byte_order_mark_is_named_as_utf16(cli, tmp_path):
    folder = _example(tmp_path / "p")
    wave = _latest_wave(folder)
    wave.write_bytes(wave.read_text(encoding="utf-8").encode("utf-16-le"))
    r = cli("score", str(folder))
    assert r.returncode == 1 and "UTF-16" in r.stderr and "header" not in r.stderr, r.stderr


def test_two_folders_of_the_same_name_clash_by_name_and_the_message_names_both(cli, tmp_path):
    a = _example(tmp_path / "north" / "same-name")
    b = _example(tmp_path / "south" / "same-name")
    r = cli("portfolio", str(a), str(b), "--out", str(tmp_path / "out"))
    # the portfolio leaves the second out (exit 1) and says which two clash and how to fix it
    assert (
        r.returncode == 1
        and "same-name" in r.stderr
        and "north" in r.stderr
        and "south" in r.stderr
        and "id:" in r.stderr
    ), r.stderr
    text = (b / "partnership.yaml").read_text(encoding="utf-8")
    (b / "partnership.yaml").write_text(
        text.replace("kind: partnership\n", "kind: partnership\nid: south-network\n", 1), encoding="utf-8"
    )
    r = cli("portfolio", str(a), str(b), "--out", str(tmp_path / "out2"))
    assert r.returncode == 0, r.stderr


def test_the_same_folder_given_twice_is_said_so(cli, tmp_path):
    a = _example(tmp_path / "p")
    r = cli("portfolio", str(a), str(a), "--out", str(tmp_path / "out"))
    assert r.returncode == 1 and "given twice" in r.stderr, r.stderr

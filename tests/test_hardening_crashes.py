"""Bad input never crashes a command.

Whatever the file system or a file holds, a command ends with one line naming the path and what
is wrong, exit code 1 or 2, never "internal error" (exit 3) and never a hang: every OSError on
writing is "cannot write PATH: reason" (exit 2); only regular files are read as input, and never
more than the limit + 1 bytes (a device never ends, a FIFO never opens); digits outside 0–9
(``²``, ``①``) are not numbers; a symbolic link to itself is a finding; a UTF-16 file is named as
UTF-16.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lchd_assess.core.files import NotRegularFile, TooLarge, decode_utf8, read_limited, utf16_kind

EXAMPLES = Path(__file__).resolve().parent.parent / "assessments" / "examples"


def one_clear_line(r) -> str:
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert r.returncode in (1, 2), r.stderr
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert len(lines) >= 1
    return r.stderr


@pytest.fixture
def partnership(tmp_path) -> Path:
    folder = tmp_path / "p"
    shutil.copytree(sorted(p for p in EXAMPLES.iterdir() if p.is_dir())[0], folder)
    return folder


# -- reading: regular files only, at most limit + 1 bytes ---------------------------------------


def test_a_device_is_refused_without_reading_it():
    with pytest.raises(NotRegularFile):
        read_limited("/dev/zero", 1024)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFile):
        read_limited(fifo, 1024)


def test_a_file_over_the_limit_is_refused_and_one_at_the_limit_is_read(tmp_path):
    f = tmp_path / "x"
    f.write_bytes(b"a" * 10)
    assert read_limited(f, 10) == b"a" * 10
    with pytest.raises(TooLarge) as err:
        read_limited(f, 9)
    assert err.value.size == 10


def test_validate_refuses_dev_zero_and_a_fifo_named_as_yaml_files(cli, tmp_path):
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    for path in (zero, fifo):
        r = cli("validate", str(path))
        assert r.returncode == 2 and "not a regular file" in r.stderr, r.stderr


# -- symbolic links ----------------------------------------------------------------------------


def test_a_symbolic_link_to_itself_is_a_finding_not_a_crash(cli, tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    r = cli("validate", str(loop))
    assert "leads nowhere" in one_clear_line(r)
    r = cli("score", str(loop))
    one_clear_line(r)


# -- text that is not what it seems ------------------------------------------------------------


@pytest.mark.parametrize("cell", ["²", "①", "٣", "３", "4²"])
def test_digits_outside_0_to_9_are_not_answers(cli, partnership, cell):
    wave = sorted((partnership / "responses").glob("*.csv"))[-1]
    lines = wave.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    first_item = next(i for i, h in enumerate(header) if "." in h)
    row = lines[1].split(",")
    row[first_item] = cell
    lines[1] = ",".join(row)
    wave.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("score", str(partnership), "--wave", wave.stem)
    assert r.returncode == 1 and "responses-bad-value" in r.stderr, r.stderr


def test_utf16_is_named_as_utf16_with_or_without_a_byte_order_mark():
    text = "respondent_id,sector,role\r\n"
    assert utf16_kind(text.encode("utf-16")) == "UTF-16"
    assert utf16_kind(text.encode("utf-16-le")) == "UTF-16"
    assert utf16_kind(text.encode("utf-16-be")) == "UTF-16"
    assert utf16_kind(text.encode("utf-8")) is None
    with pytest.raises(ValueError, match="UTF-16"):
        decode_utf8(text.encode("utf-16-le"))


def test_a_utf16_scores_file_is_one_line_naming_utf16(cli, partnership, tmp_path):
    r = cli("score", str(partnership), "--format", "json")
    assert r.returncode == 0, r.stderr
    scores = tmp_path / "scores.json"
    scores.write_bytes(r.stdout.encode("utf-16"))
    r = cli("report", str(scores), "--out", str(tmp_path / "out"))
    assert r.returncode == 2 and "UTF-16" in one_clear_line(r)
    assert not (tmp_path / "out").exists()


# -- writing -------------------------------------------------------------------------------------


def test_an_out_whose_parent_is_a_file_is_cannot_write_not_a_crash(cli, partnership, tmp_path):
    (tmp_path / "plain").write_text("x")
    r = cli("score", str(partnership), "--out", str(tmp_path / "plain" / "scores.csv"), "--format", "csv")
    assert r.returncode == 2 and "is a file, not a folder" in one_clear_line(r)


def test_an_out_that_is_a_folder_where_a_file_is_needed_is_one_line(cli, partnership, tmp_path):
    r = cli("score", str(partnership), "--out", str(tmp_path), "--format", "csv")
    assert r.returncode == 2 and "is a folder" in one_clear_line(r)


def test_a_report_folder_that_is_a_file_is_one_line(cli, partnership, tmp_path):
    (tmp_path / "report").write_text("x")
    r = cli("report", str(partnership), "--out", str(tmp_path / "report"))
    assert r.returncode == 2 and "is a file, not a folder" in one_clear_line(r)

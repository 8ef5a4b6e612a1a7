"""Nothing a user made is lost.

A command writes only into a fresh folder, a folder holding its own earlier outputs (the
marker ``.lchd-outputs.json``), or a file it wrote itself and nobody changed since; never into or
over its own inputs, the toolkit's data (framework/, assessments/, …), the repository, or the
current folder itself.  Everything else needs ``--force``, and the message names the file and
``--force``.  A run removes only what it created.
"""

from __future__ import annotations

import hashlib
import json
import os

import pytest

from lchd_assess.core.safe_output import MARKER, OutputError, OutputGuard, written_by_us
from lchd_assess.core.paths import repo_root


# -- single files ----------------------------------------------------------------------------


def test_a_new_file_is_written_and_remembered_as_ours(tmp_path):
    out = tmp_path / "answers.csv"
    OutputGuard().file(out).write("a,b\n")
    assert out.read_text() == "a,b\n"
    assert written_by_us(out)


def test_a_file_we_wrote_is_replaced_on_rerun_without_force(tmp_path):
    out = tmp_path / "scores.csv"
    OutputGuard().file(out).write("one\n")
    OutputGuard().file(out).write("two\n")
    assert out.read_text() == "two\n"


def test_a_file_the_user_made_is_refused_and_the_message_names_it_and_force(tmp_path):
    out = tmp_path / "answers.csv"
    out.write_text("respondent_id,sector\nR01,housing\n")
    with pytest.raises(OutputError) as err:
        OutputGuard().file(out).write("blank\n")
    assert str(out) in str(err.value) and "--force" in str(err.value)
    assert out.read_text() == "respondent_id,sector\nR01,housing\n"


def test_a_file_we_wrote_but_the_user_then_filled_in_is_refused(tmp_path):
    out = tmp_path / "answers.csv"
    OutputGuard().file(out).write("respondent_id\n")
    out.write_text("respondent_id\nR01\n")
    with pytest.raises(OutputError, match="--force"):
        OutputGuard().file(out).write("respondent_id\n")
    assert out.read_text() == "respondent_id\nR01\n"


def test_force_replaces_a_file_the_user_made(tmp_path):
    out = tmp_path / "answers.csv"
    out.write_text("mine\n")
    OutputGuard(force=True).file(out).write("new\n")
    assert out.read_text() == "new\n"


def test_an_output_that_is_one_of_the_inputs_is_refused_even_with_force(tmp_path):
    wave = tmp_path / "p" / "responses" / "2025.csv"
    wave.parent.mkdir(parents=True)
    wave.write_text("answers\n")
    for force in (False, True):
        with pytest.raises(OutputError, match="output-is-input"):
            OutputGuard(force=force, inputs=[wave]).file(wave)
    assert wave.read_text() == "answers\n"


def test_an_output_inside_an_input_folder_is_refused(tmp_path):
    responses = tmp_path / "p" / "responses"
    responses.mkdir(parents=True)
    with pytest.raises(OutputError, match="output-is-input"):
        OutputGuard(force=True, inputs=[responses]).file(responses / "scores.csv")


def test_the_toolkits_own_data_folders_are_never_written(tmp_path):
    with pytest.raises(OutputError, match="output-protected"):
        OutputGuard(force=True).file(repo_root() / "framework" / "principles.yaml")
    with pytest.raises(OutputError, match="output-protected"):
        OutputGuard(force=True).folder(repo_root() / "assessments")
    with pytest.raises(OutputError, match="output-protected"):
        OutputGuard(force=True).folder(repo_root())


def test_the_current_folder_and_the_folders_above_it_are_never_output_folders(tmp_path, monkeypatch):
    here = tmp_path / "work"
    here.mkdir()
    monkeypatch.chdir(here)
    for target in (".", "..", str(here)):
        with pytest.raises(OutputError, match="current folder"):
            OutputGuard(force=True).folder(target)


def test_a_folder_where_a_file_is_needed_is_one_clear_line(tmp_path):
    with pytest.raises(OutputError, match="is a folder"):
        OutputGuard().file(tmp_path)


def test_a_parent_that_is_a_file_is_one_clear_line(tmp_path):
    (tmp_path / "plain").write_text("x")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        OutputGuard().file(tmp_path / "plain" / "out.csv")


def test_a_write_the_system_refuses_is_cannot_write_path_reason(tmp_path, monkeypatch):
    import errno

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OutputError, match=r"^cannot write .*out\.csv: no space left on device$"):
        OutputGuard().file(tmp_path / "out.csv").write("x")
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


# -- folders ---------------------------------------------------------------------------------


def test_a_fresh_folder_gets_the_files_and_a_marker_listing_them(tmp_path):
    out = tmp_path / "report"
    OutputGuard().folder(out, ["a.html"]).write({"a.html": "<p>1</p>"})
    marker = json.loads((out / MARKER).read_text())
    assert sorted(marker["files"]) == ["a.html"]


def test_a_folder_with_our_marker_is_written_again_without_force(tmp_path):
    out = tmp_path / "report"
    OutputGuard().folder(out, ["a.html"]).write({"a.html": "1"})
    OutputGuard().folder(out, ["a.html"]).write({"a.html": "2"})
    assert (out / "a.html").read_text() == "2"


def test_a_non_empty_folder_without_the_marker_is_refused_and_untouched(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.docx").write_text("my notes")
    with pytest.raises(OutputError) as err:
        OutputGuard().folder(out, ["report.html"])
    assert "--force" in str(err.value) and str(out) in str(err.value)
    assert sorted(p.name for p in out.iterdir()) == ["notes.docx"]


def test_force_writes_into_a_foreign_folder_but_removes_nothing_else(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.docx").write_text("my notes")
    OutputGuard(force=True).folder(out, ["report.html"], prune=True).write({"report.html": "r"})
    assert (out / "notes.docx").read_text() == "my notes"


def test_a_file_the_user_put_into_our_folder_under_one_of_our_names_is_refused(tmp_path):
    out = tmp_path / "report"
    OutputGuard().folder(out, ["a.html"]).write({"a.html": "1"})
    (out / "a.html").write_text("edited by hand")
    with pytest.raises(OutputError, match="a.html"):
        OutputGuard().folder(out, ["a.html"])


def test_pruning_removes_only_our_own_unchanged_files_that_are_no_longer_made(tmp_path):
    out = tmp_path / "site"
    OutputGuard().folder(out, prune=True).write({"old.html": "o", "kept.html": "k", "edited.html": "e"})
    (out / "edited.html").write_text("changed by the user")
    (out / "theirs.txt").write_text("user file")
    OutputGuard().folder(out, prune=True).write({"kept.html": "k2"})
    assert sorted(p.name for p in out.iterdir() if p.name != MARKER) == ["edited.html", "kept.html", "theirs.txt"]


def test_a_staging_folder_is_removed_whatever_happens_and_only_it(tmp_path):
    out = tmp_path / "site"
    folder = OutputGuard().folder(out, prune=True)
    with pytest.raises(RuntimeError):
        with folder.staging() as tmp:
            (tmp / "index.html").write_text("x")
            raise RuntimeError("build failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_staged_tree_is_moved_in_whole_and_the_marker_lists_every_file_by_its_content(tmp_path):
    out = tmp_path / "site"
    folder = OutputGuard().folder(out, prune=True)
    with folder.staging() as tmp:
        for rel, text in {"index.html": "i", "a/b/page.html": "p", "a/c.css": "c", "assets/x/y/z.js": "z"}.items():
            (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp / rel).write_text(text)
        os.symlink("../index.html", tmp / "a" / "link.html")
        folder.commit(tmp)
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.name != MARKER)
    assert files == ["a/b/page.html", "a/c.css", "a/link.html", "assets/x/y/z.js", "index.html"]
    assert os.readlink(out / "a" / "link.html") == "../index.html"
    listed = json.loads((out / MARKER).read_text())["files"]
    assert sorted(listed) == files
    assert listed["a/b/page.html"] == hashlib.sha256(b"p").hexdigest()
    # the next build drops a page: only that page goes, and its emptied folder with it
    folder = OutputGuard().folder(out, prune=True)
    with folder.staging() as tmp:
        (tmp / "index.html").write_text("i")
        folder.commit(tmp)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.name != MARKER) == ["index.html"]


def _commit(out, files, force=False):
    folder = OutputGuard(force=force).folder(out, prune=True)
    with folder.staging() as tmp:
        for rel, text in files.items():
            (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp / rel).write_text(text)
        folder.commit(tmp)


def _tree(out):
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.name != MARKER)


def test_an_output_folder_holding_only_our_files_gets_its_contents_swapped_and_keeps_itself(tmp_path):
    out = tmp_path / "site"
    _commit(out, {"index.html": "i", "old/page.html": "o", "a/b.css": "b"})
    os.chmod(out, 0o750)
    before, sub = os.stat(out).st_ino, os.stat(out / "a").st_ino
    _commit(out, {"index.html": "i2", "a/b.css": "b", "new.html": "n"})
    assert os.stat(out / "a").st_ino != sub, "moved in by folders, not file by file"
    assert os.stat(out).st_ino == before, "the output folder itself stays"
    assert _tree(out) == ["a", "a/b.css", "index.html", "new.html"]
    assert (out / "index.html").read_text() == "i2"
    assert os.stat(out).st_mode & 0o777 == 0o750
    listed = json.loads((out / MARKER).read_text())["files"]
    assert listed == {
        rel: hashlib.sha256(t.encode()).hexdigest()
        for rel, t in {"index.html": "i2", "a/b.css": "b", "new.html": "n"}.items()
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "no staging or old folder left beside it"


def test_a_file_saved_into_the_output_while_it_is_being_replaced_is_kept(tmp_path, monkeypatch):
    # the user saves notes into the site between the check and the swap: they must survive
    from lchd_assess.core import folder_swap, safe_output

    out = tmp_path / "site"
    _commit(out, {"index.html": "i", "a/b.css": "b"})
    real_swap = folder_swap.swap_in

    def saved_meanwhile(staged, folder, seen):
        (out / "a" / "notes.txt").write_text("mine")
        return real_swap(staged, folder, seen)

    monkeypatch.setattr(safe_output, "swap_in", saved_meanwhile)
    _commit(out, {"index.html": "i2", "a/b.css": "b2"})
    assert (out / "a" / "notes.txt").read_text() == "mine"
    assert (out / "index.html").read_text() == "i2" and (out / "a" / "b.css").read_text() == "b2"


def test_a_subfolder_whose_permissions_the_user_changed_keeps_them(tmp_path):
    # a group-shared site: the user made a folder setgid and group-writable; moving new folders
    # in would drop that, so the files are moved one by one into the folders that are there
    out = tmp_path / "site"
    _commit(out, {"index.html": "i", "a/b.css": "b"})
    os.chmod(out / "a", 0o2770)
    sub = os.stat(out / "a").st_ino
    _commit(out, {"index.html": "i2", "a/b.css": "b2"})
    assert os.stat(out / "a").st_ino == sub and os.stat(out / "a").st_mode & 0o7777 == 0o2770
    assert (out / "a" / "b.css").read_text() == "b2"


def test_a_process_working_inside_the_output_folder_sees_the_rebuilt_files(tmp_path):
    # a coordinator previewing the site (`cd site && python -m http.server`) rebuilds it: the
    # server's current folder, held here as an open folder, must still be the output folder
    out = tmp_path / "site"
    _commit(out, {"index.html": "i", "a/b.css": "b"})
    held = os.open(out, os.O_RDONLY)
    try:
        _commit(out, {"index.html": "i2", "a/b.css": "b2"})
        assert sorted(os.listdir(held)) == sorted(os.listdir(out))
        with open(os.open("index.html", os.O_RDONLY, dir_fd=held)) as f:
            assert f.read() == "i2"
    finally:
        os.close(held)


def test_an_interrupted_swap_puts_the_old_contents_back(tmp_path, monkeypatch):
    from lchd_assess.core import folder_swap

    out = tmp_path / "site"
    _commit(out, {"index.html": "i", "a/b.css": "b", "c/d.html": "d"})
    real_rename, calls = os.rename, []

    def rename(src, dst):
        calls.append(src)
        if "staged" in str(src) and len([c for c in calls if "staged" in str(c)]) == 2:
            raise KeyboardInterrupt  # Ctrl-C half-way through moving the new entries in
        real_rename(src, dst)

    monkeypatch.setattr(folder_swap.os, "rename", rename)
    with pytest.raises(KeyboardInterrupt):
        _commit(out, {"index.html": "i2", "a/b.css": "b2", "c/d.html": "d2"})
    monkeypatch.undo()
    assert _tree(out) == ["a", "a/b.css", "c", "c/d.html", "index.html"]
    assert (out / "index.html").read_text() == "i" and (out / "a" / "b.css").read_text() == "b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "no staging or old folder left beside it"


@pytest.mark.parametrize(
    "what",
    ["a file of theirs", "an empty folder of theirs", "our page they edited", "a link of theirs"],
)
def test_an_output_folder_holding_anything_of_the_users_keeps_it_and_is_not_replaced_whole(tmp_path, what):
    out = tmp_path / "site"
    _commit(out, {"index.html": "i", "old/page.html": "o"})
    if what == "a file of theirs":
        (out / "old" / "notes.txt").write_text("mine")
    elif what == "an empty folder of theirs":
        (out / "drafts").mkdir()
    elif what == "our page they edited":
        (out / "old" / "page.html").write_text("edited by hand")
    else:
        os.symlink("index.html", out / "home.html")
    before = os.stat(out).st_ino
    _commit(out, {"index.html": "i2"}, force=True)
    assert os.stat(out).st_ino == before
    assert (out / "index.html").read_text() == "i2"
    kept = {
        "a file of theirs": ["index.html", "old", "old/notes.txt"],
        "an empty folder of theirs": ["drafts", "index.html"],
        "our page they edited": ["index.html", "old", "old/page.html"],
        "a link of theirs": ["home.html", "index.html"],
    }[what]
    assert _tree(out) == kept


def test_an_output_folder_given_as_a_link_stays_a_link(tmp_path):
    real = tmp_path / "real"
    _commit(real, {"index.html": "i"})
    os.symlink(real, tmp_path / "site")
    _commit(tmp_path / "site", {"index.html": "i2"})
    assert (tmp_path / "site").is_symlink() and (real / "index.html").read_text() == "i2"


# -- the commands, as a coordinator meets them -------------------------------------------------


def test_template_does_not_replace_a_filled_answer_sheet_or_a_users_codebook(cli, tmp_path):
    sheet, book = tmp_path / "answers.csv", tmp_path / "answers.codebook.md"
    sheet.write_text("respondent_id,sector,role\nR01,housing,staff\n")
    r = cli("template", "--out", str(sheet))
    assert r.returncode == 2 and "--force" in r.stderr and str(sheet) in r.stderr
    assert sheet.read_text().endswith("R01,housing,staff\n") and not book.exists()
    sheet.unlink()
    book.write_text("my own notes")
    r = cli("template", "--out", str(sheet))
    assert r.returncode == 2 and str(book) in r.stderr and not sheet.exists()
    book.unlink()
    assert cli("template", "--out", str(sheet)).returncode == 0
    assert cli("template", "--out", str(sheet)).returncode == 0, "its own blank template is replaced on rerun"


def test_checklist_new_does_not_replace_a_filled_checklist(cli, tmp_path):
    filled = tmp_path / "my-checklist.yaml"
    filled.write_text("kind: checklist\n# filled in over weeks\n")
    r = cli("checklist", "new", "--out", str(filled))
    assert r.returncode == 2 and "--force" in r.stderr
    assert "filled in over weeks" in filled.read_text()


def test_score_never_writes_over_the_answers_it_scores(cli, root, tmp_path):
    import shutil

    folder = tmp_path / "p"
    shutil.copytree(sorted((root / "assessments" / "examples").iterdir())[0], folder)
    wave = sorted((folder / "responses").glob("*.csv"))[-1]
    before = wave.read_bytes()
    r = cli("score", str(folder), "--out", str(wave), "--force")
    assert r.returncode == 2 and "output-is-input" in r.stderr
    assert wave.read_bytes() == before


def test_site_build_refuses_the_framework_folder_and_a_folder_the_user_made(cli, root, tmp_path):
    fw = root / "framework"
    listing = sorted(p.name for p in fw.iterdir())
    r = cli("site", "build", "--out", str(fw), "--force")
    assert r.returncode == 2 and "framework" in r.stderr
    assert sorted(p.name for p in fw.iterdir()) == listing
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_text("years of work")
    (tmp_path / "mine.src").mkdir()
    (tmp_path / "mine.src" / "keep.txt").write_text("not the toolkit's")
    r = cli("site", "build", "--out", str(mine))
    assert r.returncode == 2 and "--force" in r.stderr and str(mine) in r.stderr
    assert (mine / "thesis.docx").read_text() == "years of work"
    assert (tmp_path / "mine.src" / "keep.txt").exists()

"""The outside-the-folder check on text says what pathlib's parents say, on every platform's paths."""

from __future__ import annotations

import ntpath
import os
import posixpath
import types
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lchd_assess.core import paths

# Names chosen so that folders and files share beginnings (a, ab, a.b) and differ in case only.
NAMES = st.sampled_from(["a", "ab", "a.b", "A", "b", "..", "x y", "İ", "i̇", "ß", "SS"])


def _reference(path, folder) -> bool:
    """The check as it was written on Path objects (before it was done on text)."""
    return path == folder or folder in path.parents


def _inside_with(flavour: types.ModuleType, path, folder) -> bool:
    """paths.real_is_inside under the path rules of ``flavour`` (posixpath or ntpath)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(paths, "os", types.SimpleNamespace(path=flavour, sep=flavour.sep))
        return paths.real_is_inside(path, folder)


@settings(max_examples=400, deadline=None)
@given(st.lists(NAMES, max_size=5), st.lists(NAMES, max_size=5), st.booleans())
def test_a_path_is_inside_a_folder_on_posix_exactly_when_the_folder_is_it_or_one_of_its_parents(
    folder_parts, more, share
):
    folder = PurePosixPath("/", *folder_parts)
    path = PurePosixPath("/", *(folder_parts if share else []), *more)
    assert _inside_with(posixpath, path, folder) == _reference(path, folder), (path, folder)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(["C:\\", "c:\\", "D:\\", "\\\\srv\\share\\", "\\\\SRV\\Share\\"]),
    st.sampled_from(["C:\\", "c:\\", "D:\\", "\\\\srv\\share\\", "\\\\SRV\\Share\\"]),
    st.lists(NAMES, max_size=4),
    st.lists(NAMES, max_size=4),
    st.booleans(),
)
def test_a_path_is_inside_a_folder_on_windows_exactly_when_the_folder_is_it_or_one_of_its_parents(
    folder_root, path_root, folder_parts, more, share
):
    # case-blind, as Windows paths compare; drives and network shares each a root of their own
    folder = PureWindowsPath(folder_root, *folder_parts)
    path = PureWindowsPath(path_root, *(folder_parts if share else []), *more)
    assert _inside_with(ntpath, path, folder) == _reference(path, folder), (path, folder)


def test_a_sibling_whose_name_begins_with_the_folders_name_is_outside_it():
    assert not paths.real_is_inside(Path("/a/bc/f.csv"), Path("/a/b"))
    assert not paths.real_is_inside(Path("/a/b.csv"), Path("/a/b"))
    assert paths.real_is_inside(Path("/a/b/c/f.csv"), Path("/a/b"))
    assert paths.real_is_inside(Path("/a/b"), Path("/a/b"))
    assert paths.real_is_inside(Path("/a"), Path("/"))
    assert not paths.real_is_inside(Path("/a"), Path("/a/b"))


def test_a_path_is_shown_relative_to_the_current_folder_only_when_it_lies_below_it(tmp_path, monkeypatch):
    def reference(resolved: Path, path: Path) -> str:  # as display_real was written before
        try:
            return str(resolved.relative_to(paths.real(os.getcwd())))
        except ValueError:
            return str(path)

    (tmp_path / "work" / "p").mkdir(parents=True)
    (tmp_path / "workshop").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    real_tmp = paths.real(tmp_path)
    for resolved in (
        real_tmp / "work" / "p" / "partnership.yaml",
        real_tmp / "work",
        real_tmp / "workshop" / "f.csv",
        real_tmp / "f.csv",
        Path("/elsewhere/f.csv"),
    ):
        shown = paths.display_real(resolved, Path("given/f.csv"))
        assert shown == reference(resolved, Path("given/f.csv")), resolved
    assert paths.display_real(real_tmp / "work" / "p" / "x.csv", Path("q")) == os.path.join("p", "x.csv")
    assert paths.display_real(real_tmp / "workshop" / "f.csv", Path("given/f.csv")) == "given/f.csv"


def test_on_windows_case_is_folded_as_pathlib_folds_it_not_by_the_systems_own_table():
    # Since Python 3.11 ntpath.normcase uses Windows' own lower-case table, which differs from
    # str.lower (pathlib's fold) on letters such as İ: a folder must be inside exactly when
    # pathlib says so, whatever normcase would say.
    other = types.SimpleNamespace(**{k: getattr(ntpath, k) for k in dir(ntpath) if not k.startswith("__")})
    other.normcase = lambda s: str(s).replace("/", "\\").replace("İ", "i")  # a different table
    for folder, path in [
        ("C:\\İ", "C:\\i\\f.csv"),
        ("C:\\İ", "C:\\i̇\\f.csv"),
        ("C:\\i", "C:\\İ\\f.csv"),
        ("C:\\Data\\P", "c:\\data\\p\\f.csv"),
    ]:
        f, p = PureWindowsPath(folder), PureWindowsPath(path)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(paths, "os", types.SimpleNamespace(path=other, sep="\\"))
            assert paths.real_is_inside(p, f) == _reference(p, f), (path, folder)

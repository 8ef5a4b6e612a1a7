"""Findings behave as values: immutable, equal and hashable by their fields, copied with changes."""

import copy
import dataclasses
import pickle

import pytest

from lchd_assess.core.catalogue import CATALOGUE
from lchd_assess.core.findings import Finding, Report


def test_a_finding_cannot_be_changed_after_it_is_made():
    f = Finding("file-not-found", "missing")
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.message = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del f.code
    assert f.message == "missing"


def test_findings_with_the_same_fields_are_equal_and_hash_alike_and_others_are_not():
    a = Finding("file-not-found", "missing", file="a.yaml", path=("x", 1), line=2, column=3)
    b = Finding("file-not-found", "missing", file="a.yaml", path=("x", 1), line=2, column=3)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != Finding("file-not-found", "missing", file="a.yaml", path=("x", 1), line=2, column=4)
    assert a != ("file-not-found", "missing", "a.yaml", ("x", 1), 2, 3, None)


def test_a_finding_with_an_undocumented_code_is_refused():
    with pytest.raises(ValueError, match="undocumented finding code"):
        Finding("no-such-code", "x")


def test_prefixed_and_at_return_changed_copies_and_leave_the_original_alone():
    f = Finding("file-not-found", "missing", path=("b",))
    g = f.prefixed("a", 0).at(file="f.yaml", line=4)
    assert (g.path, g.file, g.line, g.column, g.message) == (("a", 0, "b"), "f.yaml", 4, None, "missing")
    assert (f.path, f.file, f.line) == (("b",), None, None)
    with pytest.raises(ValueError):
        f.replace(code="no-such-code")


def test_a_finding_survives_copying_and_pickling_unchanged():
    f = Finding("file-not-found", "missing", file="a.yaml", value={"k": [1]})
    assert copy.copy(f) == f and copy.deepcopy(f) == f and pickle.loads(pickle.dumps(f)) == f
    assert repr(f).startswith("Finding(code='file-not-found', message='missing', file='a.yaml'")


def test_reports_compare_by_their_findings_and_files_and_are_not_hashable():
    f = Finding("file-not-found", "missing")
    assert Report([f], ["a"]) == Report(findings=[f], checked=["a"])
    assert Report() == Report() and Report([f]) != Report()
    assert Report().findings is not Report().findings  # no shared default list
    with pytest.raises(TypeError):
        hash(Report())


def test_catalogue_entries_are_read_only_records_keyed_by_their_code():
    entry = CATALOGUE["file-not-found"]
    assert entry.code == "file-not-found" and entry.fatal is True
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.fatal = False  # type: ignore[misc]

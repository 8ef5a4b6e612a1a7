"""One way to compare an output with its golden file (reviewed as a diff in git)."""

from __future__ import annotations

from pathlib import Path

import pytest


def assert_golden(got: str, expected: Path, what: str, update_golden: bool) -> None:
    """``got`` equals the text of ``expected``, byte for byte.

    With ``--update-golden`` the file is rewritten (review the diff before committing). A golden
    file that does not exist yet is written and the test fails, so a new golden is always
    looked at once.  Text is written and read without newline translation, so CSV's CRLF and any
    line ending stay as produced.
    """
    if update_golden or not expected.exists():
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(got, encoding="utf-8", newline="")
        if not update_golden:
            pytest.fail(f"{expected} was missing and has been written; review it and commit it")
    assert got == expected.read_bytes().decode("utf-8"), (
        f"{what} differs from {expected}; if on purpose, rerun with --update-golden and review the diff"
    )

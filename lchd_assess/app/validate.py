"""The `validate` use case: every kind of file the toolkit reads, answer files included."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..check.validate import FileChecker, Validation, check_paths
from ..formats.responses import check_csv
from ..formats.workbook import check_xlsx

#: Checkers of files that are not YAML, by suffix: answer files (``responses/<wave>.csv`` or
#: the answer workbook ``responses/<wave>.xlsx``).
FILE_CHECKERS: dict[str, FileChecker] = {".csv": check_csv, ".xlsx": check_xlsx}


def validate_paths(paths: Iterable[str | Path] | None = None) -> Validation:
    """Check files and folders (default: framework/ and assessments/); always a report."""
    return check_paths(paths, FILE_CHECKERS)

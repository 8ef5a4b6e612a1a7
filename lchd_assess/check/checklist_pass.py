"""Check a filled checklist in one pass: every finding at once, not in rounds.

An author used to fix 2 findings, run again and meet 6 more: a YAML syntax error stopped the
reading, and one wrongly-shaped answer stopped every check of meaning.  Here

* a value with an unquoted colon (the common syntax error) is reported, quoted in a scratch
  copy, and reading goes on; other syntax errors still stop (nothing after them can be trusted);
* answers whose shape is wrong are reported and left out, and the rest of the checklist is
  still checked against the standard (without calling the faulty items "missing").

The file itself is never changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from ..core.findings import Finding, Report
from ..load.checklist import CHECKLIST, ChecklistFile
from ..load.documents import Document, check_loaded
from ..load.standard import Standard
from ..load.yaml_words import quote_value
from ..load.yamlload import load_yaml, parse_yaml_text

#: How many colon repairs one check makes before it stops (a checklist has about 40 items).
MAX_REPAIRS = 200


def _repairable(f: Finding) -> bool:
    return f.code == "yaml-syntax" and f.message.startswith("quote text that contains a colon") and f.line is not None


def load_with_repairs(path: Path, display: str) -> tuple[Document, list[Finding]]:
    """The checklist as a document, reading past unquoted colons; (document, syntax findings)."""
    loaded = load_yaml(path, display=display)
    repaired: list[Finding] = []
    while loaded.findings and _repairable(loaded.findings[0]) and len(repaired) < MAX_REPAIRS:
        f = loaded.findings[0]
        lines = loaded.text.split("\n")
        fixed = quote_value(lines[f.line - 1])  # type: ignore[operator]
        if fixed is None:
            break
        repaired.append(f)
        lines[f.line - 1] = fixed  # type: ignore[operator]
        loaded = parse_yaml_text("\n".join(lines), display)
    return check_loaded(loaded, CHECKLIST), repaired


def _lenient_model(doc: Document) -> tuple[Any, set[str]] | None:
    """A model of the checklist without the answers whose shape is wrong, and their IDs."""
    data = doc.loaded.data
    if not isinstance(data, dict) or not isinstance(data.get("items"), dict):
        return None
    bad: set[str] = set()
    drop_top: set[str] = set()
    for f in doc.findings:
        if len(f.path) >= 2 and f.path[0] == "items":
            bad.add(str(f.path[1]))
        elif f.path and f.path[0] in ("report", "scope"):
            drop_top.add(str(f.path[0]))
        elif f.path and f.path[0] not in ("items",):
            return None  # kind, standard or version wrong: nothing else can be judged
    trimmed = {k: v for k, v in data.items() if k not in drop_top}
    trimmed["items"] = {k: v for k, v in data["items"].items() if str(k) not in bad}
    try:
        return ChecklistFile.model_validate(trimmed), bad
    except ValidationError:
        return None


def check_file_one_pass(
    path: str | Path, std: Standard, display: str, checklist_findings: Callable[..., list[Finding]]
) -> Report:
    """Every finding of one checklist file: syntax, shape and meaning together.

    ``checklist_findings`` is :func:`lchd_assess.check.checklist.checklist_findings` (passed in:
    that module calls this one)."""
    doc, repaired = load_with_repairs(Path(path), display)
    report = Report(checked=[doc.file])
    report.extend(repaired)
    report.extend(doc.findings)
    if doc.model is not None:
        report.extend(checklist_findings(doc, std))
    elif doc.loaded.data is not None:
        lenient = _lenient_model(doc)
        if lenient is not None:
            model, bad = lenient
            partial = Document(doc.loaded, doc.kind, model)
            report.extend(checklist_findings(partial, std, unreadable=bad))
    return report

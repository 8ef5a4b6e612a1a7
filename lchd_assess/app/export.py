"""Files the toolkit hands out: the framework bundle, the JSON Schemas, the blank answer
sheet with its codebook."""

from __future__ import annotations

from pathlib import Path

from ..core.outputs import write_atomic
from ..core.paths import repo_root
from ..formats.bundle import bundle_json
from ..formats.responses import codebook_markdown, template_csv
from ..formats.schemas import check_schemas, write_schemas  # noqa: F401  (the `schemas` command's two actions)
from ..load.framework import load_framework
from ..load.instrument import InstrumentFile, load_assessment


def export_bundle(out: str | Path, framework: str | Path | None = None) -> str:
    """Write the framework bundle (JSON) to ``out``; the framework's version."""
    fw = load_framework(framework)
    write_atomic(Path(out), bundle_json(fw))
    return fw.version


def schemas_dir() -> Path:
    """Where the committed JSON Schemas live (schemas/)."""
    return repo_root() / "schemas"


def write_answer_template(out: Path, comments: bool = False) -> tuple[InstrumentFile, Path]:
    """The blank answer sheet at ``out`` and its codebook beside it (``<stem>.codebook.md``)."""
    inst = load_assessment().instrument
    book = out.with_name(out.stem + ".codebook.md")
    csv_text = template_csv(inst, comments=comments)
    md = codebook_markdown(inst, out.name)
    write_atomic(out, csv_text)
    write_atomic(book, md)
    return inst, book

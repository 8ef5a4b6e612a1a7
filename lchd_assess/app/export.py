"""Files the toolkit hands out: the framework bundle, the JSON Schemas, the blank answer
sheet with its codebook."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.errors import UsageError
from ..core.paths import repo_root
from ..core.safe_output import OutputGuard, shown
from ..formats.bundle import bundle_json
from ..formats.responses import codebook_markdown, template_csv
from ..formats.schemas import check_schemas, write_schemas  # noqa: F401  (the `schemas` command's two actions)
from ..load.framework import framework_dir, load_framework
from ..load.instrument import InstrumentFile, load_assessment
from ..load.translation import Translation, load_translation


def export_bundle(out: str | Path, framework: str | Path | None = None, force: bool = False) -> str:
    """Write the framework bundle (JSON) to ``out``; the framework's version.

    ``out`` is checked before the framework is loaded: never over the framework itself, and
    never over a file the toolkit did not write unless ``force``."""
    target = OutputGuard(force=force, inputs=[framework_dir(framework)]).file(out)
    fw = load_framework(framework)
    target.write(bundle_json(fw))
    return fw.version


def schemas_dir() -> Path:
    """Where the committed JSON Schemas live (schemas/)."""
    return repo_root() / "schemas"


@dataclass(frozen=True)
class AnswerTemplate:
    """What ``template`` wrote: the answer sheet, its codebook, and the codebook's language."""

    csv: Path
    codebook: Path
    instrument: InstrumentFile
    translation: Translation | None


def write_answer_template(
    out: str | Path, comments: bool = False, lang: str = "en", force: bool = False
) -> AnswerTemplate:
    """The blank answer sheet at ``out`` (.csv) and its codebook beside it (``<stem>.codebook.md``),
    the codebook in ``lang`` when a translation for it exists; the columns are the same in every
    language."""
    given, out = out, Path(out)
    if out.suffix.lower() != ".csv":
        raise UsageError(f"{shown(given)}: the template must be a .csv file (for example --out answers.csv)")
    book = out.with_name(out.stem + ".codebook.md")
    # both checked before either is written: a filled answer sheet is never replaced
    guard = OutputGuard(force=force)
    targets = guard.file(out), guard.file(book)
    assessment = load_assessment()
    inst = assessment.instrument
    translation = load_translation(assessment.folder, lang, inst) if lang != "en" else None
    csv_text = template_csv(inst, comments=comments)
    md = codebook_markdown(inst, out.name, translation)
    targets[0].write(csv_text)
    targets[1].write(md)
    return AnswerTemplate(out, book, inst, translation)

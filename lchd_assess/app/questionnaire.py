"""The questionnaire members fill in: a page for any browser, a printable form, or a workbook.

``lchd-assess questionnaire --out DIR`` writes one of them into DIR, built from the instrument
(and the partnership's roster and wave when given).  The browser page is one self-contained
HTML file: inline CSS and script, no request of any kind, so it works opened from disk, from a
USB stick or from any static host.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import InputError, UsageError
from ..load.instrument import load_assessment
from ..core.safe_output import OutputGuard
from ..context.questionnaire import UI_TEXT
from ..load.translation import load_translation, localized_instrument
from ..load.partnership import load_partnership
from ..render.questionnaire import render_html, render_paper
from ..formats.workbook import workbook_bytes

FORMATS = ("html", "pdf", "xlsx")


def file_name(fmt: str, wave: str | None, lang: str = "en") -> str:
    return f"questionnaire{'-' + wave if wave else ''}{'-' + lang if lang != 'en' else ''}.{fmt}"


def write_questionnaire(
    out: str | Path,
    fmt: str = "html",
    partnership_dir: str | Path | None = None,
    wave: str | None = None,
    lang: str = "en",
    force: bool = False,
) -> Path:
    """Write the questionnaire in ``fmt`` into the folder ``out``; the path written.

    A file already there is replaced only with ``force`` or when the toolkit wrote it and nobody
    changed it since (core/safe_output.py): it may be a copy someone filled in, such as a
    workbook with answers.
    """
    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt}: use one of {', '.join(FORMATS)}")
    if wave is not None and (not wave or "/" in wave or "\\" in wave or wave.startswith(".")):
        raise UsageError(f"--wave {wave!r}: a wave name is a file name without .csv, such as 2026-spring")
    assessment = load_assessment()
    inst = assessment.instrument
    status_note = None
    if lang != "en":
        if fmt == "xlsx":
            raise UsageError(
                "--lang: the workbook is written in English only (its answer codes are the same in every language); leave out --lang, or use --format html or pdf"
            )
        tr = load_translation(assessment.folder, lang, inst)
        if lang not in UI_TEXT:
            raise UsageError(
                f"--lang {lang}: the questions are translated, but the questionnaire's own words (buttons, hints) are not yet; add UI_TEXT['{lang}'] in lchd_assess/context/questionnaire.py"
            )
        status_note = tr.model.status_note
    p = None
    if partnership_dir is not None:
        p = load_partnership(partnership_dir, [s.id for s in inst.sectors])
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: not a folder; --out names the folder the questionnaire is written into")
    target = out / file_name(fmt, wave, lang)
    # core/safe_output.py: a new folder, or one the toolkit wrote; never the partnership's answers
    inputs = (
        [Path(partnership_dir) / "partnership.yaml", Path(partnership_dir) / "responses"]
        if partnership_dir is not None
        else []
    )
    # one named file into the folder: like any single file, replaced only when it is our own
    checked = OutputGuard(force=force, inputs=inputs).file(target)
    # Every text in the member's language; IDs, codes and the answer file stay the same.
    shown_inst = localized_instrument(inst, tr) if lang != "en" else inst
    if fmt == "html":
        data: str | bytes = render_html(shown_inst, p, wave, lang, status_note)
    elif fmt == "pdf":
        data = render_paper(shown_inst, p, wave, lang, status_note)
    else:
        data = workbook_bytes(inst, p, wave)
    checked.write(data)
    return target

"""``init``: a new partnership folder, ready for the coordinator to fill.

Writes ``partnership.yaml`` (every field with a comment saying what to put there, the roster
ready to fill, the allowed sector codes listed from the instrument), an empty ``responses/``
folder and ``README.txt`` with the next steps.  Refuses a folder that exists and is not empty,
so it can never replace a coordinator's files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
import shutil
import tempfile

from ..core.errors import InputError
from ..core.paths import example_names, examples_dir
from ..core.outputs import write_atomic
from ..load.instrument import load_assessment

SCALES = ("neighbourhood", "city", "county", "region")

README = """\
This folder is a partnership's self-assessment, made by `lchd-assess init`.

What to do next
1. Open partnership.yaml in a text editor. Fill in the name, scale and population focus,
   and list each partner organisation in the roster (organisations, never people), with
   the sector code that fits it best. Then check it:
       lchd-assess validate {folder}/partnership.yaml
2. Make the questionnaire members fill in, each alone: a page for any browser (nothing
   leaves it), a printable form, or a workbook:
       lchd-assess questionnaire --partnership {folder} --out {folder}/questionnaire
       lchd-assess questionnaire --partnership {folder} --format pdf --out {folder}/questionnaire
3. Collect the members' answer files into a wave; a wave's name starts with its date:
       lchd-assess collect {folder} --wave 2026-baseline ANSWER-FILES...
   (this writes responses/2026-baseline.csv)
4. Score the wave and write the report for the partnership's meeting:
       lchd-assess score {folder}
       lchd-assess report {folder} --out {folder}/report
5. A year later, collect the next wave (for example 2027-followup) and run the report
   again: it shows what changed.

Answers stay on this computer: nothing is sent anywhere.
"""


def _q(text: str) -> str:
    """A YAML scalar in double quotes (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def partnership_yaml(
    sectors: list[tuple[str, str]], name: str = "", scale: str = "", population_focus: str = ""
) -> str:
    """The commented partnership.yaml; empty fields stay empty for the coordinator to fill."""
    codes = "\n".join(f"#   {code:<24} {label}" for code, label in sectors)
    return f"""\
# The partnership: who it is and which organisations belong to it.
# Fill in every field, then check the file with:  lchd-assess validate partnership.yaml
kind: partnership

# Optional: the partnership's own code (lower-case letters, digits, hyphens), for example
# riverbend. Scores and a funder's portfolio tell partnerships apart by it; without it the
# folder's name is used, so set it if two partnerships could have folders of the same name.
# id: riverbend

# The partnership's name, as it should appear on its reports.
name: {_q(name)}

# Geographic scale: one of {", ".join(SCALES)}.
scale: {_q(scale)}

# Who the partnership serves, in one line (for example: families with children under
# eight in the eastern districts).
population_focus: {_q(population_focus)}

# Partner organisations (organisations, never people): one line each.
#   id:     a short code of your own for the organisation (org-01, org-02, ...): lower-case
#           letters, digits and hyphens
#   name:   the organisation's name
#   sector: the code of the sector that fits it best, one of:
{codes}
roster:
  - {{id: org-01, name: "", sector: ""}}
  - {{id: org-02, name: "", sector: ""}}
  - {{id: org-03, name: "", sector: ""}}
"""


@dataclass
class InitResult:
    folder: Path
    written: list[Path]


def init_partnership(
    folder: str | Path, name: str = "", scale: str = "", population_focus: str = "", example: str | None = None
) -> InitResult:
    """Create ``folder`` as a new partnership folder; InputError when it exists and is not empty.

    With ``example``, the folder is a copy of that shipped fictional partnership (its roster
    and answer waves), to try ``score`` and ``report`` on before real answers exist.
    """
    folder = Path(folder)
    if scale and scale not in SCALES:
        raise InputError(f"--scale {scale}: not a scale; use one of {', '.join(SCALES)}")
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: exists and is a file, not a folder; choose a new folder name")
    if folder.is_dir() and any(folder.iterdir()):
        raise InputError(
            f"{folder}: folder exists and is not empty; `init` only creates new partnership folders, so choose a new or empty folder"
        )
    files: dict[str, str | bytes]
    if example is not None:
        names = example_names()
        if example not in names:
            raise InputError(f"--example {example}: no such example; choose one of: {', '.join(names)}")
        source = examples_dir() / example
        files = {p.relative_to(source).as_posix(): p.read_bytes() for p in sorted(source.rglob("*")) if p.is_file()}
    else:
        inst = load_assessment().instrument
        sectors = [(s.id, s.label) for s in inst.sectors]
        files = {"partnership.yaml": partnership_yaml(sectors, name, scale, population_focus)}
    files["README.txt"] = README.format(folder=folder.as_posix())
    # The whole folder is made beside its place and renamed into it, so a failure leaves
    # nothing half-made (and an empty folder the user made is replaced only when complete).

    try:
        parent = folder.resolve().parent
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=parent))
    except OSError as exc:
        raise InputError(
            f"{folder}: cannot create the folder here ({exc.strerror}); choose a folder you can write to"
        ) from None
    try:
        (tmp / "responses").mkdir()  # empty for a new partnership; the example's waves otherwise
        for rel, text in files.items():
            write_atomic(tmp / rel, text)
        tmp.chmod(0o755)
        if folder.is_dir():
            folder.rmdir()  # empty, checked above
        tmp.rename(folder)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise InputError(
            f"{folder}: cannot create the folder here ({exc.strerror}); choose a folder you can write to"
        ) from None
    return InitResult(folder, sorted({folder / rel.split("/")[0] for rel in files} | {folder / "responses"}))

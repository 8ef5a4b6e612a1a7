"""The partnerships of a portfolio, gathered so that one bad input does not stop the rest.

A funder's run over sixty folders should not fail because one of them is not a partnership,
two share a code, or one scores file was made with another instrument version: each such input
is left out with one line naming it, what is wrong and what to do, the rest is reported, and
the brief says how many were left out (context/portfolio_brief.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Protocol, Sequence, TypeVar

from ..context.report_context import Guidance
from ..core.errors import InputError, LchdError
from ..core.paths import real
from ..core.safe_output import shown
from ..load.partnership import partnership_folders
from ..score.models import ScoreResult

T = TypeVar("T")


class _Stages(Protocol):
    def stage(self, label: str, total: int, says: str = "") -> None: ...

    def step(self, what: str = "") -> None: ...


def expand(paths: Sequence[Path], problems: list[str]) -> list[Path]:
    """Partnership folders and score files; a folder without a partnership.yaml stands for the
    partnership folders inside it. Anything else is a problem line, not an error."""
    out: list[Path] = []
    for p in paths:
        if p.is_file() and p.suffix == ".json":
            out.append(p)
        elif (p / "partnership.yaml").is_file():
            out.append(p)
        elif p.is_dir():
            inner = partnership_folders(p)
            if inner:
                out.extend(inner)
            else:
                problems.append(
                    f"{shown(p)}: not-a-partnership: no partnership here, neither a partnership.yaml nor folders that hold one; left out (a partnership folder starts with `lchd-assess init`)"
                )
        else:
            problems.append(
                f"{shown(p)}: file-not-found: give partnership folders, folders of them, or scores JSON files; left out"
            )
    return out


def gather(
    inputs: Sequence[Path], guidance: Guidance, load: Callable[[Path], tuple[ScoreResult, T]], progress: _Stages
) -> tuple[list[tuple[ScoreResult, T]], list[str]]:
    """``load(path)`` for each input (a score and what comes with it, e.g. the roster), with
    the problem lines of the inputs left out; ``progress`` is told of each one."""
    problems: list[str] = []
    entries: list[tuple[ScoreResult, T]] = []
    seen: dict[str, Path] = {}
    progress.stage("reading", len(inputs), f"reading {len(inputs)} partnership{'' if len(inputs) == 1 else 's'} …")
    for path in inputs:
        try:
            loaded = load(path)
        except LchdError as exc:
            problems.append(f"{exc}; left out")
            continue
        finally:
            progress.step(path.name)
        score = loaded[0]
        pid = score.partnership.id
        if pid in seen:
            first = seen[pid]
            if real(first) == real(path):
                problems.append(f"{shown(path)}: duplicate: the same partnership is given twice; counted once")
            else:
                problems.append(
                    f"{shown(path)}: duplicate-code: partnership code '{shown(pid)}' is also {shown(first)}'s; left out (give each partnership its own `id:` in partnership.yaml)"
                )
            continue
        if guidance.instrument_version and score.instrument_version != guidance.instrument_version:
            problems.append(
                f"{shown(path)}: other-instrument-version: scored with instrument {score.instrument_id} {score.instrument_version}, this portfolio uses {guidance.instrument_version}; left out (score it again with `lchd-assess score`)"
            )
            continue
        seen[pid] = path
        entries.append(loaded)
    if not entries:
        first = problems[0] if problems else "no partnership to put in the portfolio"
        raise InputError(
            first.replace("; left out", "")
            + (f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else "")
            + "; nothing to report"
        )
    return entries, problems

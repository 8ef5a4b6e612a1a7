"""Progress of a long command on stderr: a bar on a terminal, one plain line per stage elsewhere.

On a terminal the bar redraws one line (``\\r``) per step; in a log or a pipe a bar would be a
thousand carriage returns, so only the stage's name and size are written, once.  ``--quiet``
silences both.
"""

from __future__ import annotations

import sys
from typing import TextIO

from ..core.text import excerpt

WIDTH = 24


class Progress:
    """Stages, each with a total and steps (app/portfolio.py's Progress protocol)."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.bar = enabled if enabled is not None else bool(getattr(self.stream, "isatty", lambda: False)())
        self.label, self.total, self.done = "", 0, 0

    def stage(self, label: str, total: int, says: str = "") -> None:
        """A new stage: ``label`` heads its bar; ``says`` is its plain line off a terminal."""
        self._end_line()
        self.label, self.total, self.done = label, total, 0
        if not self.quiet and not self.bar:
            self.stream.write(f"{says or f'{label}: {total}'}\n")
            self.stream.flush()

    def step(self, what: str = "") -> None:
        self.done += 1
        if self.quiet or not self.bar:
            return
        total = max(self.total, self.done)  # an estimated total (PDF pages) grows if it was short
        filled = round(WIDTH * self.done / max(total, 1))
        # the carriage return is the bar's own (so past the CLI's escaping stream); the name is not
        raw = getattr(self.stream, "raw", self.stream)
        raw.write(
            f"\r{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{total} {excerpt(what, 30):<30}"
        )
        self.stream.flush()

    def _end_line(self) -> None:
        if self.bar and not self.quiet and self.done:
            self.stream.write("\n")
            self.stream.flush()
        self.done = 0

    def close(self) -> None:
        """End the last bar's line (so what is printed next starts on its own line)."""
        self._end_line()

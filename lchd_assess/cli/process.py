"""What a command may do to its process when the process runs that one command and exits.

``main()`` (the ``lchd-assess`` program) marks the process as one-shot; ``run()`` called in
process (the tests' ``cli`` fixture, a script) leaves it unmarked, so nothing here changes a
long-lived interpreter.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

_one_shot = False


def mark_one_shot() -> None:
    """Called by ``cli.main.main`` only: this process runs one command, then exits."""
    global _one_shot
    _one_shot = True


@contextmanager
def importing() -> Iterator[None]:
    """Around a command's imports: in a one-shot process, the cyclic garbage collector is paused
    while they run, and what they made is frozen (kept out of the collector) afterwards.

    Why: importing pydantic, Jinja and our models creates tens of thousands of objects, none of
    which ever becomes garbage, and the collector walks them all again and again: some 70
    collections while the report command imports, then on each full collection while
    WeasyPrint lays out the PDF, and once more at interpreter shutdown. Together about 0.1 s of
    CPU per report (benchmarks/report.py). Frozen objects are still
    freed normally at exit; only cycles among them are never collected, which cannot matter in
    a process about to end. Use it before WeasyPrint is imported, so only the toolkit's own
    start-up is exempted, not WeasyPrint's work. The collector runs again as before afterwards,
    also when an import fails.
    """
    if not _one_shot:
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()

"""What a command may do to its process when the process runs that one command and exits.

``main()`` (the ``lchd-assess`` program) marks the process as one-shot; ``run()`` called in
process (the tests' ``cli`` fixture, a script) leaves it unmarked, so nothing here changes a
long-lived interpreter.
"""

from __future__ import annotations

import gc

_one_shot = False


def mark_one_shot() -> None:
    """Called by ``cli.main.main`` only: this process runs one command, then exits."""
    global _one_shot
    _one_shot = True


def freeze_imports() -> None:
    """Keep what is alive now (the modules, classes and pydantic validators the command
    imported) out of the cyclic garbage collector for the rest of a one-shot process.

    Why: the collector walks every tracked object on each full collection and once more when
    the interpreter shuts down. The report command imports pydantic, Jinja and our models
    (tens of thousands of objects, none of which ever becomes garbage) and then WeasyPrint
    allocates heavily while laying out the PDF, so those walks cost about 80 ms of CPU per
    report (benchmarks/report.py; notes/s3-reportfast2.md). Frozen objects are still freed
    normally at exit; only cycles among them are never collected, which cannot matter in a
    process about to end. Call it after the command's imports and before WeasyPrint's, so only
    the toolkit's own start-up is exempted, not WeasyPrint's work.
    """
    if _one_shot:
        gc.freeze()

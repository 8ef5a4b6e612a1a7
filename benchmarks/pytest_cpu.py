"""A pytest plugin: CPU seconds per test phase (this process and the children it waited for).

Wall-clock ``--durations`` swing with the load of a shared machine; CPU time hardly does, so
this is the figure to compare before and after a change to the tests.  Usage::

    PYTHONPATH=benchmarks LCHD_CPU_OUT=cpu.tsv .venv/bin/python -m pytest -p pytest_cpu -p no:randomly -q
    sort -t$'\\t' -k3 -rn cpu.tsv | head -40      # nodeid, phase, CPU s, wall s

Children count once they have exited and been waited for (subprocess.run does), so a CLI test
in a subprocess is charged its process's CPU; a browser is charged when it closes.
"""

from __future__ import annotations

import os
import resource
import time

import pytest

_rows: list[tuple[str, str, float, float]] = []


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(phase: str):
    @pytest.hookimpl(hookwrapper=True)
    def hook(item):  # noqa: ANN001 (pytest's item)
        cpu, wall = _cpu(), time.perf_counter()
        yield
        _rows.append((item.nodeid, phase, _cpu() - cpu, time.perf_counter() - wall))

    return hook


pytest_runtest_setup = _timed("setup")
pytest_runtest_call = _timed("call")
pytest_runtest_teardown = _timed("teardown")


def pytest_sessionfinish(session) -> None:  # noqa: ANN001
    out = os.environ.get("LCHD_CPU_OUT", "cpu.tsv")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:  # under pytest-xdist each worker writes its own file (cpu.tsv.gw0, …)
        out = f"{out}.{worker}"
    elif not _rows:
        return  # the xdist controller runs no test: keep the workers' files alone
    with open(out, "w", encoding="utf-8") as fh:
        for nodeid, phase, cpu, wall in _rows:
            fh.write(f"{nodeid}\t{phase}\t{cpu:.3f}\t{wall:.3f}\n")

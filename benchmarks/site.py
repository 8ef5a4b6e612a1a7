"""Benchmark: `lchd-assess site build` against a bare `mkdocs build` of the same Markdown.

Both run as a user runs them, in a fresh process each time, on the repository's framework:

* bare   — `python -m mkdocs build --strict` of the committed docs/ (no generation at all);
* warm   — `lchd-assess site build` when nothing changed (the usual rebuild: the fingerprint
           matches, generation is skipped, MkDocs runs);
* cold   — `lchd-assess site build --force` (render every page, write what changed, then
           MkDocs), with the validated inputs and the blank checklist PDF from the content-hash
           cache that earlier builds left (the usual forced rebuild);
* empty  — the same with an empty cache each run (LCHD_CACHE_DIR set to a new folder): the first
           build on a machine, or after the framework data changed; printed for reference.

Prints the median of N runs of each, and the generation overhead in percent of the bare build
(goal: ≤ 15 %), and the median of the paired ratios (each run of a command divided by the bare
build run just before it, so a busy moment on a shared machine counts against both): the issue's
figure, within 1.15×.  Beside each wall time it prints the run's CPU time (user + system, the
process and its children) and the paired ratio of those, which other work on a shared machine
moves much less.  Usage: .venv/bin/python benchmarks/site.py [N]
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# As a user runs them: Python keeps the bytecode of what it compiles.  An environment that turns
# that off (PYTHONDONTWRITEBYTECODE) would compile the toolkit's own modules on every run, while
# MkDocs' modules were compiled when pip installed them: the comparison would not be fair.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {
    "NO_MKDOCS_2_WARNING": "1",
    "DISABLE_MKDOCS_2_WARNING": "true",
}


#: The bare build again, ending as `lchd-assess` ends (cli/main.py: gc.freeze() before exit, so
#: Python's shutdown skips its full collection).  For reference only: it shows how much of the
#: ratio comes from that exit rather than from doing less work than MkDocs (about 0.03 s).
BARE_FROZEN_EXIT = (
    "import gc, sys\n"
    "from mkdocs.__main__ import cli\n"
    "sys.argv[0] = 'mkdocs'\n"
    "try:\n"
    "    cli()\n"
    "finally:\n"
    "    gc.freeze()\n"
)


#: CPU seconds (user + system) of each run's process and its children, beside the wall times:
#: on a machine shared with other work the wall time of a run depends on what else ran, its CPU
#: time much less.
CPU: dict[str, list[float]] = {}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], label: str = "", env: dict[str, str] | None = None) -> float:
    cpu_before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env or ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stdout}{proc.stderr}")
    CPU.setdefault(label, []).append(_children_cpu() - cpu_before)
    return elapsed


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        out_bare, out_site = str(Path(tmp) / "bare"), str(Path(tmp) / "site")
        # make sure the committed pages are current and the fingerprint is stored
        timed([py, "-m", "lchd_assess", "site", "build", "--out", out_site])
        runs: dict[str, list[float]] = {"bare": [], "warm": [], "cold": [], "bare_frozen": [], "empty": []}
        for i in range(n):  # interleaved, so drift in machine load hits all of them alike
            runs["bare"].append(
                timed([py, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", out_bare], "bare")
            )
            runs["bare_frozen"].append(
                timed(
                    [py, "-c", BARE_FROZEN_EXIT, "build", "--strict", "-f", "mkdocs.yml", "-d", out_bare],
                    "bare_frozen",
                )
            )
            runs["warm"].append(timed([py, "-m", "lchd_assess", "site", "build", "--out", out_site], "warm"))
            runs["cold"].append(timed([py, "-m", "lchd_assess", "site", "build", "--force", "--out", out_site], "cold"))
            empty_cache = ENV | {"LCHD_CACHE_DIR": str(Path(tmp) / f"cache-{i}")}
            forced = [py, "-m", "lchd_assess", "site", "build", "--force", "--out", out_site]
            runs["empty"].append(timed(forced, "empty", empty_cache))
        pages = sum(1 for _ in (ROOT / "docs").rglob("*.md"))
        html = sum(1 for _ in Path(out_site).rglob("*.html"))
    med = {k: statistics.median(v) for k, v in runs.items()}
    print(f"site benchmark: {pages} Markdown pages, {html} HTML files, median of {n} runs each")
    cpu = {k: statistics.median(v) for k, v in CPU.items()}
    print(f"  bare mkdocs build --strict      {med['bare']:.2f} s   (CPU {cpu['bare']:.2f} s)")
    for k, label in (("warm", "site build (pages up to date)"), ("cold", "site build --force (regenerate)")):
        over = 100 * (med[k] - med["bare"]) / med["bare"]
        paired = statistics.median(b / a for a, b in zip(runs["bare"], runs[k]))
        paired_cpu = statistics.median(b / a for a, b in zip(CPU["bare"], CPU[k]))
        print(
            f"  {label:<32}{med[k]:.2f} s   overhead {over:+.0f} %   paired ratio {paired:.2f}×   {'within' if paired <= 1.15 else 'over'} the 1.15× goal"
            f"   (CPU {cpu[k]:.2f} s, paired CPU ratio {paired_cpu:.2f}×)"
        )
    empty_cpu = statistics.median(b / a for a, b in zip(CPU["bare"], CPU["empty"]))
    print(
        f"  for reference: site build --force with an empty cache (first build on a machine) "
        f"{med['empty']:.2f} s (CPU {cpu['empty']:.2f} s, paired CPU ratio {empty_cpu:.2f}×)"
    )
    frozen_cpu = statistics.median(b / a for a, b in zip(CPU["bare_frozen"], CPU["cold"]))
    print(
        f"  for reference: bare build ending without the shutdown collection, as lchd-assess does: "
        f"{med['bare_frozen']:.2f} s (CPU {cpu['bare_frozen']:.2f} s); --force's paired CPU ratio to it {frozen_cpu:.2f}×"
    )


if __name__ == "__main__":
    main()

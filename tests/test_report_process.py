"""The report command's process: what it does to the garbage collector, and only as a program."""

from __future__ import annotations

import gc
import subprocess
import sys


def test_a_report_program_freezes_its_imports_before_weasyprint_loads(tmp_path):
    # gc.freeze is replaced by a probe that says what was imported when it was called, then
    # ends the process: the command freezes before reading its input, so none is needed.
    probe = (
        "import gc, sys\n"
        "def probe():\n"
        "    print(','.join(m for m in ('lchd_assess.app.report', 'pydantic', 'jinja2', 'weasyprint') if m in sys.modules))\n"
        "    raise SystemExit(0)\n"
        "gc.freeze = probe\n"
        f"sys.argv = ['lchd-assess', 'report', {str(tmp_path / 'scores.json')!r}, '--out', {str(tmp_path / 'out')!r}]\n"
        "from lchd_assess.cli.main import main\n"
        "main()\n"
        "print('never frozen')\n"
    )
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert r.stdout.strip() == "lchd_assess.app.report,pydantic,jinja2", (r.stdout, r.stderr)


def test_a_report_run_in_process_leaves_the_collector_alone(cli, tmp_path):
    frozen = gc.get_freeze_count()
    r = cli("report", str(tmp_path / "missing.json"), "--out", str(tmp_path / "out"))
    assert r.returncode == 2, r.stderr
    assert gc.get_freeze_count() == frozen

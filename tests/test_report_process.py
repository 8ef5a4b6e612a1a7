"""The report command's process: what it does to the garbage collector and to pydantic's plugin search, and only as a program."""

from __future__ import annotations

import gc
import os
import subprocess
import sys


def test_a_report_program_pauses_the_collector_while_importing_and_freezes_before_weasyprint(tmp_path):
    # gc.freeze is replaced by a probe that says what was imported when it was called and
    # whether the collector was paused, then ends the process: the command freezes before
    # reading its input, so none is needed.
    probe = (
        "import gc, sys\n"
        "def probe():\n"
        "    loaded = [m for m in ('lchd_assess.app.report', 'pydantic', 'jinja2', 'weasyprint') if m in sys.modules]\n"
        "    print(','.join(loaded), gc.isenabled())\n"
        "    raise SystemExit(0)\n"
        "gc.freeze = probe\n"
        f"sys.argv = ['lchd-assess', 'report', {str(tmp_path / 'scores.json')!r}, '--out', {str(tmp_path / 'out')!r}]\n"
        "from lchd_assess.cli.main import main\n"
        "main()\n"
    )
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert r.stdout.strip() == "lchd_assess.app.report,pydantic,jinja2 False", (r.stdout, r.stderr)


def test_a_report_program_collects_garbage_again_after_its_imports(tmp_path):
    probe = (
        "import gc, sys\n"
        "from lchd_assess.cli import process\n"
        "process.mark_one_shot()\n"
        "with process.importing():\n"
        "    import json\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
    )
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert r.stdout.strip() == "True True", (r.stdout, r.stderr)


def test_a_report_run_in_process_leaves_the_collector_alone(cli, tmp_path):
    frozen = gc.get_freeze_count()
    r = cli("report", str(tmp_path / "missing.json"), "--out", str(tmp_path / "out"))
    assert r.returncode == 2, r.stderr
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_the_program_skips_pydantics_plugin_search_and_the_library_does_not(tmp_path):
    # The probe ends the process when the report command freezes the collector, after pydantic
    # is imported; the variable says whether pydantic will look for plugins.
    probe = (
        "import gc, os, sys\n"
        "def probe():\n"
        "    print(os.environ.get('PYDANTIC_DISABLE_PLUGINS'))\n"
        "    raise SystemExit(0)\n"
        "gc.freeze = probe\n"
        f"sys.argv = ['lchd-assess', 'report', {str(tmp_path / 'scores.json')!r}, '--out', {str(tmp_path / 'out')!r}]\n"
        "from lchd_assess.cli.main import main\n"
        "main()\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert r.stdout.strip() == "__all__", (r.stdout, r.stderr)
    # a user's own setting is kept
    r = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env={**env, "PYDANTIC_DISABLE_PLUGINS": "theirs"}
    )
    assert r.stdout.strip() == "theirs", (r.stdout, r.stderr)


def test_importing_the_library_leaves_pydantics_plugins_on():
    probe = "import os, lchd_assess.app.report\nprint(os.environ.get('PYDANTIC_DISABLE_PLUGINS'))\n"
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert r.stdout.strip() == "None", (r.stdout, r.stderr)

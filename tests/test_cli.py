from __future__ import annotations

import json
import re
import subprocess
import sys

from lchd_assess.core.findings import ExitCode

from lchd_assess.formats.bundle import bundle
from lchd_assess.load.framework import load_framework


def test_help_lists_the_exit_codes(cli):
    out = cli("--help").stdout
    for line in ("0  OK", "1  findings", "2  bad input or usage", "3  internal error", "130  interrupted"):
        assert line in out
    # every code the CLI can return is a named ExitCode with a line in the help
    for code in ExitCode:
        assert re.search(rf"^  {int(code)}  \S", out, re.M), code


def test_the_programs_help_lists_every_command_even_with_a_command_after_it(cli):
    from lchd_assess.cli.main import COMMANDS

    for argv in (["--help"], ["--help", "report"], ["-h", "score"], ["--he", "report"]):
        r = cli(*argv)
        assert r.returncode == 0, r.stderr
        listed = set(re.findall(r"^    (\S+) ", r.stdout, re.M))
        assert listed >= set(COMMANDS), (argv, sorted(set(COMMANDS) - listed))
    # a command's own help shows that command's options
    r = cli("report", "--help")
    assert r.returncode == 0 and "--comments" in r.stdout and "lchd-assess report" in r.stdout
    # a shortened global option's value is not taken for the command (argparse accepts --frame)
    for argv in (["--frame", "score", "report", "--help"], ["--framework=score", "report", "--help"]):
        r = cli(*argv)
        assert r.returncode == 0 and "lchd-assess report" in r.stdout, (argv, r.stderr)


def test_a_bug_exits_3_in_one_line_and_ctrl_c_exits_130(cli, monkeypatch):
    from lchd_assess.cli.commands import validate as command

    def bug(args):
        raise RuntimeError("boom")

    def ctrl_c(args):
        raise KeyboardInterrupt

    monkeypatch.delenv("LCHD_DEBUG", raising=False)
    monkeypatch.setattr(command, "run", bug)
    result = cli("validate")
    assert result.returncode == ExitCode.INTERNAL_ERROR == 3
    assert result.stderr.splitlines() == [
        "lchd-assess: internal error: RuntimeError: boom (set LCHD_DEBUG=1 for details and report it)"
    ]
    monkeypatch.setattr(command, "run", ctrl_c)
    result = cli("validate")
    assert result.returncode == ExitCode.INTERRUPTED == 130
    assert result.stderr.splitlines() == ["lchd-assess: interrupted"]


def test_help_does_not_import_the_heavy_libraries():
    code = "import sys; from lchd_assess.cli.main import build_parser; build_parser(); print(sorted(m for m in ('pydantic','jsonschema','weasyprint','jinja2','yaml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_validate_repository_passes_with_exit_0(cli):
    result = cli("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK:")


def test_usage_error_exits_2(cli):
    assert cli("validate", "--format", "xml").returncode == 2


def test_bundle_is_byte_identical_on_rerun_and_has_a_header(cli, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert cli("export", "bundle", "--out", str(a)).returncode == 0
    assert cli("export", "bundle", "--out", str(b)).returncode == 0
    assert a.read_bytes() == b.read_bytes()
    data = json.loads(a.read_text())
    header = data["header"]
    assert header["framework_version"] == load_framework().version
    assert header["content_hash"].startswith("sha256:")
    assert data == json.loads(json.dumps(bundle(load_framework())))
    assert [p["id"] for p in data["principles"]["principles"]] == ["P1", "P2", "P3", "P4"]


def test_a_copy_of_the_framework_elsewhere_validates_exactly_as_the_original(cli, root, tmp_path):
    import shutil

    copy = tmp_path / "fw"
    shutil.copytree(root / "framework", copy)
    result = cli("validate", "--format", "json", str(copy), cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["finding_count"] == 0


def test_an_invalid_framework_stops_a_command_with_its_root_cause_in_one_line(cli, root, tmp_path):
    import shutil

    copy = tmp_path / "fw"
    shutil.copytree(root / "framework", copy)
    text = (copy / "principles.yaml").read_text(encoding="utf-8")
    (copy / "principles.yaml").write_text(
        text.replace("kind: principles", "kind: principles\n  bad: [", 1), encoding="utf-8"
    )
    result = cli("export", "bundle", "--framework", str(copy), "--out", str(tmp_path / "b.json"))
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "principles.yaml:" in line and "yaml-syntax" in line
    assert not (tmp_path / "b.json").exists()


def test_the_readme_main_job_runs_as_written_with_its_default_relative_output(demo_run):
    """`lchd-assess demo` from the repository root writes build/demo (a relative path).

    The session's one demo run (tests/conftest.py: ``demo_run``), which the site and PDF tests
    read too."""
    result, copy, _out, _builds = demo_run
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("demo finished: outputs in build/demo")
    for rel in (
        "framework-bundle.json",
        "site/index.html",
        "reports/portfolio/portfolio.pdf",
        "checklist/checklist.pdf",
        "site-offline/index.html",
        "site-offline/principles/P1.html",
    ):
        assert (copy / "build" / "demo" / rel).is_file(), rel
    # the copy for file:// links pages and section indexes as files, never a bare folder
    home = (copy / "build" / "demo" / "site-offline" / "index.html").read_text(encoding="utf-8")
    assert 'href="principles/index.html"' in home and 'href="principles/"' not in home

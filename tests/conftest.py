from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent

# Property tests run the same examples on every run and every machine: the seed comes from each
# test's source (derandomize), and no example database replays earlier failures, so a run's
# work and its verdict do not depend on what ran before.  Each test keeps its own
# max_examples; a failure prints the falsifying example, which is then written into the test.
settings.register_profile("suite", derandomize=True, database=None)
settings.load_profile("suite")


@pytest.fixture(scope="session", autouse=True)
def _own_state_folder(tmp_path_factory: pytest.TempPathFactory):
    """Tests never read or write the user's own state folder (the list of files the toolkit
    wrote, core/safe_output.py) or cache folder (validated inputs, app/report_inputs.py and
    app/site_inputs.py): each test process gets its own, so a run leaves nothing in the user's
    home and never depends on what an earlier run cached. Commands run in subprocesses inherit
    the variables; a test that sets LCHD_CACHE_DIR itself still wins."""
    saved = {k: os.environ.get(k) for k in ("LCHD_STATE_DIR", "LCHD_CACHE_DIR")}
    os.environ["LCHD_STATE_DIR"] = str(tmp_path_factory.mktemp("lchd-state"))
    os.environ["LCHD_CACHE_DIR"] = str(tmp_path_factory.mktemp("lchd-cache"))
    yield
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite expected files in golden folders (review the diff!)"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real console entry point in a subprocess (exit codes and streams as users see them)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "lchd_assess", *args],
        cwd=cwd or ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def run_cli_in_process(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the CLI's ``run()`` in this process, as ``python -m lchd_assess`` would: the same
    exit code (argparse's SystemExit included), stdout and stderr captured as text.

    Each call starts clean, as a new process would: environment and working folder set for the
    call and restored after, and the folders chosen with ``core.paths.use`` forgotten.  The
    loaders' memos are kept: they are keyed by each file's size and modification time, so a
    test that edits a framework copy between calls gets it read again, and the others do not
    pay for loading the same framework on every call.  Tests whose point
    is the process boundary itself (a signal, the interpreter's start-up, a server) use
    :func:`run_cli`.
    """
    import contextlib
    import io

    from lchd_assess.cli.main import run
    from lchd_assess.core import paths

    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    os.environ.update(env or {})
    os.chdir(cwd or ROOT)
    paths.reset()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = run(list(args))
            except SystemExit as exc:  # argparse: --help, --version, usage errors
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        paths.reset()
    return subprocess.CompletedProcess(["lchd-assess", *args], code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="session")
def cli():
    """The CLI as users run it, in process (exit code and output captured; see
    :func:`run_cli_in_process`); ``cli_process`` runs it as a real subprocess."""
    return run_cli_in_process


@pytest.fixture(scope="session")
def cli_process():
    return run_cli


# -- One demo run per session -----------------------------------------------------------------
# `lchd-assess demo` (the README's main job) builds the documentation site twice (served and
# file:// links), renders every example's report, the portfolio and the example checklist.
# Those are the suite's most expensive artifacts, so the tests that only read them share this
# one run (never change them: a test that needs a different site or PDF makes its own).


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory):
    """The README's main job as written (`lchd-assess demo` from a repository copy, in process):
    (its result, the copy's root, the demo's output folder build/demo, and the MkDocs result of
    each site build by its output folder's name, "site" and "site-offline")."""
    import shutil

    from lchd_assess.app import demo

    copy = tmp_path_factory.mktemp("demo") / "repo"
    for name in ("framework", "assessments", "site_templates", "CITATION.cff"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, copy / name)
    builds = {}
    real_build_site = demo.build_site

    def recording_build_site(out, *args, **kwargs):
        # only watches: the demo's own build, whose MkDocs result the site tests read
        site, changed, result = real_build_site(out, *args, **kwargs)
        builds[Path(out).name] = (site, result)
        return site, changed, result

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(demo, "build_site", recording_build_site)
        result = run_cli_in_process("demo", cwd=copy, env={"LCHD_ROOT": str(copy)})
    assert result.returncode == 0, result.stdout + result.stderr
    return result, copy, copy / "build" / "demo", builds


@pytest.fixture(scope="session")
def built_site(demo_run):
    """(generated Site, MkDocs result, the HTML folder) of the repository's site, as the demo
    built it (`site build`'s own generator and MkDocs run)."""
    _result, _copy, out, builds = demo_run
    site, result = builds["site"]
    return site, result, out / "site"


@pytest.fixture(scope="session")
def built_site_file_urls(demo_run):
    """The same site built with ``page.html`` links (``site build --file-urls``), the demo's
    site-offline."""
    _result, _copy, out, builds = demo_run
    site, result = builds["site-offline"]
    return site, result, out / "site-offline"


# -- One browser per session ------------------------------------------------------------------
# Starting Playwright's driver and chromium costs seconds of CPU; the five modules that drive a
# browser share one (each test opens its own page, so no state carries over).


@pytest.fixture(scope="session")
def browser():
    from test_site_browser import CHROMIUM, LAUNCH_ARGS, _need_chromium

    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def served(built_site):
    """The session's built site served on 127.0.0.1 (a free port); the URL of its home page."""
    import functools
    import http.server
    import threading

    from test_site_browser import QuietHandler, _need_chromium

    _need_chromium()
    _site, result, site_dir = built_site
    assert result.ok, result.log
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


# -- Two processes (scripts/test.sh: pytest -n 2 --dist loadgroup) ---------------------------
# pytest-xdist sends each group to one worker.  A module is one group, so its module-scoped
# fixtures (a rendered PDF, a parsed site) are made once; every test that reads the session's
# shared artifacts (the demo run and its sites, the browser) is one group, so they are made
# once per run rather than once per worker.  Without -n nothing changes.

SHARED_ARTIFACTS = {"demo_run", "built_site", "built_site_file_urls", "browser", "served"}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own hook turns the marks into groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # set in each worker by pytest-xdist for --dist loadgroup (where "dist" itself reads "no")
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        shared = SHARED_ARTIFACTS & set(getattr(item, "fixturenames", ()))
        group = "shared-artifacts" if shared else item.nodeid.split("::", 1)[0]
        item.add_marker(pytest.mark.xdist_group(group))

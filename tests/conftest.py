from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _own_state_folder(tmp_path_factory: pytest.TempPathFactory):
    """Tests never read or write the user's own state folder (the list of files the toolkit
    wrote, core/safe_output.py); commands run in subprocesses inherit the variable."""
    old = os.environ.get("LCHD_STATE_DIR")
    os.environ["LCHD_STATE_DIR"] = str(tmp_path_factory.mktemp("lchd-state"))
    yield
    if old is None:
        os.environ.pop("LCHD_STATE_DIR", None)
    else:
        os.environ["LCHD_STATE_DIR"] = old


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite expected files in golden folders (review the diff!)")


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


@pytest.fixture(scope="session")
def cli():
    return run_cli

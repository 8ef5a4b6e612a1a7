#!/usr/bin/env bash
# Run the whole test suite from a fresh clone: set up, install the browser the site test
# drives (Debian's chromium, never a downloaded one), check the built wheel from an empty
# folder (scripts/wheel_check.sh), then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ ! -x /usr/bin/chromium ]; then
  echo "test: installing Debian's chromium for the browser test"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export LCHD_CHROMIUM=/usr/bin/chromium
# Material for MkDocs and MkDocs print banners about their future at every build.
export NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true
# House rules first (CONTRIBUTING.md): lint, the stages' import contracts, types. Each prints
# only when it fails, so a green run stays short.
quiet() {
  local log
  log=$(mktemp)
  if ! "$@" > "$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "test: '$*' failed (output above)" >&2
    exit 1
  fi
  rm -f "$log"
}
quiet .venv/bin/ruff check lchd_assess tests benchmarks scripts
quiet .venv/bin/ruff format --check lchd_assess tests benchmarks scripts
quiet .venv/bin/lint-imports --no-logo
quiet .venv/bin/mypy
# The wheel as a user installs it, run from an empty folder (skip with LCHD_SKIP_WHEEL_CHECK=1).
if [ "${LCHD_SKIP_WHEEL_CHECK:-0}" != 1 ]; then
  bash scripts/wheel_check.sh
fi
# Two processes, one per core: each test module, and every test that reads the session's shared
# demo run, site and browser, is one group that one process runs (tests/conftest.py), so nothing
# expensive is made twice. Pass -n 0 to run in one process.
exec .venv/bin/python -m pytest -n 2 --dist loadgroup "$@"

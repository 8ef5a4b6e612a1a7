#!/usr/bin/env bash
# Set up the toolkit on a fresh machine: a virtual environment in .venv with the package and
# its test tools. Safe to run again: it only installs what is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
# pip and setuptools print pages of warnings that are not ours to act on; keep them in a log
# and show it only when an install fails.
quiet_pip() {
  mkdir -p .venv
  if ! "$@" > .venv/pip.log 2>&1; then
    cat .venv/pip.log >&2
    echo "setup: installing failed (log above, also in .venv/pip.log)" >&2
    exit 1
  fi
}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# Reinstall only when the project's dependencies changed since the last install.
stamp=.venv/.lchd-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  quiet_pip .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  quiet_pip .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
  echo "$want" > "$stamp"
fi

# WeasyPrint needs Pango from the system; Debian images usually have it.
if ! .venv/bin/python -c 'import weasyprint' >/dev/null 2>&1; then
  echo "setup: installing Pango for WeasyPrint (Debian packages)"
  apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null
fi

# The test that PDFs do not depend on the machine's fonts renders with fontconfig seeing only
# another family: Debian's Liberation fonts (the PDFs themselves use the package's own Lato).
if [ ! -d /usr/share/fonts/truetype/liberation ]; then
  echo "setup: installing Debian's fonts-liberation for the other-fonts PDF test"
  apt-get update -qq && apt-get install -y -qq fonts-liberation >/dev/null
fi

# cffconvert (the CITATION.cff validator) pins jsonschema<4, which clashes with ours,
# so it lives in its own small environment inside .venv.
if [ ! -x .venv/tools/cffconvert/bin/cffconvert ]; then
  "$PY" -m venv .venv/tools/cffconvert
  quiet_pip .venv/tools/cffconvert/bin/python -m pip install --quiet --disable-pip-version-check 'cffconvert==2.0.0'
fi
# axe-core (the accessibility rules the questionnaire's browser test runs) comes from npm into
# .venv/node, pinned to one major version; nothing is copied into the repository by hand.
if [ ! -f .venv/node/node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null 2>&1; then
    mkdir -p .venv/node
    if ! npm install --silent --no-audit --no-fund --prefix .venv/node 'axe-core@^4.10' > .venv/npm.log 2>&1; then
      cat .venv/npm.log >&2
      echo "setup: installing axe-core from npm failed (log above); the accessibility test will be skipped" >&2
    fi
  else
    echo "setup: npm not found; the questionnaire's accessibility test will be skipped (install nodejs and npm, then run setup again)" >&2
  fi
fi
echo "setup: ready (.venv)"

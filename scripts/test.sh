#!/usr/bin/env bash
# Run the whole test suite from a fresh clone: set up, install the browser the site test
# drives (Debian's chromium, never a downloaded one), then pytest.
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
exec .venv/bin/python -m pytest "$@"

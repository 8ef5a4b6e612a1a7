#!/usr/bin/env bash
# The installed toolkit: wheel size, time to install it into a new venv (dependencies from
# pip's cache), and whole-process start-up of `lchd-assess --help` and `--version` against a
# bare `python -c pass` in the same venv (hyperfine: medians and ratios).
# Run from the repository root after scripts/setup.sh: bash benchmarks/install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/lchd-bench-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m pip wheel --quiet --disable-pip-version-check --no-deps --wheel-dir "$work/dist" . > /dev/null 2>&1
wheel=$(ls "$work"/dist/*.whl)
echo "wheel: $(basename "$wheel"), $(( $(stat -c %s "$wheel") / 1024 )) KiB"
python3 -m venv "$work/venv"
t0=$(date +%s%3N)
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel" > /dev/null 2>&1
t1=$(date +%s%3N)
echo "install into a new venv (dependencies from pip's cache): $(( (t1 - t0) / 1000 )).$(( (t1 - t0) % 1000 / 100 )) s"
cd "$work"
hyperfine -N --warmup 3 --runs 30 --export-json "$work/h.json" \
  "$work/venv/bin/python -c pass" "$work/venv/bin/lchd-assess --help" "$work/venv/bin/lchd-assess --version" > /dev/null
"$work/venv/bin/python" - "$work/h.json" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
base = runs[0]["median"]
for r in runs:
    name = r["command"].split("/venv/bin/", 1)[-1]
    print(f"{name:<24} median {r['median'] * 1000:6.1f} ms  ({r['median'] / base:.1f}x python -c pass)")
PY

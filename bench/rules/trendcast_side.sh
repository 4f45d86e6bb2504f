#!/usr/bin/env bash
# The TrendCast side of the rules benchmark, through the real command line:
#   trendcast_side.sh FILE SUPPORT TASK   (TASK: all, closed, maximal or rules)
# pipes a two-line TrendCast script — load the FIMI file as baskets, mine (the safety cap
# limit= raised: the benchmark counts everything) — into the release binary and prints
# `count N` from the first line of the result's display. Only shell builtins run besides
# trendcast, so the wrapper adds next to nothing to the time measured.
set -euo pipefail
file="$1" support="$2" task="$3"
binary="${TRENDCAST:-$(cd "$(dirname "$0")/../.." && pwd)/.build/release/trendcast}"
if [ "$task" = rules ]; then
  mine="mine rules t support=$support confidence=0.5 limit=100000000"
else
  mine="mine itemsets t support=$support target=$task limit=100000000"
fi
printf 't = load "%s" format=baskets\n%s\n' "$file" "$mine" | "$binary" --width 200 | {
  read -r first _
  echo "count $first"
  while read -r _; do :; done
}

#!/usr/bin/env bash
# The TrendCast side of the rules benchmark, through the real command line:
#   trendcast_side.sh FILE SUPPORT TASK   (TASK: all, closed, maximal or rules)
# writes a two-line TrendCast script — load the FIMI file as baskets, mine (the safety cap
# limit= raised: the benchmark counts everything) — runs it with the
# release binary and prints `count N` from the first line of the result's display.
set -euo pipefail
file="$1" support="$2" task="$3"
binary="${TRENDCAST:-$(cd "$(dirname "$0")/../.." && pwd)/.build/release/trendcast}"
script="$(mktemp --suffix=.tc)"
trap 'rm -f "$script"' EXIT
if [ "$task" = rules ]; then
  mine="mine rules t support=$support confidence=0.5 limit=100000000"
else
  mine="mine itemsets t support=$support target=$task limit=100000000"
fi
printf 't = load "%s" format=baskets\n%s\n' "$file" "$mine" > "$script"
"$binary" run "$script" --width 200 | awk 'NR == 1 { print "count " $1; exit }'

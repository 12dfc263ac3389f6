#!/usr/bin/env bash
# Benchmark: OUT/index.html for a large run.
#   bench/overview.sh [PEOPLE]      (default 1000000)
# Prints what the page weighs (what opening it loads, one 区县 opened, the anomaly table), the time
# to build it against the time to grade the same export in the same run, and Chromium's time to
# open the page from file:// against its time to open an empty page.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1000000}
data=${BENCH_DIR:-/tmp/peixun-bench-$people}
out=out/bench-overview-$people
scheme=seeds/xuchang-2021-1/scheme.toml
swift build -c release --product peixun -q
swift build -c release --product overview-bench -q
if [ ! -f "$data/roster.csv" ]; then
  rm -rf "$data"
  echo "generating $people people into $data ..." >&2
  .build/release/peixun sample --people "$people" --seed 1 --out "$data"
fi
/usr/bin/time -f "peak memory       %M KB" .build/release/overview-bench $scheme "$data" "$out"
if command -v chromium >/dev/null; then
  profile=$(mktemp -d)
  open() { chromium --headless --no-sandbox --disable-gpu --user-data-dir="$profile" --virtual-time-budget=2000 --dump-dom "$1" >/dev/null 2>&1; }
  t0=$(date +%s.%N); open "about:blank"; t1=$(date +%s.%N); open "file://$PWD/$out/index.html"; t2=$(date +%s.%N)
  blank=$(echo "$t1 - $t0" | bc -l); page=$(echo "$t2 - $t1" | bc -l)
  printf 'chromium          empty page %.2f s, index.html %.2f s (%.2f×)\n' "$blank" "$page" "$(echo "$page / $blank" | bc -l)"
  rm -rf "$profile"
fi

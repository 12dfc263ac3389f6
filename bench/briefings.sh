#!/usr/bin/env bash
# Benchmark: every 坊 briefing (PDF + Markdown) and the programme summary of a large programme,
# rendered on all cores.
#   bench/briefings.sh [PEOPLE]      (default 1000000; 坊 of about 50)
# With `peixun sample` available it times `peixun brief` on a generated export (grading included,
# reported apart). Otherwise it renders graded synthetic Results built in memory
# (Tests/PeixunRenderTests/Briefing/SyntheticResults.swift) through the release test bundle.
# Prints briefings per second (all cores and one core), pages and bytes per briefing.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1000000}
out=${BENCH_OUT:-out/bench-briefings-$people}
scheme=seeds/xuchang-2021-1/scheme.toml
rm -rf "$out" "$out-one-core"

bin=.build/release/peixun
if grep -q 'commandName: "sample"' Sources/peixun/*.swift; then
  swift build -c release --product peixun -q
  data=${BENCH_DIR:-/tmp/peixun-bench-$people}
  if [ ! -f "$data/roster.csv" ]; then
    rm -rf "$data"
    echo "generating $people people into $data ..." >&2
    $bin sample --people "$people" --seed 1 --out "$data"
  fi
  /usr/bin/time -f "%e %M" -o /tmp/peixun-bench-grade-time $bin grade --scheme $scheme --input "$data" > /dev/null
  read -r grade_s _ < /tmp/peixun-bench-grade-time
  /usr/bin/time -f "%e %M" -o /tmp/peixun-bench-brief-time $bin brief --scheme $scheme --input "$data" --out "$out"
  read -r brief_s peak_kb < /tmp/peixun-bench-brief-time
  classes=$(find "$out/briefings" -name '*.pdf' | wc -l)
  pdf_bytes=$(find "$out/briefings" -name '*.pdf' -printf '%s\n' | awk '{s+=$1} END {print s}')
  render_s=$(echo "$brief_s - $grade_s" | bc -l)
  printf 'people                %d\n' "$people"
  printf '坊 briefings          %d (+ summary)\n' "$classes"
  printf 'peixun grade          %.2f s\n' "$grade_s"
  printf 'peixun brief          %.2f s wall (grading included), peak %.0f MB\n' "$brief_s" "$(echo "$peak_kb / 1024" | bc -l)"
  printf 'briefings per second  %.1f (brief minus grade, %d cores)\n' "$(echo "$classes / $render_s" | bc -l)" "$(nproc)"
  printf 'PDF size              %.0f KB per briefing\n' "$(echo "$pdf_bytes / $classes / 1024" | bc -l)"
else
  echo "peixun sample is not available: rendering synthetic graded Results in memory" >&2
  PEIXUN_BENCH_PEOPLE=$people PEIXUN_BENCH_OUT="$out" PEIXUN_BENCH_REPORT=/tmp/peixun-bench-briefings.txt \
    swift test -c release --filter BriefingBenchmark -q >/dev/null
  cat /tmp/peixun-bench-briefings.txt
fi

#!/usr/bin/env bash
# Benchmark: grading a large synthetic export.
#   bench/grade.sh [PEOPLE]      (default 1000000; about 30 course rows per person)
#   BENCH_PROFILE=seeds/profiles/yanxiu-2021.profile.toml bench/grade.sh [PEOPLE]
#                                (the same sample written and graded through an export profile)
# Prints, from one run: wall time and peak memory of `peixun grade`, rows per second, the
# ratio to `wc -l` over the same files (the floor of merely reading them), and the ratio to a
# peer: the same grading rules as DuckDB SQL over the same files (bench/grade_duckdb.sql, all
# cores), whose totals, pass/fail and 优秀 are checked against Peixun's results.json.
# Targets on a 2-core machine for 1,000,000 people: ≤ 1/3 of DuckDB's time, ≤ 2 GB peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1000000}
profile=${BENCH_PROFILE:-}
data=${BENCH_DIR:-/tmp/peixun-bench-$people${profile:+-$(basename "$profile" .profile.toml)}}
profile_args=()
[ -n "$profile" ] && profile_args=(--profile "$profile")
scheme=seeds/xuchang-2021-1/scheme.toml
swift build -c release --product peixun -q
bin=.build/release/peixun
if [ -z "$profile" ] && ! python3 -c 'import duckdb' 2>/dev/null; then
  echo "installing the duckdb Python package for the peer ..." >&2
  pip install -q duckdb >&2
fi
if [ ! -f "$data/.complete" ]; then
  rm -rf "$data"
  echo "generating $people people into $data ..." >&2
  /usr/bin/time -f "sample: %e s, %M KB peak" $bin sample --people "$people" --seed 1 --out "$data" "${profile_args[@]}"
  touch "$data/.complete"
fi
files=("$data"/*.csv)
rows=$(cat "${files[@]}" | wc -l)
bytes=$(cat "${files[@]}" | wc -c)
t0=$(date +%s.%N); wc -l "${files[@]}" >/dev/null; t1=$(date +%s.%N)
wc_s=$(echo "$t1 - $t0" | bc -l)
out=$(mktemp -d /tmp/peixun-bench-grade.XXXXXX)
trap 'rm -rf "$out"' EXIT
/usr/bin/time -f "%e %M" -o "$out/time" $bin grade --scheme $scheme --input "$data" "${profile_args[@]}" --format json > "$out/results.json"
read -r grade_s peak_kb < "$out/time"
if [ -z "$profile" ]; then
  /usr/bin/time -f "%e %M" -o "$out/peer-time" python3 bench/grade_duckdb.py run "$data" "$out/peer"
  read -r peer_s peer_kb < "$out/peer-time"
  agreement=$(python3 bench/grade_duckdb.py compare "$out/results.json" "$out/peer") || { echo "$agreement" >&2; exit 1; }
fi
printf 'people            %d\n' "$people"
printf 'input             %d rows, %.0f MB\n' "$rows" "$(echo "$bytes / 1048576" | bc -l)"
printf 'wc -l             %.2f s\n' "$wc_s"
printf 'peixun grade      %.2f s, peak %.0f MB\n' "$grade_s" "$(echo "$peak_kb / 1024" | bc -l)"
printf 'rows per second   %.0f\n' "$(echo "$rows / $grade_s" | bc -l)"
printf 'ratio to wc -l    %.1f×\n' "$(echo "$grade_s / $wc_s" | bc -l)"
if [ -z "$profile" ]; then
  printf 'duckdb peer       %.2f s, peak %.0f MB\n' "$peer_s" "$(echo "$peer_kb / 1024" | bc -l)"
  printf 'peixun / duckdb   %.2f (target ≤ 0.33)\n' "$(echo "$grade_s / $peer_s" | bc -l)"
  echo "$agreement"
fi

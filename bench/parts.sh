#!/usr/bin/env bash
# Benchmark: one `peixun run` against the same run split into parts on this machine
# (`run --parts P`, the P parts at once, `assemble`), on `peixun sample --people N`.
#   bench/parts.sh [N] [P]      (defaults 20000 people, 2 parts)
# Prints the wall time of each, the speed-up, and checks the outputs are the same bytes
# (but for the run's time stamps in changes.* and the registry).
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-20000}
parts=${2:-2}
work=${BENCH_DIR:-/tmp/peixun-parts-$people}
scheme=seeds/xuchang-2021-1/scheme.toml
. bench/lib.sh
bench_binary
export PEIXUN_KEY_FILE=$work/secret.key
bench_sample "$people" "$work"
rm -rf "$work/single" "$work/split" "$work/split.parts" "$work/secret.key"
now() { date +%s.%N; }
echo "people $people, parts $parts, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

t0=$(now)
$bin run --scheme $scheme --input "$work/in" --out "$work/single" 2>/dev/null
t1=$(now)
$bin run --scheme $scheme --input "$work/in" --out "$work/split" --parts "$parts" 2>/dev/null
t2=$(now)
pids=()
workers=$(( $(nproc) / parts )); [ "$workers" -ge 1 ] || workers=1
for k in $(seq 1 "$parts"); do $bin part "$k/$parts" --out "$work/split" --workers "$workers" 2>/dev/null & pids+=($!); done
for p in "${pids[@]}"; do wait "$p"; done
t3=$(now)
$bin assemble --out "$work/split" 2>/dev/null
t4=$(now)

single=$(echo "$t1 - $t0" | bc -l); split=$(echo "$t4 - $t1" | bc -l)
printf 'one run                 %8.1f s\n' "$single"
printf 'split: run --parts %-3d  %8.1f s\n' "$parts" "$(echo "$t2 - $t1" | bc -l)"
printf '       %d parts at once  %8.1f s\n' "$parts" "$(echo "$t3 - $t2" | bc -l)"
printf '       assemble         %8.1f s\n' "$(echo "$t4 - $t3" | bc -l)"
printf '       in all           %8.1f s   (%.2f× one run)\n' "$split" "$(echo "$single / $split" | bc -l)"
differ=$(diff -rq -x registry.sqlite -x 'changes.*' "$work/single" "$work/split" | wc -l)
files=$(find "$work/single" -type f | wc -l)
echo "same bytes as one run: $( [ "$differ" -eq 0 ] && echo "yes, all $files files but the run's time stamps" || echo "NO, $differ differ")"
[ "$differ" -eq 0 ]

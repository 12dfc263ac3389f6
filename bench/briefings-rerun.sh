#!/usr/bin/env bash
# Benchmark: the `briefings` stage of `peixun run` on a first run, an unchanged rerun and a
# rerun after a correction, for this checkout's release binary and a peer binary (say main's),
# alternating in the same script so both see the same machine.
#   bench/briefings-rerun.sh INPUT FIXED PEER_BIN [ROUNDS]
# INPUT: an export (e.g. from `peixun sample`); FIXED: the same export with corrections.
# Runs with --no-certificates into folders under ${BENCH_OUT:-/tmp/peixun-bench-briefings-rerun}.
# Prints each stage's seconds (median over rounds) and the ratio this / peer.
set -euo pipefail
cd "$(dirname "$0")/.."
input=$1 fixed=$2 peer=$3 rounds=${4:-1}
work=${BENCH_OUT:-/tmp/peixun-bench-briefings-rerun}
scheme=seeds/xuchang-2021-1/scheme.toml
. bench/lib.sh
bench_binary
ours=$bin
mkdir -p "$work"
export PEIXUN_KEY_FILE="$work/secret.key"
# A newer peer runs the briefings beside the certificates: its row is "beside: briefings".
stage() { awk -F'\t' -v s="$2" '$1 == s || $1 == "beside: " s { print $2 }' "$1"; }
for r in $(seq "$rounds"); do
  for who in peer ours; do
    bin=$peer; [ "$who" = ours ] && bin=$ours
    out="$work/out-$who"
    rm -rf "$out"
    $bin run --scheme $scheme --input "$input" --out "$out" --no-certificates --timings "$work/$who-first-$r.tsv" >/dev/null
    $bin run --scheme $scheme --input "$input" --out "$out" --no-certificates --timings "$work/$who-same-$r.tsv" >/dev/null
    $bin run --scheme $scheme --input "$fixed" --out "$out" --no-certificates --timings "$work/$who-fixed-$r.tsv" >/dev/null
  done
done
printf '%-28s %10s %10s %8s\n' "run / stage" "peer s" "this s" "ratio"
for kind in first same fixed; do
  for s in briefings total; do
    p=$(for r in $(seq "$rounds"); do stage "$work/peer-$kind-$r.tsv" $s; done | bench_median)
    o=$(for r in $(seq "$rounds"); do stage "$work/ours-$kind-$r.tsv" $s; done | bench_median)
    printf '%-28s %10.2f %10.2f %8.3f\n' "$kind / $s" "$p" "$o" "$(echo "$o / $p" | bc -l)"
  done
done
# The Markdown briefings of both binaries after the corrected rerun: the same bytes.
if diff -r -q -x '*.pdf' "$work/out-peer/briefings" "$work/out-ours/briefings" >/dev/null \
   && cmp -s "$work/out-peer/summary.md" "$work/out-ours/summary.md"; then
  echo "briefings .md identical between peer and this binary"
else
  echo "briefings .md DIFFER between peer and this binary"
fi

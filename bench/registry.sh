#!/usr/bin/env bash
# Benchmark: the `registry` stage of `peixun run` (copying the previous registry, reconciling
# certificates and standings, writing changes.*) on `peixun sample --people N`, against a peer
# binary (another build of peixun, e.g. main's) measured in the same invocation.
#   BENCH_PEER=/path/to/other/peixun bench/registry.sh [N]     (default 100000)
#   BENCH_REPEAT=3 ...                                          (rerun pairs per binary, default 2)
# For each binary: a first run into its own output folder, then, BENCH_REPEAT times and
# alternating between the two binaries, from a copy of that first run's outputs:
#   same  — a rerun with nothing changed;
#   fixed — a rerun after a correction of 1 % of the trainees' names (one character).
# Prints the `registry` row of --timings for each (median of the repeats) and the ratio
# ours / peer. Then checks that both binaries left the same registry (every table, the run
# times aside) and the same changes.json (its run times aside) after the corrected rerun.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-100000}
repeat=${BENCH_REPEAT:-2}
peer=${BENCH_PEER:?set BENCH_PEER to the peixun binary to compare with (e.g. a release build of main)}
work=${BENCH_DIR:-/tmp/peixun-registry-$people}
scheme=seeds/xuchang-2021-1/scheme.toml
. bench/lib.sh
bench_binary
ours=$bin
export PEIXUN_KEY_FILE=$work/secret.key
bench_sample "$people" "$work"
rm -rf "$work/fixed" "$work"/out-* "$work"/first-* "$work"/*.tsv "$work"/*.log "$work/secret.key"
cp -r "$work/in" "$work/fixed"
python3 bench/correct_names.py "$work/fixed/roster.csv" even

run() { # binary label out input
  local bin=$1 label=$2 out=$3 input=$4
  "$bin" run --scheme "$scheme" --input "$input" --out "$out" --no-certificates --timings "$work/$label.tsv" \
    2> "$work/$label.log" || { cat "$work/$label.log" >&2; exit 1; }
}
registry_seconds() { awk -F'\t' '$1 == "registry" { print $2 }' "$work/$1.tsv"; }

echo "people $people, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "ours: $ours"; echo "peer: $peer"
for who in peer ours; do
  bin=$peer; [ $who = ours ] && bin=$ours
  run "$bin" "$who-first" "$work/first-$who" "$work/in"
done
for i in $(seq "$repeat"); do
  for who in peer ours; do
    bin=$peer; [ $who = ours ] && bin=$ours
    rm -rf "$work/out-$who"; cp -a "$work/first-$who" "$work/out-$who"
    run "$bin" "$who-same-$i" "$work/out-$who" "$work/in"
    rm -rf "$work/out-$who"; cp -a "$work/first-$who" "$work/out-$who"
    run "$bin" "$who-fixed-$i" "$work/out-$who" "$work/fixed"
  done
done

echo
printf '%-28s %10s %10s %8s\n' "registry stage, seconds" peer ours "ours/peer"
for kind in first same fixed; do
  if [ $kind = first ]; then p=$(registry_seconds peer-first); o=$(registry_seconds ours-first)
  else
    p=$(for i in $(seq "$repeat"); do registry_seconds "peer-$kind-$i"; done | bench_median)
    o=$(for i in $(seq "$repeat"); do registry_seconds "ours-$kind-$i"; done | bench_median)
  fi
  printf '%-28s %10.2f %10.2f %8.2f\n' "$kind" "$p" "$o" "$(echo "$o / $p" | bc -l)"
done

# Same registry and changes after the corrected rerun (the last one of each).
dump() { # registry.sqlite → every table in a fixed order, without the wall-clock columns
  sqlite3 "$1" <<'SQL'
SELECT 'programme', * FROM programme ORDER BY code;
SELECT 'run', id, programme_code, data_date, trainees, tutors, passed, excellent_trainees, excellent_tutors,
       issued, revoked, reinstated FROM run ORDER BY id;
SELECT 'certificate', * FROM certificate ORDER BY id;
SELECT 'event', * FROM certificate_event ORDER BY rowid;
SELECT 'standing', programme_code, role, person_id, name, masked_id, county, school, passed, excellent, total, run
FROM standing ORDER BY rowid;
SELECT 'key', id, fingerprint, key_path, reason FROM verification_key ORDER BY id;
SQL
}
same=1
cmp -s <(dump "$work/out-peer/registry.sqlite") <(dump "$work/out-ours/registry.sqlite") \
  || { echo "registry tables DIFFER" >&2; same=0; }
strip() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); [d.pop(k, None) for k in ("run_at", "previous_run_at")]; print(json.dumps(d, ensure_ascii=False, sort_keys=True))' "$1"; }
cmp -s <(strip "$work/out-peer/changes.json") <(strip "$work/out-ours/changes.json") \
  || { echo "changes.json DIFFERS" >&2; same=0; }
[ $same = 1 ] && echo "after the corrected rerun: same registry tables and changes.json as the peer"
[ $same = 1 ]

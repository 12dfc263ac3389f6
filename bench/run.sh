#!/usr/bin/env bash
# Benchmark: the whole term-end job, `peixun run`, on `peixun sample --people N`, then its reruns.
#   bench/run.sh [N]          (default 100000)
#   BENCH_SPREAD=units bench/run.sh N   (the 1 % correction in whole 单位 instead of spread evenly)
#   BENCH_REDRAW=0 bench/run.sh N       (skip step 4, the full redraw and the byte comparison)
# Prints the wall time of each stage (grading, registry, verification site, per-person
# certificates, merged print files, results.json, rosters, briefings, overview page) and peak
# memory for:
#   1. the first run (empty output folder);
#   2. a rerun with nothing changed;
#   3. a rerun after a correction touching 1 % of the trainees (a wrong character in the name:
#      their certificates, their 单位's and 区县's print files and their 坊's briefing change);
#   4. the same corrected data drawn in full (--redraw) on a copy of the outputs before the
#      rerun, whose outputs must be byte-identical to the rerun's (checked with cmp).
# Ratios are against the first run measured in the same invocation (target: rerun ≤ 5 % of its wall time);
# the CPU time (user + system core-seconds) beside them drifts less with the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-100000}
spread=${BENCH_SPREAD:-even}
work=${BENCH_DIR:-/tmp/peixun-run-$people}
scheme=seeds/xuchang-2021-1/scheme.toml
. bench/lib.sh
bench_binary
export PEIXUN_KEY_FILE=$work/secret.key
bench_sample "$people" "$work"
rm -rf "$work/out" "$work/copy" "$work/fixed" "$work"/*.tsv "$work/secret.key"

run() { # label out input [extra args] → $work/<label>.tsv (stages), $work/<label>.time (wall, peak KB, user and system CPU s)
  local label=$1 out=$2 input=$3; shift 3
  /usr/bin/time -f "%e %M %U %S" -o "$work/$label.time" \
    "$bin" run --scheme "$scheme" --input "$input" --out "$out" --timings "$work/$label.tsv" "$@" 2> "$work/$label.log" \
    || { cat "$work/$label.log" >&2; exit 1; }
}

echo "people $people, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
run first "$work/out" "$work/in"
run same "$work/out" "$work/in"

# The correction: 1 % of the trainees get one character of their name changed.
cp -r "$work/in" "$work/fixed"
python3 bench/correct_names.py "$work/fixed/roster.csv" "$spread"
redraw=${BENCH_REDRAW:-1}
[ "$redraw" = 0 ] || cp -a "$work/out" "$work/copy"  # the full redraw's starting point (a second copy of the outputs: 40 GB at 1,000,000)
run fixed "$work/out" "$work/fixed"
if [ "$redraw" = 0 ]; then cp "$work/fixed.tsv" "$work/redraw.tsv"; cp "$work/fixed.time" "$work/redraw.time"
else run redraw "$work/copy" "$work/fixed" --redraw; fi

# The rerun's outputs are the full redraw's bytes (but for the run's own record of when it ran).
differ=0
[ "$redraw" = 0 ] && rm -rf "$work/copy" && mkdir "$work/copy"
while IFS= read -r -d '' f; do
  rel=${f#"$work/copy/"}
  # The run's own record (registry, changes, overview, manifests) and the verification site,
  # sealed under fresh nonces on every run, are not drawn: left out of the comparison.
  case "$rel" in registry.sqlite|changes.*|index.html|index-files/*|.peixun-drawn|.peixun-site-keys|verify/*) continue ;; esac
  cmp -s "$f" "$work/out/$rel" || { echo "differs: $rel" >&2; differ=$((differ + 1)); }
done < <(find "$work/copy" -type f -print0)
files=$(find "$work/copy" -type f | wc -l)

report() { # label
  local label=$1; read -r wall kb user sys < "$work/$label.time"
  printf '%-9s %8.1f s  peak %5.0f MB  %7.1f CPU s' "$label" "$wall" "$(echo "$kb / 1024" | bc -l)" "$(echo "$user + $sys" | bc -l)"
  if [ "$label" != first ]; then
    read -r first_wall _ first_user first_sys < "$work/first.time"
    printf '  %5.1f %% of the first run (CPU %4.1f %%)' "$(echo "100 * $wall / $first_wall" | bc -l)" \
      "$(echo "100 * ($user + $sys) / ($first_user + $first_sys)" | bc -l)"
  fi
  echo
}
echo
echo "stage seconds (beside: on its own thread while the certificates are drawn)"; echo "                                                    first      same     fixed    redraw"
paste "$work/first.tsv" "$work/same.tsv" "$work/fixed.tsv" "$work/redraw.tsv" | tail -n +2 \
  | awk -F'\t' '{ printf "%-48s %8.1f  %8.1f  %8.1f  %8.1f\n", $1, $2, $5, $8, $11 }'
echo
for l in first same fixed; do report $l; done
[ "$redraw" = 0 ] || report redraw
grep -o 'certificates ([0-9]* files unchanged[^)]*)' "$work/fixed.log" | sed 's/^/fixed:    /' || true
[ "$redraw" = 0 ] && echo "(no full redraw: BENCH_REDRAW=0; the redraw column repeats the rerun)" \
  || echo "byte-identical to the full redraw: $((files - differ)) of $files files compared$( [ $differ -eq 0 ] && echo ', all equal' || echo ", $differ DIFFER")"
[ $differ -eq 0 ]

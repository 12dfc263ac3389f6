#!/bin/sh
# Roster benchmark: rows per second writing the 名册 sheet (constant-memory
# mode) with peixun's RosterWriter (Swift over libxlsxwriter) against Python
# XlsxWriter writing the same rows, columns and formats; peak memory at two
# sizes. Both generate the same synthetic trainees (a shared LCG) in memory
# first and time only the writing. Run from the repository root:
#
#   sh bench/roster.sh [SMALL] [LARGE]        # default 100000 1000000
#
# Needs: pip install XlsxWriter; GNU time (/usr/bin/time, Debian package `time`).
set -eu
SMALL=${1:-100000}
LARGE=${2:-1000000}
OUT=${BENCH_OUT:-$(pwd)/out/bench-roster}
mkdir -p "$OUT"
swift build -c release --product roster-bench >/dev/null
BIN=$(swift build -c release --show-bin-path)/roster-bench

run() { # label, command...
    label=$1; shift
    /usr/bin/time -v "$@" 2>"$OUT/$label.time" | tee "$OUT/$label.out"
    grep -E "Maximum resident set size" "$OUT/$label.time" | sed "s/^\s*/  $label: /"
}

echo "== $SMALL rows, one after the other (ratio from this run)"
run swift-small "$BIN" --people "$SMALL" --out "$OUT/swift-small"
run python-small python3 bench/roster_python.py --people "$SMALL" --out "$OUT/python-small"
echo "== $LARGE rows, Swift only (memory must not grow with rows)"
run swift-large "$BIN" --people "$LARGE" --out "$OUT/swift-large"

field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" "$OUT/$2.out"; }
echo "ratio swift/python, rows per wall-clock second: $(python3 -c "print(round($(field rows_per_s swift-small) / $(field rows_per_s python-small), 1))")x"
echo "ratio swift/python, rows per CPU second:        $(python3 -c "print(round($(field rows_per_cpu_s swift-small) / $(field rows_per_cpu_s python-small), 1))")x"

#!/usr/bin/env bash
# Benchmark: grading the same export as CSV and as .xlsx, in one run.
#   bench/xlsx.sh [PEOPLE]      (default 30000; about 30 course rows per person)
# `peixun sample` writes the CSV export; bench/xlsx_convert.py (XlsxWriter, constant memory)
# writes the same five tables as .xlsx (times as Excel serials, 学时 as numbers). Prints wall
# time and peak memory of `peixun grade` on each, of python-calamine reading the same five
# sheets, and the ratios xlsx/CSV (target ≤ 3×) and peixun/calamine.
# Needs python3 with pip (XlsxWriter, python-calamine are installed if missing), GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-30000}
out=${BENCH_OUT:-out/bench-xlsx-$people}
scheme=seeds/xuchang-2021-1/scheme.toml
python3 -c "import xlsxwriter" 2>/dev/null || pip install -q XlsxWriter
python3 -c "import python_calamine" 2>/dev/null || pip install -q python-calamine || true
swift build -c release --product peixun -q
bin=.build/release/peixun
if [ ! -f "$out/xlsx/.done" ]; then
  rm -rf "$out"
  echo "generating $people people into $out ..." >&2
  $bin sample --people "$people" --seed 1 --out "$out/csv" >/dev/null
  python3 bench/xlsx_convert.py "$out/csv" "$out/xlsx"
  touch "$out/xlsx/.done"
fi
rows=$(cat "$out"/csv/*.csv | wc -l)

measure() { # label, command... → "<seconds> <peak KB>" in $out/<label>.time
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/$label.time" "$@" > "$out/$label.out"
  read -r "${label}_s" "${label}_kb" < "$out/$label.time"
}
measure csv $bin grade --scheme $scheme --input "$out/csv" --format json
measure xlsx $bin grade --scheme $scheme --input "$out/xlsx" --format json
sed "s/\.xlsx\"/.csv\"/g" "$out/xlsx.out" | cmp -s "$out/csv.out" - && same="identical but for file names" || same="DIFFERENT"
mb() { echo "$1 / 1024" | bc -l; }
printf 'people              %d (%d rows)\n' "$people" "$rows"
printf 'input               CSV %s, xlsx %s\n' "$(du -sh "$out/csv" | cut -f1)" "$(du -sh "$out/xlsx" | cut -f1)"
printf 'grade CSV           %.2f s, peak %.0f MB\n' "$csv_s" "$(mb "$csv_kb")"
printf 'grade xlsx          %.2f s, peak %.0f MB (results %s)\n' "$xlsx_s" "$(mb "$xlsx_kb")" "$same"
printf 'ratio xlsx/CSV      %.2f×  (target ≤ 3×)\n' "$(echo "$xlsx_s / $csv_s" | bc -l)"
if python3 -c "import python_calamine" 2>/dev/null; then
  measure calamine python3 bench/xlsx_calamine.py "$out/xlsx"
  printf 'python-calamine     %.2f s, peak %.0f MB (reading the five sheets only)\n' "$calamine_s" "$(mb "$calamine_kb")"
  printf 'ratio peixun/calamine %.2f×  (peixun reads and grades)\n' "$(echo "$xlsx_s / $calamine_s" | bc -l)"
else
  echo "python-calamine     not installed: no ratio"
fi

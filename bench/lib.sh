# Shared by the bench scripts (sourced from the repository root).

# bench_binary: builds the release binary; sets $bin to its absolute path.
bench_binary() {
  swift build -c release --product peixun -q
  bin=$PWD/.build/release/peixun
}

# bench_sample PEOPLE DIR: `peixun sample --people PEOPLE --seed 1` into DIR/in, made once
# (DIR/in/.complete marks a finished one; anything else in DIR is removed first).
bench_sample() {
  local people=$1 work=$2
  if [ ! -f "$work/in/.complete" ]; then
    rm -rf "$work"; mkdir -p "$work"
    echo "generating $people people into $work/in ..." >&2
    "$bin" sample --people "$people" --seed 1 --out "$work/in" >/dev/null
    touch "$work/in/.complete"
  fi
}

# bench_median: the median of the numbers on stdin, one per line.
bench_median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

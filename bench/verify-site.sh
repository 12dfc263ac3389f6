#!/usr/bin/env bash
# Benchmark: the static verification site (OUT/verify/) for a large programme.
#   bench/verify-site.sh [CERTIFICATES] [ITERATIONS]    (default 1000000 and the site's default, 1000)
# Writes a site for synthetic certificates twice — with the deliberately slow
# hash (ITERATIONS rounds of PBKDF2) and, as the peer, with 1 round — and
# prints size on disk, file count, the bytes one lookup loads, generation time,
# and the share of the time the slow hash takes.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
iterations=${2:-1000}
out=${BENCH_OUT:-/tmp/peixun-bench-site-$count}
swift build -c release --product verify-site-bench -q
bin=.build/release/verify-site-bench
rm -rf "$out" "$out-1"

read -r records files bytes prefix slow_s < <($bin "$count" "$iterations" "$out")
read -r _ _ _ _ fast_s < <($bin "$count" 1 "$out-1")
disk_kb=$(du -sk "$out" | cut -f1)
shard_avg=$(find "$out/data" -name '*.js' -printf '%s\n' | awk '{s+=$1; n++} END {printf "%d", s/n}')
shard_max=$(find "$out/data" -name '*.js' -printf '%s\n' | sort -n | tail -1)
page=$(cat "$out/index.html" "$out/verify.js" "$out/verify.css" "$out/site.js" | wc -c)
printf 'certificates            %d (%d cores)\n' "$records" "$(nproc)"
printf 'files                   %d (%d data files, id prefix of %d hex digits)\n' "$files" "$((files - 4))" "$prefix"
printf 'bytes written           %.1f MB (%.1f MB on disk)\n' "$(echo "$bytes / 1000000" | bc -l)" "$(echo "$disk_kb / 1024" | bc -l)"
printf 'one lookup loads        %d bytes: page, script, style, config %d + one data file %d (largest %d)\n' \
  "$((page + shard_avg))" "$page" "$shard_avg" "$shard_max"
printf 'generation              %.1f s with %d PBKDF2 rounds; %.1f s with 1 round (peer)\n' "$slow_s" "$iterations" "$fast_s"
printf 'slow hash share         %.1fx the peer\n' "$(echo "$slow_s / $fast_s" | bc -l)"
rm -rf "$out-1"

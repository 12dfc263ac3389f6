#!/usr/bin/env bash
# Builds Peixun and runs the term-end job on the seed programme's sample export into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product peixun -q
test -x .build/release/peixun
.build/release/peixun run \
  --scheme seeds/xuchang-2021-1/scheme.toml \
  --input seeds/xuchang-2021-1/sample \
  --out out/xuchang-2021-1 "$@"
echo "outputs: out/xuchang-2021-1"

#!/usr/bin/env bash
# Installs what is missing, builds, runs every test, then the contract's conformance cases.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests -q
swift test --skip-build
conformance=../shared/conformance/compare.py
if [ -f "$conformance" ]; then
  python3 "$conformance" .build/debug/peixun seeds/xuchang-2021-1/scheme.toml
fi

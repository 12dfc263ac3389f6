#!/usr/bin/env bash
# Installs what is missing, builds, runs every test (fixtures under Tests/, nothing outside the
# repository), then the contract's own conformance checker when ../shared is beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests -q
swift test --skip-build
conformance=../shared/conformance/compare.py
if [ -f "$conformance" ]; then
  python3 "$conformance" .build/debug/peixun seeds/xuchang-2021-1/scheme.toml
else
  echo "test: ../shared/conformance is not beside this checkout; its cases already ran from Tests/peixunTests/Fixtures/conformance"
fi

#!/usr/bin/env bash
# What a stranger does: clone the repository (its committed state) into a new empty folder with
# nothing beside it, then run the README's two commands. Run before calling work done.
#   scripts/fresh-clone-check.sh [BRANCH]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
branch=${1:-$(git -C "$repo" rev-parse --abbrev-ref HEAD)}
empty=$(mktemp -d /tmp/peixun-fresh-XXXXXX)
git clone -q --branch "$branch" "$repo" "$empty/peixun"
cd "$empty/peixun"
echo "fresh clone of $branch in $empty/peixun (nothing beside it)" >&2
./scripts/run-sample.sh
test -f out/xuchang-2021-1/index.html
./scripts/test.sh
echo "fresh clone: both README commands passed" >&2

#!/usr/bin/env bash
# Builds the Debian package: the web UI (npm), the binary (CMake), then
# `cpack -G DEB`. Prints the package's path on the last line.
# Usage: bash scripts/package.sh [build-dir=build]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
(cd "$root/web" && { [[ -d node_modules ]] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build --silent >/dev/null)
[[ -f $root/web/dist/index.html ]] || { echo "package: the web UI did not build (web/dist/index.html missing)" >&2; exit 1; }
[[ -f $build/CMakeCache.txt ]] || cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREGIE_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target regie >/dev/null
(cd "$build" && cpack -G DEB >/dev/null)
ls -t "$build"/regie_*.deb | head -1

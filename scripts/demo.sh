#!/usr/bin/env bash
# Installs what is missing, builds Regie and its web UI, and runs `regie demo`:
# a SQLite database with the fictional demo households, served on
# http://127.0.0.1:8080 with the demo logins printed below.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREGIE_BUILD_TESTS=OFF -DREGIE_BUILD_BENCH=OFF >/dev/null
cmake --build build --target regie
(cd web && npm run build --silent)
exec build/src/regie demo --db "${REGIE_DEMO_DB:-regie-demo.db}" --port "${REGIE_PORT:-8080}" "$@"

#!/usr/bin/env bash
# First load of the web UI: builds the web (npm ci first when web/node_modules
# is missing, as in a fresh clone), starts `regie demo` on loopback and lets
# headless Chromium open the sign-in page and, signed in as the demo
# director, a household page, each several times with an empty cache.
# Prints the median first-contentful-paint, the time until the page's heading
# is there and the bytes of JS and CSS loaded, against the goal (FCP < 1 s).
#
# Usage: bash bench/firstload.sh [runs=5] [--baseline GIT_REF] [--slow]
#   --baseline REF  also builds the web of REF (e.g. 892bee9, the last build
#                   before the per-route split) and prints this build's figures
#                   as a ratio of REF's: the peer is the same server and
#                   browser with the older bundle.
#   --slow          throttles the browser's network (40 ms, 10 Mbit/s).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=5
baseline=
extra=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --baseline) baseline=$2; shift 2 ;;
    --slow) extra+=(--slow); shift ;;
    *) runs=$1; shift ;;
  esac
done

source "$root/scripts/lib/bench.sh"
bench_ready "$root" "$root/build"
cmake --build "$root/build" --target regie >/dev/null
export REGIE_BIN="$root/build/src/regie"
cd "$root/web"
[[ -d node_modules ]] || npm ci --prefer-offline --no-audit --no-fund >/dev/null
npm run --silent build >/dev/null

work=$(mktemp -d /tmp/regie-firstload.XXXXXX)
trap 'rm -rf "$work"' EXIT
node bench/firstload.mjs --runs "$runs" --label "this build ($(git -C "$root" rev-parse --short HEAD))" "${extra[@]}" | tee "$work/new"

if [[ -n $baseline ]]; then
  # The older web, built apart from this tree, served by the same server.
  mkdir -p "$work/base"
  git -C "$root" archive "$baseline" web | tar -x -C "$work/base"
  (cd "$work/base/web" && npm ci --prefer-offline --no-audit --no-fund >/dev/null && npx vite build >/dev/null)
  node bench/firstload.mjs --runs "$runs" --web-root "$work/base/web/dist" --label "baseline $baseline" "${extra[@]}" | tee "$work/old"
  node -e '
    const fs = require("fs");
    const read = (f) => JSON.parse(fs.readFileSync(f, "utf8").split("\n").find((l) => l.startsWith("RESULT ")).slice(7));
    const n = read(process.argv[1]), o = read(process.argv[2]);
    for (const page of Object.keys(n.pages)) {
      const a = n.pages[page], b = o.pages[page];
      const r = (k) => (a[k] / b[k]).toFixed(2);
      console.log(`ratio ${page} (this / ${o.label}): FCP ${r("fcp")}, heading ${r("heading")}, JS ${r("js")}, CSS ${r("css")}`);
    }' "$work/new" "$work/old"
fi

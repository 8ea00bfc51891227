#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: C++ unit tests, the
# store suite on SQLite and on a throwaway PostgreSQL server, the command-line
# contracts, the reliability tests (crash, concurrency, backup), a fuzz smoke
# run of every parser, the web unit tests and the browser tests (with axe-core checks).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/setup.sh

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREGIE_BUILD_BENCH=OFF >/dev/null
cmake --build build

# A PostgreSQL server of our own: loopback only, a free port, a temporary data
# directory, stopped and removed when this script ends, however it ends.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/regie-pg.XXXXXX)
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres "$pgdir"
  as_pg=(runuser -u postgres --)
fi
stop_pg() {
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap stop_pg EXIT
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres --no-sync >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
  -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export REGIE_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
export REGIE_TEST_REQUIRE_PG=1

# One OpenID Connect provider (staff and the DigiD broker) and one SMTP sink
# on loopback for the whole run (tests/identity/start.sh); the C++ mail tests
# and the browser test use them, and skip by name without them.
iddir=$(mktemp -d /tmp/regie-identity.XXXXXX)
stop_all() {
  bash "$root/tests/identity/stop.sh" "$iddir"
  rm -rf "$iddir"
  stop_pg
}
trap stop_all EXIT
bash tests/identity/start.sh "$iddir"
source "$iddir/env"

ctest --test-dir build --output-on-failure -j2 | tee build/ctest.out
# CTest counts a skipped test (exit 77 of a script, GTEST_SKIP) among the
# passes in its total; say here, and again at the very end, which ones did not run.
skipped=$(grep -E '\((Skipped|Disabled)\)|\*\*\*Not Run' build/ctest.out | sed 's/^[[:space:]]*//' | sort -u || true)
skip_reasons=$(grep -h -E '^[a-z_]+: SKIP ' build/Testing/Temporary/LastTest*.log 2>/dev/null | sort -u || true)
report_skipped() {
  if [[ -n $skipped ]]; then
    echo "test.sh: NOT EVERYTHING RAN. Skipped tests:"
    sed 's/^/test.sh:   /' <<<"$skipped"
    [[ -z $skip_reasons ]] || sed 's/^/test.sh:   /' <<<"$skip_reasons"
  else
    echo "test.sh: no test was skipped"
  fi
}
report_skipped

# Every parser under libFuzzer for a few seconds (clang build in build-fuzz/).
bash scripts/fuzz.sh 5

cd web
npm test --silent
npm run build --silent
REGIE_BIN="$root/build/src/regie" npm run test:browser --silent

# The Debian package, unpacked and served from an empty folder tree.
cd "$root"
bash scripts/package_test.sh

report_skipped

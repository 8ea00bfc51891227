#!/usr/bin/env bash
# The Debian package as an operator gets it: built, unpacked into an empty
# folder tree (as dpkg would place it), and run from there. Checks that the
# files are where the package promises, that the binary finds its web UI,
# questionnaires and demo data beside itself and not in the source tree,
# that the systemd unit is sound, and that the installed server serves a
# page, readiness and metrics with the packaged configuration file.
# Usage: bash scripts/package_test.sh [package.deb]  (default: build it)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deb=${1:-$(bash "$root/scripts/package.sh" | tail -1)}
work=$(mktemp -d /tmp/regie-package.XXXXXX)
server=
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "package_test: FAIL: $*" >&2; exit 1; }
pass() { echo "package_test: ok: $*"; }

dpkg-deb -x "$deb" "$work/root"
dpkg-deb -f "$deb" Package Version Depends | sed 's/^/package_test: /'
for f in usr/bin/regie usr/share/regie/web/index.html usr/share/regie/questionnaires/icecap-a.json \
  usr/share/regie/demo/households.json usr/share/doc/regie/operations.md usr/share/doc/regie/openapi.json \
  usr/lib/systemd/system/regie.service etc/regie/regie.toml; do
  [[ -e $work/root/$f ]] || fail "/$f is not in the package"
done
[[ -d $work/root/usr/share/regie/istandaarden ]] || fail "/usr/share/regie/istandaarden is not in the package"
dpkg-deb -I "$deb" conffiles | grep -qx /etc/regie/regie.toml || fail "/etc/regie/regie.toml is not a conffile"
pass "files in place"

regie=$work/root/usr/bin/regie
"$regie" version | grep -q '^regie ' || fail "regie version"
pass "$("$regie" version)"
help=$("$regie" demo --help)
grep -q "$work/root/usr/share/regie/web" <<<"$help" || fail "demo --help does not name the installed web UI:\n$help"
grep -q "$work/root/usr/share/regie/questionnaires" <<<"$help" || fail "demo --help does not name the installed questionnaires"
! grep -q "$root" <<<"$help" || fail "the installed binary still points into the source tree ($root)"
pass "the installed binary uses its own files"

if command -v systemd-analyze >/dev/null; then
  # The unit's own syntax and settings; ExecStart's binary is the unpacked one.
  sed "s|/usr/bin/regie|$regie|" "$work/root/usr/lib/systemd/system/regie.service" >"$work/regie.service"
  out=$(systemd-analyze verify "$work/regie.service" 2>&1 || true)
  if grep -v -e 'Failed to ' -e 'not found' -e 'Cannot add dependency' -e 'NSS lookup' <<<"$out" | grep -qi 'regie.service'; then
    fail "systemd-analyze verify: $out"
  fi
  pass "systemd unit verified"
fi

"$regie" --log-level error demo --no-serve --db "$work/demo.db" >"$work/logins" || fail "demo from the package"
grep -q 'director' "$work/logins" || fail "the demo printed no director login"
pass "regie demo works from the package"

# The packaged configuration, with the paths and a free port of this test:
# flags beat the file.
"$regie" --config "$work/root/etc/regie/regie.toml" serve --db "$work/demo.db" --port 0 \
  --secret-key-file "$work/demo.db.key" >"$work/out" 2>"$work/err" &
server=$!
for _ in $(seq 100); do grep -q 'http://' "$work/out" && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out" | head -1)
[[ -n $url ]] || fail "the installed server did not start: $(cat "$work/err")"
curl -fsS "$url/" | grep -q '<div id="root"' || fail "/ is not the packaged web UI"
curl -fsS "$url/huishoudens" | grep -q '<div id="root"' || fail "a page of the web UI is not served"
curl -fsS "$url/readyz" | grep -q '"ok"' || fail "/readyz"
curl -fsS "$url/metrics" | grep -q '^regie_http_requests_total{route="web",method="GET",status="200"}' ||
  fail "/metrics does not count the page requests"
pass "the installed server serves the web UI, /readyz and /metrics at $url"

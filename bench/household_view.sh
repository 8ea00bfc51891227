#!/usr/bin/env bash
# Household view latency: `regie demo` on loopback, one household grown to 30
# provisions through the API, then wrk asks for its view for a fixed time.
# Prints throughput and p50/p99 latency, against the goal (p99 < 50 ms) and
# against /healthz on the same server (the cost of HTTP alone, as the peer).
# Usage: bash bench/household_view.sh [seconds=10] [connections=8]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-10}
connections=${2:-8}
source "$root/scripts/lib/bench.sh"
bench_ready "$root" "$root/build"
cmake --build "$root/build" --target regie >/dev/null
regie="$root/build/src/regie"

work=$(mktemp -d /tmp/regie-bench-view.XXXXXX)
cleanup() { [[ -n ${server:-} ]] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
source "$root/scripts/lib/totp.sh"
"$regie" --log-level warn demo --db "$work/d.db" --port 0 --web-root "$work" --rate-limit 1000000 --rate-burst 1000000 >"$work/out" 2>"$work/err" &
server=$!
for _ in $(seq 100); do grep -q 'http://' "$work/out" && grep -q 'password' "$work/out" && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out" | head -1)
read -r user pass totp < <(sed -n 's/.*director.*user "\([^"]*\)" password "\([^"]*\)" totp "\([^"]*\)".*/\1 \2 \3/p' "$work/out" | head -1)

next_code
curl -s -c "$work/cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$user\",\"password\":\"$pass\",\"code\":\"$code\"}" "$url/api/v1/session" >"$work/session.json"
csrf=$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' "$work/session.json")
cookie="regie_session=$(awk '$6 == "regie_session" {print $7}' "$work/cookies")"
household=$(curl -s -H "Cookie: $cookie" "$url/api/v1/households" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
view() { curl -s -H "Cookie: $cookie" "$url/api/v1/households/$household"; }
count=$(view | grep -o '"cost_basis"' | wc -l)
provider=$(view | grep -o '"provider":{"id":"[^"]*"' | head -1 | cut -d'"' -f6)
while ((count < 30)); do
  curl -s -o /dev/null -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d "{\"domain\":\"wmo\",\"provider_id\":\"$provider\",\"start_date\":\"2019-01-01\",\"annual_cost_cents\":100000}" \
    "$url/api/v1/households/$household/provisions"
  count=$((count + 1))
done
echo "household $household with $(view | grep -o '"cost_basis"' | wc -l) provisions"

run() {  # path -> "requests/s p50_ms p99_ms errors"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "$url$1" >"$work/wrk" 2>&1
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk")
  errors=$(awk '/Non-2xx|Socket errors/ {n++} END {print n+0}' "$work/wrk")
  echo "$rps $p50 $p99 $errors"
}
ms() {  # wrk prints 1.23ms, 456.00us or 1.02s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) {sub(/us/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v); print v+0} else {sub(/s/,"",v); print v*1000} }'
}
read -r v_rps v_p50 v_p99 v_err < <(run "/api/v1/households/$household")
read -r h_rps h_p50 h_p99 h_err < <(run "/healthz")
v99=$(ms "$v_p99")
h99=$(ms "$h_p99")
printf '%-24s %12s %10s %10s %8s\n' "endpoint" "requests/s" "p50" "p99" "errors"
printf '%-24s %12s %10s %10s %8s\n' "household view (30)" "$v_rps" "$v_p50" "$v_p99" "$v_err"
printf '%-24s %12s %10s %10s %8s\n' "healthz (peer)" "$h_rps" "$h_p50" "$h_p99" "$h_err"
awk -v v="$v99" -v h="$h99" 'BEGIN {
  printf "p99 household view: %.2f ms = %.2f x the 50 ms goal; %.1f x the p99 of /healthz\n", v, v / 50, (h > 0 ? v / h : 0)
  if (v >= 50) { print "GOAL MISSED"; exit 1 } }'

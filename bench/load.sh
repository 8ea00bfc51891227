#!/usr/bin/env bash
# Load: `regie serve` on loopback under household views and care-map updates
# mixed 9:1, with wrk (bench/load.lua). Bounded in time and in requests.
# Prints throughput and p50/p99 latency and checks them against the goal:
# 2 000 requests/s, p99 < 50 ms, zero errors (2 cores).
# Usage: bash bench/load.sh [--db pg|postgresql://…] [--servers N] [--proxy]
#                           [seconds=20] [connections=16] [max_requests=1000000]
#   --db pg           a PostgreSQL server of the script's own on loopback
#                     (durable: fsync and synchronous_commit on), removed after;
#   --db postgresql://USER@HOST:PORT/DB
#                     that server: a fresh database is made in it and dropped after;
#   without --db      SQLite, a file in a temporary folder;
#   --servers N       N `regie serve` processes on the one database, behind
#                     HAProxy (scripts/lib/cluster.sh) with --trusted-proxy set;
#   --proxy           HAProxy in front also of a single server.
# Connections: 16, a municipality's directors working at once (each browser
# keeps several); docs/performance.md also gives 4, 8 and 32.
# The server runs with --log-level warn (a log line per request is a cost
# of its own; the default `info` level is measured with LOG_LEVEL=info).
# Every server's threads: REGIE_THREADS (the default is the server's own).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
backend=sqlite
servers=1
proxy=0
positional=()
while (($#)); do
  case $1 in
    --db) backend=$2; shift 2 ;;
    --servers) servers=$2; shift 2 ;;
    --proxy) proxy=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) positional+=("$1"); shift ;;
  esac
done
seconds=${positional[0]:-20}
connections=${positional[1]:-16}
max_requests=${positional[2]:-1000000}
export LOG_LEVEL=${LOG_LEVEL:-warn}
((servers >= 1)) || { echo "load: --servers takes 1 or more" >&2; exit 2; }
((servers > 1)) && proxy=1
command -v wrk >/dev/null || { [[ $(id -u) -eq 0 ]] && apt-get install -y -qq wrk >/dev/null; }
command -v wrk >/dev/null || { echo "load: wrk is not installed" >&2; exit 1; }
build=$(realpath "${REGIE_BUILD_DIR:-$root/build}")
# LOAD_NO_BUILD=1: measure the binary as it is (while another build runs in that folder).
if [[ -z ${LOAD_NO_BUILD:-} ]]; then
  source "$root/scripts/lib/bench.sh"
  bench_ready "$root" "$build"
  cmake --build "$build" --target regie >/dev/null
fi
regie="$build/src/regie"

work=$(mktemp -d /tmp/regie-bench-load.XXXXXX)
source "$root/scripts/lib/cluster.sh"
cleanup() { cluster_stop; rm -rf "$work"; }
trap cleanup EXIT
source "$root/scripts/lib/totp.sh"
echo "load: machine before the run: $(uptime)"

case $backend in
  sqlite)
    db="$work/d.db"
    key="$work/d.db.key"
    "$regie" --log-level error demo --no-serve --db "$db" >"$work/logins"
    ;;
  pg|postgresql://*|postgres://*)
    if [[ $backend == pg ]]; then
      # LOAD_PG_STATEMENTS=1: the statements the run sent, with their counts
      # per request and the server's time in them (pg_stat_statements).
      [[ -n ${LOAD_PG_STATEMENTS:-} ]] && export PG_OPTIONS="${PG_OPTIONS:-} -c shared_preload_libraries=pg_stat_statements"
      pg_own_start
      admin=$cluster_pg_admin
    else
      admin=$backend
    fi
    pg_new_database "$admin" "regie_load_$$"
    [[ -n ${LOAD_PG_STATEMENTS:-} ]] && psql -X -q -d "$db" -c "CREATE EXTENSION pg_stat_statements" >/dev/null
    # The demo keeps its key in the folder it runs in when the database is PostgreSQL.
    (cd "$work" && "$regie" --log-level error demo --no-serve --db "$db") >"$work/logins"
    key="$work/regie-demo.key"
    ;;
  *) echo "load: --db takes pg or a postgresql:// URI" >&2; exit 2 ;;
esac
read -r user pass totp < <(sed -n 's/.*director.*user "\([^"]*\)" password "\([^"]*\)" totp "\([^"]*\)".*/\1 \2 \3/p' "$work/logins" | head -1)
extra=(--rate-limit 1000000 --rate-burst 1000000 --max-connections-per-client 0)
[[ -n ${REGIE_THREADS:-} ]] && extra+=(--threads "$REGIE_THREADS")
for ((i = 0; i < servers; i++)); do cluster_start_server "$regie" "$db" "$key" "$i" "${extra[@]}"; done
url=${cluster_urls[0]}
if ((proxy)); then
  cluster_start_proxy
  url=$cluster_proxy_url
fi

next_code
curl -s -c "$work/cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$user\",\"password\":\"$pass\",\"code\":\"$code\"}" "$url/api/v1/session" >"$work/session.json"
csrf=$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' "$work/session.json")
cookie="regie_session=$(awk '$6 == "regie_session" {print $7}' "$work/cookies")"
mapfile -t households < <(curl -s -H "Cookie: $cookie" "$url/api/v1/households" | grep -o '"id":"[^"]*"' | cut -d'"' -f4)
provider=$(curl -s -H "Cookie: $cookie" "$url/api/v1/households/${households[0]}" |
  grep -o '"provider":{"id":"[^"]*"' | head -1 | cut -d'"' -f6)
# One provision per connection, on the director's households in turn.
specs=()
for ((i = 0; i < connections; i++)); do
  h=${households[$((i % ${#households[@]}))]}
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
    -H 'Content-Type: application/json' \
    -d "{\"id\":\"$h-LOAD$i\",\"domain\":\"wmo\",\"provider_id\":\"$provider\",\"start_date\":\"2019-01-01\",\"annual_cost_cents\":100000}" \
    "$url/api/v1/households/$h/provisions")
  [[ $code == 201 ]] || { echo "load: cannot add the provision $h-LOAD$i ($code)" >&2; exit 1; }
  specs+=("$h/$h-LOAD$i")
done
list=$(IFS=,; echo "${households[*]}")
per_thread=$(((max_requests + connections - 1) / connections))
where="SQLite"
[[ $backend != sqlite ]] && where="PostgreSQL"
echo "load: $where, $servers server(s)$( ((proxy)) && echo " behind HAProxy"), ${#households[@]} households of $user, $connections connections, ${seconds}s or $max_requests requests"

# CPU time (user + system, clock ticks) of the servers, of the proxy and of
# the PostgreSQL server of our own (its postmaster and every backend).
ticks() { local t=0 p; for p in "$@"; do [[ -r /proc/$p/stat ]] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo $t; }
pg_pids() {
  [[ -n $cluster_pg_dir && -r $cluster_pg_dir/data/postmaster.pid ]] || return 0
  local pm; pm=$(head -1 "$cluster_pg_dir/data/postmaster.pid")
  echo "$pm"; pgrep -P "$pm" || true
}
[[ -n ${LOAD_PG_STATEMENTS:-} ]] && psql -X -q -d "$db" -c "SELECT pg_stat_statements_reset()" >/dev/null
server_cpu0=$(ticks "${cluster_pids[@]}")
proxy_cpu0=$(ticks $cluster_proxy_pid)
mapfile -t pgp < <(pg_pids)
pg_cpu0=$(ticks "${pgp[@]}")
wrk -t"$connections" -c"$connections" -d"${seconds}s" --latency -s "$root/bench/load.lua" "$url" -- \
  "$cookie" "$csrf" "$per_thread" "$list" "${specs[@]}" "$provider" >"$work/wrk" 2>&1
server_cpu1=$(ticks "${cluster_pids[@]}")
proxy_cpu1=$(ticks $cluster_proxy_pid)
pg_cpu1=$(ticks "${pgp[@]}")
cat "$work/wrk"
# The versions in the store prove that every update was applied (none lost to a conflict).
updates=0
for s in "${specs[@]}"; do
  sql="SELECT version FROM provision WHERE id = '${s#*/}'"
  if [[ $backend == sqlite ]]; then v=$(sqlite3 "$db" "$sql"); else v=$(psql -X -q -At -d "$db" -c "$sql"); fi
  updates=$((updates + v - 1))
done
line=$(grep '^LOAD ' "$work/wrk")
# wrk keeps the clock running until the time bound even when every thread
# stopped at the request bound; then the rate below is too low.
if (($(sed -n 's/^LOAD requests=\([0-9]*\).*/\1/p' "$work/wrk") >= max_requests)); then
  echo "load: the request bound ended the run before the time bound: requests/s below is understated"
fi
echo "load: $updates updates applied (store versions)"
requests=$(sed -n 's/^LOAD requests=\([0-9]*\).*/\1/p' "$work/wrk")
per_request() {  # label, ticks
  awk -v label="$1" -v t="$2" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "load: %s CPU %.2f s, %.3f ms per request\n", label, t / hz, (n > 0 ? t / hz * 1000 / n : 0) }'
}
per_request "server" $((server_cpu1 - server_cpu0))
((proxy)) && per_request "proxy" $((proxy_cpu1 - proxy_cpu0))
[[ -n $cluster_pg_dir ]] && per_request "PostgreSQL" $((pg_cpu1 - pg_cpu0))
if [[ $backend != sqlite ]]; then
  psql -X -q -At -d "$db" -c "SELECT 'load: audit rows ' || count(*) FROM audit_event" || true
  if [[ -n ${LOAD_PG_STATEMENTS:-} ]]; then
    echo "load: statements per request (calls / requests), PostgreSQL's ms per request in them, the statement:"
    psql -X -q -At -F ' | ' -d "$db" -c "SELECT round(calls::numeric / $requests, 3), round((total_exec_time / $requests)::numeric, 4),
        left(regexp_replace(query, '\s+', ' ', 'g'), 110) FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY calls DESC LIMIT 25"
    psql -X -q -At -d "$db" -c "SELECT 'load: statements per request in all ' || round(sum(calls)::numeric / $requests, 2)
        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
  fi
fi
echo "load: machine after the run: $(uptime)"
awk -v line="$line" -v updates="$updates" 'BEGIN {
  n = split(line, kv, " "); for (i = 2; i <= n; i++) { split(kv[i], p, "="); v[p[1]] = p[2] }
  printf "RESULT requests/s %s, p50 %s ms, p99 %s ms, errors %d (non-2xx %d, socket %d), updates %d\n",
    v["rps"], v["p50_ms"], v["p99_ms"], v["non2xx"] + v["socket_errors"], v["non2xx"], v["socket_errors"], updates
  ok = v["rps"] >= 2000 && v["p99_ms"] < 50 && v["non2xx"] + v["socket_errors"] == 0
  print ok ? "GOAL MET (2 000 requests/s, p99 < 50 ms, no errors)" : "GOAL MISSED (2 000 requests/s, p99 < 50 ms, no errors)"
  exit ok ? 0 : 1 }'

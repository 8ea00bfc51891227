#!/usr/bin/env bash
# Several servers on one PostgreSQL database behind a real reverse proxy
# (HAProxy, scripts/lib/cluster.sh), with --trusted-proxy set for it:
#  1. a session made on one server works on the other, and signing out on
#     one ends it on both;
#  2. a change through one server shows in the next view from the other
#     (each server keeps its own view cache);
#  3. two updates of one version, one through each server: one wins, the
#     other is a conflict (409);
#  4. failed sign-ins through both servers add up to one lockout, and the
#     client address the servers see is the one the proxy forwarded;
#  5. while workers read and write through the proxy, each server in turn is
#     killed (SIGKILL) and started again: every write that got a 2xx answer is
#     in the database afterwards, every read that got one has its audit row,
#     no server ever shows a view older than an acknowledged update, and the
#     only failures are the answers the proxy gave for requests in flight at
#     a kill (502) — nothing else.
# Needs REGIE_TEST_PG (a server where it may create a database) and haproxy;
# without them it exits 77, which CTest reports as skipped.
# Usage: cluster.sh path/to/regie [seconds of load=24]
set -euo pipefail
regie=$(realpath "$1")
seconds=${2:-24}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
fail() { echo "cluster: FAIL: $*" >&2; exit 1; }
skip() { echo "cluster: SKIP $*"; exit 77; }
[[ -n ${REGIE_TEST_PG:-} ]] || skip "REGIE_TEST_PG is not set (a PostgreSQL server to test on)"
if ! command -v haproxy >/dev/null; then
  [[ -n ${REGIE_TEST_REQUIRE_PG:-} ]] && fail "haproxy is not installed (scripts/setup.sh installs it)"
  skip "haproxy is not installed (scripts/setup.sh installs it)"
fi
for tool in curl node psql oathtool ss; do command -v $tool >/dev/null || fail "$tool is missing (scripts/setup.sh)"; done
work=$(mktemp -d /tmp/regie-cluster.XXXXXX)
source "$root/scripts/lib/cluster.sh"
source "$root/scripts/lib/totp.sh"
trap 'cluster_stop; rm -rf "$work"' EXIT
started=$SECONDS

pg_new_database "$REGIE_TEST_PG" "regie_cluster_$$"
(cd "$work" && "$regie" --log-level error demo --no-serve --db "$db") >"$work/logins"
key="$work/regie-demo.key"
login_of() {  # role -> user pass totp
  sed -n "s/^Sign in as $1 .*user \"\\([^\"]*\\)\" password \"\\([^\"]*\\)\"\\( totp \"\\([^\"]*\\)\"\\)\\?.*/\\1 \\2 \\4/p" \
    "$work/logins" | head -1
}
limits=(--rate-limit 100000 --rate-burst 100000 --max-connections-per-client 0)
for i in 0 1; do cluster_start_server "$regie" "$db" "$key" "$i" "${limits[@]}"; done
cluster_start_proxy
s0=${cluster_urls[0]} s1=${cluster_urls[1]} proxy=$cluster_proxy_url
echo "cluster: servers $s0 $s1 behind HAProxy at $proxy, database ${db##*/} ($((SECONDS - started)) s)"

q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }
# status METHOD URL [BODY]: the HTTP status; the answer in $work/body.
status() {
  local args=(-s -o "$work/body" -w '%{http_code}' -X "$1" -H "Cookie: $cookie")
  [[ $1 != GET ]] && args+=(-H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json')
  [[ -n ${3:-} ]] && args+=(-d "$3")
  curl "${args[@]}" "$2"
}
# The code comes from the caller (next_code must run in this shell, not in
# the $(...) around sign_in, or the step it used is forgotten).
sign_in() {  # base url, user, password, code or "", [client address] -> status; cookie file $work/cookies
  local code_arg=""
  [[ -n $4 ]] && code_arg=",\"code\":\"$4\""
  curl -s -o "$work/session.json" -w '%{http_code}' -c "$work/cookies" -H 'Content-Type: application/json' \
    ${5:+-H "X-Forwarded-For: $5"} -d "{\"username\":\"$2\",\"password\":\"$3\"$code_arg}" "$1/api/v1/session"
}

# --- 1. sessions ---------------------------------------------------------------------
read -r user pass totp < <(login_of director)
next_code
[[ $(sign_in "$s0" "$user" "$pass" "$code") == 200 ]] ||
  fail "cannot sign in on server 0: $(cat "$work/session.json")"
csrf=$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' "$work/session.json")
cookie="regie_session=$(awk '$6 == "regie_session" {print $7}' "$work/cookies")"
[[ $(status GET "$s1/api/v1/households") == 200 ]] || fail "server 1 does not know the session made on server 0"
mapfile -t households < <(grep -o '"id":"[^"]*"' "$work/body" | cut -d'"' -f4)
((${#households[@]} >= 2)) || fail "the director has fewer than two households"
h=${households[0]}
[[ $(status GET "$s0/api/v1/households/$h") == 200 ]] || fail "cannot read $h"
provider=$(grep -o '"provider":{"id":"[^"]*"' "$work/body" | head -1 | cut -d'"' -f6)

# --- 2. a change through one server, the next view from the other ---------------------
[[ $(status POST "$s0/api/v1/households/$h/provisions" \
  "{\"id\":\"$h-CLX\",\"domain\":\"wmo\",\"provider_id\":\"$provider\",\"start_date\":\"2019-01-01\",\"annual_cost_cents\":1000}") == 201 ]] ||
  fail "cannot add a provision: $(cat "$work/body")"
version=1
for round in 1 2 3 4 5 6; do
  if ((round % 2)); then writer=$s0 reader=$s1; else writer=$s1 reader=$s0; fi
  # Warm the reader's cache first: the view must not come from it unchanged.
  status GET "$reader/api/v1/households/$h" >/dev/null
  status GET "$reader/api/v1/households/$h" >/dev/null
  [[ $(status PUT "$writer/api/v1/households/$h/provisions/$h-CLX" \
    "{\"domain\":\"wmo\",\"provider_id\":\"$provider\",\"start_date\":\"2019-01-01\",\"annual_cost_cents\":1000,\"goal\":\"ronde $round\",\"version\":$version}") == 200 ]] ||
    fail "round $round: the update was refused: $(cat "$work/body")"
  version=$((version + 1))
  status GET "$reader/api/v1/households/$h" >/dev/null
  node -e '
    const v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const p = ((v.household || v).provisions || []).find((p) => p.id === process.argv[2]);
    if (!p || p.goal !== process.argv[3] || p.version !== Number(process.argv[4])) {
      console.error(`served ${p && p.goal} v${p && p.version}`); process.exit(1);
    }' "$work/body" "$h-CLX" "ronde $round" "$version" ||
    fail "round $round: $(head -c 300 "$work/body") ${reader} serves the view from before the change made through ${writer}"
done
echo "cluster: 1-2 sessions and views across servers: ok"

# --- 3. optimistic concurrency across servers ------------------------------------------
racers=()
for i in 0 1; do
  base=${cluster_urls[i]}
  curl -s -o "$work/race$i" -w '%{http_code}' -X PUT -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
    -H 'Content-Type: application/json' \
    -d "{\"domain\":\"wmo\",\"provider_id\":\"$provider\",\"start_date\":\"2019-01-01\",\"annual_cost_cents\":1000,\"goal\":\"race $i\",\"version\":$version}" \
    "$base/api/v1/households/$h/provisions/$h-CLX" >"$work/race$i.status" &
  racers+=($!)
done
wait "${racers[@]}"
codes=$(cat "$work/race0.status" "$work/race1.status" | fold -w3 | sort | tr '\n' ' ')
[[ $codes == "200 409 " ]] || fail "two updates of version $version through two servers answered $codes (want one 200, one 409)"
winner=$(grep -l '^200$' "$work"/race?.status | sed 's/.*race\(.\).status/\1/')
[[ $(q "SELECT goal || ' ' || version FROM provision WHERE id = '$h-CLX'") == "race $winner $((version + 1))" ]] ||
  fail "the stored provision is not the winner's update"
echo "cluster: 3 one of two updates of one version wins, across servers: ok"

# --- 4. sign-in throttling across servers, client address through the proxy ----------
read -r luser _ _ < <(login_of administrator)
[[ -n $luser ]] || fail "no administrator in the demo sign-ins"
for i in 1 2 3 4 5; do
  base=${cluster_urls[$((i % 2))]}
  got=$(sign_in "$base" "$luser" "wrong-$i" "" 203.0.113.7)
  [[ $got == 401 ]] || fail "wrong password $i: answered $got, not 401"
done
# The right password now fails on either server, through the proxy too.
read -r _ lpass _ < <(login_of administrator)
for base in "$s0" "$s1" "$proxy"; do
  got=$(curl -s -o "$work/body" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"username\":\"$luser\",\"password\":\"$lpass\",\"code\":\"000000\"}" "$base/api/v1/session")
  [[ $got == 429 ]] || fail "after five failures through two servers, $base answered $got, not 429 (locked)"
done
# The servers counted the failures against the address the proxy forwarded
# (locked now for every account), not against the proxy's own.
got=$(sign_in "$proxy" "$user" "$pass" "" 203.0.113.7)  # refused before the code is looked at
[[ $got == 429 ]] || fail "a sign-in from the locked client address through the proxy answered $got, not 429"
next_code
got=$(sign_in "$proxy" "$user" "$pass" "$code" 203.0.113.8)
[[ $got == 200 ]] || fail "a sign-in from another client address through the proxy answered $got: $(cat "$work/session.json")"
echo "cluster: 4 five failures through two servers lock the account on both: ok"

# --- 5. kills under load ----------------------------------------------------------------
specs=()
for i in 0 1 2 3 4 5; do
  hh=${households[$((i % ${#households[@]}))]}
  [[ $(status POST "$proxy/api/v1/households/$hh/provisions" \
    "{\"id\":\"$hh-CLW$i\",\"domain\":\"wmo\",\"provider_id\":\"$provider\",\"start_date\":\"2019-01-01\",\"annual_cost_cents\":1000}") == 201 ]] ||
    fail "cannot add the provision of worker $i: $(cat "$work/body")"
  specs+=("$hh/$hh-CLW$i")
done
audit_before=$(q "SELECT coalesce(max(id), 0) FROM audit_event")
node "$here/client.js" "$work/client.json" "$proxy" "$s0,$s1" "$cookie" "$csrf" "$provider" "$seconds" "${specs[@]}" &
client=$!
# Each server in turn: killed a quarter of the way, started again on its port.
restart() {  # index
  local port=${cluster_urls[$1]##*:}
  "$regie" --log-level warn serve --db "$db" --secret-key-file "$key" --host 127.0.0.1 --port "$port" \
    --web-root "$work/none" --trusted-proxy 127.0.0.1 "${limits[@]}" >>"$work/serve$1.out" 2>>"$work/serve$1.err" &
  cluster_pids[$1]=$!
}
quarter=$(awk -v s="$seconds" 'BEGIN { print s / 4 }')
kills=0
for i in 1 0; do
  sleep "$quarter"
  kill -9 "${cluster_pids[i]}"
  wait "${cluster_pids[i]}" 2>/dev/null || true
  kills=$((kills + 1))
  sleep "$quarter"
  restart "$i"
done
wait "$client" || fail "the client failed"
for i in 0 1; do kill -0 "${cluster_pids[i]}" 2>/dev/null || fail "server $i did not come back: $(tail -3 "$work/serve$i.err")"; done

node - "$work/client.json" >"$work/summary" <<'JS'
const r = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
console.log(`reads ${r.reads_ok} writes ${r.writes_ok} unknown ${r.unknown} checks ${r.direct_checks} ` +
            `stale ${r.stale.length} failures ${r.failures.length} statuses ${JSON.stringify(r.statuses)}`);
for (const s of r.stale.slice(0, 5)) console.log('STALE ' + JSON.stringify(s));
for (const f of r.failures.slice(0, 5)) console.log('FAILURE ' + JSON.stringify(f));
for (const id of r.posts) console.log('POST ' + id);
for (const [id, list] of Object.entries(r.puts))
  console.log(`PUT ${id} ${list.length} ${r.uncertain_puts[id] || 0} ${list[list.length - 1].version}`);
console.log('READS ' + r.reads_ok);
JS
echo "cluster: 5 under load, $kills kills: $(head -1 "$work/summary")"
grep -E '^(STALE|FAILURE)' "$work/summary" >&2 && fail "stale views or failed requests (above)"
reads=$(sed -n 's/^READS //p' "$work/summary")
writes=$(head -1 "$work/summary" | sed 's/.*writes \([0-9]*\).*/\1/')
((reads > 100 && writes > 20)) || fail "too little load to judge ($reads reads, $writes writes)"
# Every acknowledged new provision is stored.
posts=$(grep -c '^POST ' "$work/summary" || true)
if ((posts > 0)); then
  list=$(sed -n "s/^POST \(.*\)/'\1'/p" "$work/summary" | paste -sd,)
  stored=$(q "SELECT count(*) FROM provision WHERE id IN ($list)")
  ((stored == posts)) || fail "$((posts - stored)) of $posts acknowledged new provisions are missing"
fi
# Every acknowledged update is applied: a provision's version counts its
# updates, so it is at least 1 + the acknowledged ones (and at most that plus
# the ones whose answer was lost in a kill).
while read -r _ id acked uncertain last; do
  v=$(q "SELECT version FROM provision WHERE id = '$id'")
  ((v >= 1 + acked && v <= 1 + acked + uncertain && v >= last)) ||
    fail "$id: version $v in the database, $acked updates acknowledged (last v$last), $uncertain uncertain"
done < <(grep '^PUT ' "$work/summary")
# Every read that got its view has its audit row (reads cut off by a kill may have one too).
audited=$(q "SELECT count(*) FROM audit_event WHERE id > $audit_before AND action = 'household.read' AND outcome = 'allowed'")
((audited >= reads)) || fail "$reads views were served but only $audited reads are in the audit trail"
# Signing out on one server ends the session on the other.
[[ $(status DELETE "$s1/api/v1/session") == 204 ]] || fail "signing out on server 1 answered $(cat "$work/body")"
[[ $(status GET "$s0/api/v1/households") == 401 ]] || fail "server 0 still takes the session signed out on server 1"
"$regie" db check --db "$db" >/dev/null 2>"$work/check.err" || fail "db check after the kills: $(cat "$work/check.err")"
echo "cluster: $posts new provisions and every acknowledged update stored, $audited audit rows for $reads views, db check ok"
echo "cluster: all checks passed in $((SECONDS - started)) s"

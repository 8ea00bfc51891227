#!/usr/bin/env bash
# Crash safety of the SQLite store, with the real `regie` binary:
#  1. imports killed with SIGKILL at random moments (before and while the
#     transaction is written) leave a database that passes `regie db check`
#     and holds all or none of the import;
#  2. `regie serve` killed with SIGKILL while clients add and edit provisions
#     keeps every acknowledged request, and every request whole or not at all
#     (a provision always with its care-map history row; a version always
#     matching its history), and starts again on the same file;
#  3. a full disk (a tiny tmpfs) gives a clear error, stores nothing half,
#     and the server recovers once there is space again.
# Usage: crash.sh <path to regie>. CRASH_SEED=<n> repeats a run's random moments.
set -euo pipefail
regie=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
demo_data=$(realpath "$here/../../data/demo/households.json")
work=$(mktemp -d /tmp/regie-crash.XXXXXX)
pids=()
mounted=""
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ -n $mounted ]] && umount "$mounted" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
seed=${CRASH_SEED:-$$}
RANDOM=$seed
echo "crash: seed $seed (CRASH_SEED=$seed repeats this run)"
for tool in sqlite3 curl node; do
  command -v $tool >/dev/null || { echo "crash: $tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }
done

fail() { echo "crash: FAIL: $*" >&2; exit 1; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
check_db() {  # db, when
  "$regie" db check --db "$1" >/dev/null 2>"$work/check.err" || fail "$2: db check failed: $(cat "$work/check.err")"
}
q() { sqlite3 -batch "$1" "$2"; }

# --- 1. imports ---------------------------------------------------------------
# The demo data scaled up (each household copied with new ids), so that the
# single transaction that writes it takes long enough to be hit.
copies=${CRASH_COPIES:-30}
scale_demo() {  # copies -> the demo data with every household copied that often
  node -e '
    const d = require(process.argv[1]); const out = { ...d, households: [] };
    for (let k = 0; k < +process.argv[2]; k++)
      for (const h of d.households) out.households.push(JSON.parse(JSON.stringify(h).split(h.id).join(h.id + "x" + k)));
    process.stdout.write(JSON.stringify(out));' "$demo_data" "$1"
}
scale_demo "$copies" >"$work/big.json"
want_households=$(node -e 'console.log(require(process.argv[1]).households.length)' "$work/big.json")

# crash_import <label> <households when complete> <command with @DB@ for the database>...
# Runs the import once to completion (and times it), then kills it repeatedly:
# half of the runs at a random moment of the whole run, half at a random
# moment after its transaction started writing (the WAL file grows).
# A new import path (the XML importer, `regie import ijw @DB@ file.xml`) is
# one more call of this function with its own count query.
crash_import() {
  local label=$1 want=$2
  shift 2
  local db="$work/import-$label.db" runs=${CRASH_RUNS:-10}
  local cmd=("${@//@DB@/$db}")
  rm -f "$db"*
  "$regie" db migrate --db "$db" >/dev/null
  # The timing run: the whole import, and the part after its transaction began writing.
  local t0 t_write t1
  t0=$(now_ms)
  "${cmd[@]}" >/dev/null 2>"$work/import.err" &
  local pid=$!
  pids+=("$pid")
  while kill -0 "$pid" 2>/dev/null && [[ ! -s $db-wal ]]; do sleep 0.002; done
  t_write=$(now_ms)
  wait "$pid" || fail "$label: the import does not complete: $(cat "$work/import.err")"
  t1=$(now_ms)
  local full=$((t1 - t0)) writing_ms=$((t1 - t_write))
  [[ $(q "$db" "SELECT COUNT(*) FROM household") == "$want" ]] || fail "$label: a complete import holds the wrong count"
  local none=0 all=0 mid=0
  for ((run = 1; run <= runs; run++)); do
    rm -f "$db"*
    "$regie" db migrate --db "$db" >/dev/null
    "${cmd[@]}" >/dev/null 2>&1 &
    local pid=$!
    pids+=("$pid")
    local writing=0
    if ((run % 2)); then
      sleep "$(awk -v ms=$((RANDOM % (full + 1))) 'BEGIN { print ms / 1000 }')"
    else
      # Wait for the write to begin, then kill somewhere inside it.
      while kill -0 "$pid" 2>/dev/null && [[ ! -s $db-wal ]]; do sleep 0.002; done
      sleep "$(awk -v ms=$((RANDOM % (writing_ms / 2 + 1))) 'BEGIN { print ms / 1000 }')"
    fi
    [[ -s $db-wal ]] && writing=1
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    check_db "$db" "$label run $run"
    local n; n=$(q "$db" "SELECT COUNT(*) FROM household")
    if [[ $n == 0 ]]; then
      none=$((none + 1))
      ((writing)) && mid=$((mid + 1))
    elif [[ $n == "$want" ]]; then
      all=$((all + 1))
    else
      fail "$label run $run: $n of $want households after the kill: a partial import"
    fi
  done
  ((mid > 0)) || echo "crash: WARNING: $label: no kill landed inside the transaction this time (CRASH_RUNS=20 for more tries)"
  echo "crash: $label: $runs kills ($full ms per import, $writing_ms ms of it writing): $none left nothing ($mid of them during the write), $all left all; db check ok every time"
}

crash_import demo "$want_households" "$regie" --log-level error demo --no-serve --db @DB@ --data "$work/big.json"

# --- 2. the server ------------------------------------------------------------
db="$work/serve.db"
"$regie" --log-level error demo --no-serve --db "$db" >"$work/logins"
read -r user pass totp < <(sed -n 's/.*director.*user "\([^"]*\)" password "\([^"]*\)" totp "\([^"]*\)".*/\1 \2 \3/p' "$work/logins" | head -1)

start_server() {  # db, out -> sets url and server
  "$regie" --log-level error serve --db "$1" --secret-key-file "$1.key" --port 0 --web-root "$work/none" --rate-limit 0 >"$2" 2>&1 &
  server=$!
  pids+=("$server")
  url=""
  for _ in $(seq 200); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$2" | head -1 || true)
    [[ -n $url ]] && break
    sleep 0.05
  done
  [[ -n $url ]] || fail "the server does not start: $(cat "$2")"
}
source "$here/../../scripts/lib/totp.sh"
sign_in() {
  next_code
  curl -s -c "$work/cookies" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"$pass\",\"code\":\"$code\"}" "$url/api/v1/session" >"$work/session.json"
  csrf=$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' "$work/session.json")
  cookie="regie_session=$(awk '$6 == "regie_session" {print $7}' "$work/cookies")"
  [[ -n $csrf ]] || fail "cannot sign in: $(cat "$work/session.json")"
}

start_server "$db" "$work/serve.out"
sign_in
household=$(curl -s -H "Cookie: $cookie" "$url/api/v1/households" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
provider=$(q "$db" "SELECT provider_id FROM provision WHERE household_id = '$household' LIMIT 1")
edited=$(q "$db" "SELECT id FROM provision WHERE household_id = '$household' ORDER BY id LIMIT 1")
kill -TERM "$server"; wait "$server" 2>/dev/null || true

# Adds provisions K<round>-<n> and edits one provision, logging each acknowledged request.
client() {  # round
  local n=0 version
  version=$(q "$db" "SELECT version FROM provision WHERE id = '$edited'")
  while :; do
    n=$((n + 1))
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
      -H 'Content-Type: application/json' \
      -d "{\"id\":\"K$1-$n\",\"domain\":\"wmo\",\"provider_id\":\"$provider\",\"start_date\":\"2019-01-01\",\"annual_cost_cents\":$n}" \
      "$url/api/v1/households/$household/provisions" || true)
    [[ $code == 201 ]] && echo "added K$1-$n" >>"$work/acks"
    local body
    body=$(curl -s -X PUT -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
      -d "{\"domain\":\"wmo\",\"provider_id\":\"$provider\",\"start_date\":\"2019-01-01\",\"annual_cost_cents\":$n,\"goal\":\"round $1 edit $n\",\"version\":$version}" \
      "$url/api/v1/households/$household/provisions/$edited" || true)
    local v
    v=$(sed -n 's/.*"version":\([0-9]*\).*/\1/p' <<<"$body")
    if [[ -n $v ]]; then
      version=$v
      echo "edited $v" >>"$work/acks"
    fi
  done
}

: >"$work/acks"
rounds=${CRASH_ROUNDS:-4}
for ((round = 1; round <= rounds; round++)); do
  start_server "$db" "$work/serve.out"
  client "$round" &
  writer=$!
  pids+=("$writer")
  sleep "$(awk -v ms=$((300 + RANDOM % 1200)) 'BEGIN { print ms / 1000 }')"
  kill -9 "$server"
  wait "$server" 2>/dev/null || true
  kill "$writer" 2>/dev/null || true
  wait "$writer" 2>/dev/null || true
  check_db "$db" "serve round $round"
  # Every acknowledged provision is there, with its history row.
  while read -r what id; do
    [[ $what == added ]] || continue
    [[ $(q "$db" "SELECT COUNT(*) FROM provision WHERE id = '$id'") == 1 ]] || fail "round $round: acknowledged $id is lost"
  done <"$work/acks"
  missing=$(q "$db" "SELECT COUNT(*) FROM provision p WHERE p.id LIKE 'K%' AND NOT EXISTS
    (SELECT 1 FROM care_map_change c WHERE c.provision_id = p.id AND c.change = 'added')")
  [[ $missing == 0 ]] || fail "round $round: $missing provisions without their history row (half a request)"
  # The edited provision: at least the last acknowledged version, and one
  # 'edited' history row per version step (update and history in one transaction).
  stored=$(q "$db" "SELECT version FROM provision WHERE id = '$edited'")
  acked=$(awk '$1 == "edited" {v = $2} END {print v + 0}' "$work/acks")
  ((stored >= acked)) || fail "round $round: version $acked was acknowledged but the store has $stored"
  edits=$(q "$db" "SELECT COUNT(*) FROM care_map_change WHERE provision_id = '$edited' AND change = 'edited'")
  ((edits == stored - 1)) || fail "round $round: version $stored but $edits edit rows"
  echo "crash: serve round $round: killed after $(grep -c added "$work/acks") acknowledged additions and version $stored of the edited provision; nothing lost or half"
done
start_server "$db" "$work/serve.out"
[[ $(curl -s -o /dev/null -w '%{http_code}' "$url/healthz") == 200 ]] || fail "the server does not serve after the crashes"
# `regie backup` while the client writes, then `regie restore` into a new file.
client 9 &
writer=$!
pids+=("$writer")
sleep 0.5
"$regie" backup --db "$db" --output "$work/online.backup" >/dev/null || fail "regie backup failed while the server wrote"
sleep 0.3
kill "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true
kill -TERM "$server"; wait "$server" 2>/dev/null || true
"$regie" restore --db "$work/restored.db" --input "$work/online.backup" >/dev/null || fail "regie restore failed"
check_db "$work/restored.db" "restore"
in_backup=$(q "$work/restored.db" "SELECT COUNT(*) FROM provision WHERE id LIKE 'K9-%'")
in_live=$(q "$db" "SELECT COUNT(*) FROM provision WHERE id LIKE 'K9-%'")
missing=$(q "$work/restored.db" "SELECT COUNT(*) FROM provision p WHERE p.id LIKE 'K%' AND NOT EXISTS
  (SELECT 1 FROM care_map_change c WHERE c.provision_id = p.id AND c.change = 'added')")
[[ $missing == 0 ]] || fail "the online backup holds $missing provisions without their history row"
((in_backup <= in_live)) || fail "the backup holds more than the live database"
echo "crash: online backup while writing: $in_backup of the $in_live additions of that round, consistent; restored and checked"

# --- 3. a full disk -------------------------------------------------------------
full="$work/full"
mkdir -p "$full"
# Room for the empty schema (migrations 0001-0014 with their write-ahead log
# take about 1 MiB), not for the import.
if ! mount -t tmpfs -o size=3m tmpfs "$full" 2>"$work/mount.err"; then
  echo "crash: SKIP full disk: cannot mount a tmpfs here ($(cat "$work/mount.err")); run as root to include it"
  echo "crash: ok"
  exit 0
fi
mounted=$full
# An import that does not fit: a clear error, exit 4, nothing stored.
"$regie" db migrate --db "$full/import.db" >/dev/null || fail "the empty schema does not fit on the small disk"
set +e
scale_demo 200 >"$work/bigger.json"  # far more than the small disk holds
"$regie" --log-level error demo --no-serve --db "$full/import.db" --data "$work/bigger.json" >/dev/null 2>"$work/full.err"
code=$?
set -e
((code != 0)) || fail "an import larger than the disk succeeded"
grep -qi "disk is full" "$work/full.err" || fail "the full-disk error does not say so: $(cat "$work/full.err")"
check_db "$full/import.db" "full-disk import"
[[ $(q "$full/import.db" "SELECT COUNT(*) FROM household") == 0 ]] || fail "a failed import left households behind"
echo "crash: full disk, import: exit $code, \"$(head -c 160 "$work/full.err")\"; nothing stored, db check ok"
rm -f "$full/import.db"*

# The server on a disk that fills up: 503 with a message, then recovery. The
# demo database with its measurements needs more room than the import test left.
umount "$full" && mount -t tmpfs -o size=4m tmpfs "$full" || fail "cannot remount the tmpfs with 4 MiB"
"$regie" --log-level error demo --no-serve --db "$full/serve.db" >"$work/logins"
read -r user pass totp < <(sed -n 's/.*director.*user "\([^"]*\)" password "\([^"]*\)" totp "\([^"]*\)".*/\1 \2 \3/p' "$work/logins" | head -1)
start_server "$full/serve.db" "$work/full-serve.out"
sign_in
household=$(curl -s -H "Cookie: $cookie" "$url/api/v1/households" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
provider=$(q "$full/serve.db" "SELECT provider_id FROM provision WHERE household_id = '$household' LIMIT 1")
add() {  # id -> status; body in $work/add.json
  curl -s -o "$work/add.json" -w '%{http_code}' -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
    -H 'Content-Type: application/json' \
    -d "{\"id\":\"$1\",\"domain\":\"wmo\",\"provider_id\":\"$provider\",\"start_date\":\"2019-01-01\",\"annual_cost_cents\":100,\"goal\":\"$(head -c 3000 /dev/zero | tr '\0' g)\"}" \
    "$url/api/v1/households/$household/provisions"
}
dd if=/dev/zero of="$full/filler" bs=4k 2>/dev/null || true  # until the disk is full
refused=""
for i in $(seq 50); do
  status=$(add "FULL$i")
  if [[ $status != 201 ]]; then refused=FULL$i; break; fi
done
[[ -n $refused ]] || fail "the server kept storing on a full disk"
[[ $status == 503 ]] || fail "a full disk answered $status: $(cat "$work/add.json")"
grep -q "disk full" "$work/add.json" || fail "the 503 does not say why: $(cat "$work/add.json")"
echo "crash: full disk, server: $status $(cat "$work/add.json")"
rm -f "$full/filler"
status=$(add "AFTER")
[[ $status == 201 ]] || fail "the server does not recover once there is space: $status $(cat "$work/add.json")"
kill -TERM "$server"; wait "$server" 2>/dev/null || true
check_db "$full/serve.db" "full-disk server"
[[ $(q "$full/serve.db" "SELECT COUNT(*) FROM provision WHERE id = '$refused'") == 0 ]] || fail "the refused request was stored"
echo "crash: full disk, server: refused with 503, recovered after space was freed, db check ok"
echo "crash: ok"

#!/usr/bin/env bash
# Crash safety of the store, with the real `regie` binary, on SQLite and (with
# REGIE_TEST_PG) on PostgreSQL:
#  1. SIGKILL of `regie import csv`, `regie import ijw`, `regie demo --no-serve`
#     and `regie serve` (with a client writing): after each kill `regie db check`
#     passes, an import is there whole or not at all, and every write that was
#     acknowledged before the kill is there. A round counts only when something
#     was acknowledged in it before the kill and the kill hit a running process;
#     otherwise it is repeated.
#  2. `regie backup` while a client writes, restored into a new database.
#  3. a full disk (a tiny tmpfs; SQLite) gives a clear error, stores nothing
#     half, and the server recovers once there is space again.
# A part that cannot run here (no REGIE_TEST_PG, no right to mount) is named at
# the end and the script exits with 77, which CTest reports as skipped.
# Usage: crash.sh <path to regie>. CRASH_SEED=<n> repeats a run's random moments.
# Kills per backend: CRASH_KILLS_CSV, _IJW, _SERVE (16 each) and _DEMO (5: every
# demo run first hashes a dozen passwords, seconds of work before it writes):
# 106 per run with both backends.
set -euo pipefail
regie=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
demo_data=$(realpath "$here/../../data/demo/households.json")
gen="$here/crash_data.js"
work=$(mktemp -d /tmp/regie-crash.XXXXXX)
kills_csv=${CRASH_KILLS_CSV:-16}
kills_ijw=${CRASH_KILLS_IJW:-16}
kills_demo=${CRASH_KILLS_DEMO:-5}
kills_serve=${CRASH_KILLS_SERVE:-16}
pids=()
mounted=""
pg_dbs=()
pg_admin=${REGIE_TEST_PG:-}
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ -n $mounted ]]; then umount "$mounted" 2>/dev/null || true; fi
  for d in "${pg_dbs[@]}"; do psql -X -q -d "$pg_admin" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
seed=${CRASH_SEED:-$$}
RANDOM=$seed
started=$(date +%s)
echo "crash: seed $seed (CRASH_SEED=$seed repeats this run)"
for tool in sqlite3 curl node stdbuf; do
  command -v $tool >/dev/null || { echo "crash: $tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }
done

skipped=()
skip() { skipped+=("$1"); echo "crash: SKIP $1"; }
fail() { echo "crash: FAIL: $*" >&2; exit 1; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
sleep_ms() { local t; printf -v t '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); sleep "$t"; }
since() { echo "$((SECONDS - $1)) s"; }
pg() { [[ $1 == postgres* ]]; }
q() {  # db, sql -> rows, fields separated by |
  if pg "$1"; then psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; else sqlite3 -batch "$1" "$2"; fi
}
check_db() {  # db, when
  "$regie" db check --db "$1" >/dev/null 2>"$work/check.err" || fail "$2: db check failed: $(cat "$work/check.err")"
}
# Whether a transaction of another process has begun writing: SQLite's
# write-ahead log has grown, or a PostgreSQL backend on that database holds a
# transaction id (given at its first write).
writing() {  # db
  if pg "$1"; then
    [[ $(psql -X -q -At -d "$pg_admin" -c "SELECT count(*) FROM pg_stat_activity
          WHERE datname = '${1##*/}' AND backend_xid IS NOT NULL") != 0 ]]
  else
    [[ -s $1-wal ]]
  fi
}

# --- databases ------------------------------------------------------------------
# A fresh database is a copy of one migrated once (a PostgreSQL template), so a
# round does not pay for fourteen migrations.
template=""
new_db() {  # backend, name -> sets db
  if [[ $1 == pg ]]; then
    local name="regie_crash_$$_$2"
    # FORCE: the server process of a client killed a moment ago may still be attached.
    psql -X -q -v ON_ERROR_STOP=1 -d "$pg_admin" -c "SET client_min_messages = warning" \
      -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name TEMPLATE $template" >/dev/null
    pg_dbs+=("$name")
    db="${pg_admin%/*}/$name"
  else
    db="$work/sqlite/$2.db"
    rm -f "$db" "$db-wal" "$db-shm"
    cp "$work/sqlite/template.db" "$db"
  fi
}
make_template() {  # backend
  mkdir -p "$work/$1"
  if [[ $1 == pg ]]; then
    template="regie_crash_$$_template"
    psql -X -q -d "$pg_admin" -c "CREATE DATABASE $template" >/dev/null
    pg_dbs+=("$template")
    "$regie" db migrate --db "${pg_admin%/*}/$template" >/dev/null 2>>"$work/$1/stderr"
  else
    "$regie" db migrate --db "$work/sqlite/template.db" >/dev/null
  fi
}
# The key that opens the BSNs: beside a SQLite file; for PostgreSQL `regie demo`
# writes regie-demo.key into the folder it runs in (each backend has its own).
key_of() { if pg "$1"; then echo "$work/pg/regie-demo.key"; else echo "$1.key"; fi; }

# Kills and acknowledged writes per kind.backend, for the summary.
declare -A kills acked

# Starts a command in the background and returns its pid in $pid.
launch() { "$@" & pid=$!; pids+=("$pid"); }
# Kills $pid with SIGKILL and says whether it was still running (exit 137).
kill_hit() {
  kill -9 "$pid" 2>/dev/null || true
  local status=0
  wait "$pid" 2>/dev/null || status=$?
  ((status == 137))
}

# --- 1a. import csv -----------------------------------------------------------------
# A round: one import of 5 households completes (acknowledged: exit 0), then a
# larger one is killed: in odd rounds at a random moment of its whole run, in
# even rounds at a random moment after its transaction began writing (most of
# an import is reading and checking the files; the write is the short end).
# Every acknowledged import must be whole, the killed one whole or absent.
csv_size=${CRASH_CSV_HOUSEHOLDS:-120}
crash_csv() {  # backend
  local be=$1 k=csv.$1 began=$SECONDS
  new_db "$be" csv
  local base=$db
  csv_import() {  # prefix
    "$regie" --log-level error import csv --db "$base" --households "$work/$be/$1/households.csv" \
      --allocations "$work/$be/$1/allocations.csv" 2>>"$work/$be/stderr"
  }
  count() { q "$base" "SELECT COUNT(*) FROM household WHERE id LIKE '$1%'"; }
  # The timing run: how long the import writes, to aim the kills inside it.
  node "$gen" csv "$work/$be/T0" T0 "$csv_size"
  local t0 t1 t2
  t0=$(now_ms)
  launch "$regie" --log-level error import csv --db "$base" --households "$work/$be/T0/households.csv" \
    --allocations "$work/$be/T0/allocations.csv" >/dev/null 2>>"$work/$be/stderr"
  while kill -0 "$pid" 2>/dev/null && ! writing "$base"; do sleep 0.002; done
  t1=$(now_ms)
  wait "$pid" || fail "$k: the import does not complete: $(tail -3 "$work/$be/stderr")"
  t2=$(now_ms)
  local full_ms=$((t2 - t0)) writing_ms=$((t2 - t1)) acks=0 round=0 n
  [[ $(count T0H) == "$csv_size" ]] || fail "$k: a complete import holds the wrong count"
  local nk=0 nr=0 nm=0
  while ((nk < kills_csv)); do
    round=$((round + 1))
    ((round <= 4 * kills_csv)) || fail "$k: too many rounds without a kill that counts"
    node "$gen" csv "$work/$be/A$round" "A$round" 5 "$work/$be/B$round" "B$round" "$csv_size"
    csv_import "A$round" >/dev/null || fail "$k round $round: the acknowledged import failed"
    acks=$((acks + 1))
    launch "$regie" --log-level error import csv --db "$base" --households "$work/$be/B$round/households.csv" \
      --allocations "$work/$be/B$round/allocations.csv" >/dev/null 2>>"$work/$be/stderr"
    if ((round % 2)); then
      sleep_ms $((RANDOM % (full_ms * 8 / 10 + 1)))
    else
      while kill -0 "$pid" 2>/dev/null && ! writing "$base"; do sleep 0.002; done
      # SQLite's log grows only at the commit, which is short: stay close to it.
      sleep_ms $((RANDOM % (writing_ms / 4 + 1)))
    fi
    local w=0
    writing "$base" && w=1
    if ! kill_hit; then
      nr=$((nr + 1))
    else
      nk=$((nk + 1))
      nm=$((nm + w))
    fi
    check_db "$base" "$k round $round"
    n=$(count "B${round}H")
    [[ $n == 0 || $n == "$csv_size" ]] || fail "$k round $round: $n of $csv_size households after the kill: a partial import"
    n=$(q "$base" "SELECT COUNT(*) FROM provision WHERE household_id LIKE 'B${round}H%'")
    [[ $n == 0 || $n == $((csv_size * 4)) ]] || fail "$k round $round: $n provisions of the killed import: a partial import"
    [[ $(q "$base" "SELECT COUNT(*) FROM household WHERE id LIKE 'A%'") == $((round * 5)) ]] ||
      fail "$k round $round: an acknowledged import is missing households"
    [[ $(q "$base" "SELECT COUNT(*) FROM provision WHERE household_id LIKE 'A%'") == $((round * 20)) ]] ||
      fail "$k round $round: an acknowledged import is missing provisions"
    rm -rf "$work/$be/A$round" "$work/$be/B$round"
  done
  acked[$k]=$acks kills[$k]=$nk
  echo "crash: $k: $nk kills ($full_ms ms per import of $csv_size households, the last $writing_ms ms writing; $nm kills after the transaction began writing), $nr repeated (the import had finished), $acks acknowledged imports all whole; db check ok every time; $(since "$began")"
}

# --- 1b. import ijw -----------------------------------------------------------------
# A round: one `regie import ijw` of 30 allocation messages (each its own
# transaction; a line on standard output acknowledges it), killed once a
# random number of them (1 to 22) was acknowledged: counting lines rather than
# milliseconds keeps the kill inside the run however busy the machine is, and
# the time the poll takes puts it at a random point of a later message. Every
# acknowledged message must be there, and every message with both its
# allocations or none.
ijw_messages=${CRASH_IJW_MESSAGES:-30}
ijw_number=100000
crash_ijw() {  # backend, db (holds members with the BSNs in $bsns)
  local be=$1 base=$2 k=ijw.$1 began=$SECONDS
  local key; key=$(key_of "$base")
  ijw_round() {  # name -> starts the import, standard output in $work/$be/$1.out
    rm -rf "$work/$be/$1"
    # Message ids stay within the 12 characters the standard allows: s/p, round, number.
    node "$gen" ijw "$work/$be/$1" "${be:0:1}$1" "$ijw_messages" "$ijw_number" $bsns
    ijw_number=$((ijw_number + 2 * ijw_messages))
    : >"$work/$be/$1.out"
    launch stdbuf -oL "$regie" --log-level error import ijw --db "$base" --secret-key-file "$key" \
      "$work/$be/$1"/*.xml >"$work/$be/$1.out" 2>"$work/$be/$1.err"
  }
  local t0 acks=0 round=0 n target
  t0=$(now_ms)
  ijw_round T
  wait "$pid" || fail "$k: the import does not complete: $(cat "$work/$be/T.err")"
  local full=$(($(now_ms) - t0))
  [[ $(grep -c ': imported ' "$work/$be/T.out") == "$ijw_messages" ]] || fail "$k: not every message was imported"
  local nk=0 nr=0
  while ((nk < kills_ijw)); do
    round=$((round + 1))
    ((round <= 4 * kills_ijw)) || fail "$k: too many rounds without a kill that counts"
    ijw_round "R$round"
    target=$((1 + RANDOM % (ijw_messages * 3 / 4)))
    while kill -0 "$pid" 2>/dev/null && (($(grep -c ': imported ' "$work/$be/R$round.out") < target)); do
      sleep 0.001
    done
    if kill_hit; then nk=$((nk + 1)); else nr=$((nr + 1)); fi
    check_db "$base" "$k round $round"
    local refs
    refs=$(sed -n 's/.* \([^ ]*\) (provisions.*/\1/p' "$work/$be/R$round.out")
    n=$(wc -w <<<"$refs")
    ((n > 0)) || fail "$k round $round: no acknowledged message (expected at least one before the kill)"
    acks=$((acks + n))
    local list; list=$(printf "'%s'," $refs)
    [[ $(q "$base" "SELECT COUNT(*) FROM interop_message WHERE message_ref IN (${list%,})") == "$n" ]] ||
      fail "$k round $round: of $n acknowledged messages, some are lost"
    # Every message of the round whole or absent: two allocations, each with its provision.
    n=$(q "$base" "SELECT COUNT(*) FROM interop_message m WHERE m.message_ref LIKE '${be:0:1}R$round-%' AND
         (SELECT COUNT(*) FROM interop_allocation a JOIN provision p ON p.id = a.provision_id
          WHERE a.last_message_ref = m.message_ref) <> 2")
    [[ $n == 0 ]] || fail "$k round $round: $n messages stored without both their allocations"
    n=$(q "$base" "SELECT COUNT(*) FROM interop_allocation a WHERE a.last_message_ref LIKE '${be:0:1}R$round-%' AND
         NOT EXISTS (SELECT 1 FROM interop_message m WHERE m.message_ref = a.last_message_ref)")
    [[ $n == 0 ]] || fail "$k round $round: $n allocations without their message"
    rm -rf "$work/$be/R$round"
  done
  acked[$k]=$acks kills[$k]=$nk
  echo "crash: $k: $nk kills ($full ms per import of $ijw_messages messages), $nr repeated (the import had finished), $acks acknowledged messages all there, no message half; db check ok every time; $(since "$began")"
}

# --- 1c. demo --no-serve ------------------------------------------------------------------
# A round: a fresh database, one acknowledged write that `regie demo` leaves
# alone (it loads only into a database without households): an account made
# with `regie account create`. Then `regie demo --no-serve` with the demo data
# scaled up, killed at a random moment after its first transaction began
# writing. The demo writes the households in one transaction and their
# measurements in a second one.
demo_copies=${CRASH_DEMO_COPIES:-2}
crash_demo() {  # backend
  local be=$1 k=demo.$1 began=$SECONDS
  node "$gen" demo "$demo_data" "$demo_copies" >"$work/$be/big.json"
  local want; want=$(node -e 'console.log(require(process.argv[1]).households.length)' "$work/$be/big.json")
  printf 'a-long-enough-password-1\n' >"$work/$be/password"
  demo_round() {  # -> a fresh database $db with an acknowledged account; the demo started on it
    new_db "$be" demo
    # The account's second-factor secret is sealed with the key the demo will use.
    pg "$db" || cp "$main.key" "$db.key"
    "$regie" --log-level error account create --db "$db" --username early.analyst --display-name "Early" \
      --role analyst --secret-key-file "$(key_of "$db")" --password-file "$work/$be/password" \
      >/dev/null 2>"$work/$be/account.err" ||
      fail "$k: the acknowledged write (account create) failed: $(cat "$work/$be/account.err")"
    # In the backend's folder: on PostgreSQL the demo keeps its key in the working directory.
    pushd "$work/$be" >/dev/null
    launch "$regie" --log-level error demo --no-serve --db "$db" --data "$work/$be/big.json" >/dev/null 2>>"$work/$be/stderr"
    popd >/dev/null
    while kill -0 "$pid" 2>/dev/null && ! writing "$db"; do sleep 0.002; done
  }
  local t0 round=0 n m nk=0 nr=0 nm=0
  demo_round
  t0=$(now_ms)
  wait "$pid" || fail "$k: the demo does not complete: $(tail -3 "$work/$be/stderr")"
  local writing_ms=$(($(now_ms) - t0))
  while ((nk < kills_demo)); do
    round=$((round + 1))
    ((round <= 4 * kills_demo)) || fail "$k: too many rounds without a kill that counts"
    demo_round
    sleep_ms $((RANDOM % (writing_ms / 2 + 1)))
    local w=0
    writing "$db" && w=1
    if kill_hit; then
      nk=$((nk + 1))
      nm=$((nm + w))
    else
      nr=$((nr + 1))
      # The demo finished before the kill: the first run, which set the
      # window, was slower than this one (a loaded machine). Narrow it.
      writing_ms=$((writing_ms * 2 / 3 + 1))
    fi
    check_db "$db" "$k round $round"
    [[ $(q "$db" "SELECT COUNT(*) FROM account WHERE username = 'early.analyst'") == 1 ]] ||
      fail "$k round $round: the acknowledged account is lost"
    n=$(q "$db" "SELECT COUNT(*) FROM household")
    [[ $n == 0 || $n == "$want" ]] || fail "$k round $round: $n of $want households after the kill: a partial import"
    m=$(q "$db" "SELECT COUNT(*) FROM measurement")
    [[ $m == 0 || $n == "$want" ]] || fail "$k round $round: measurements without their households"
  done
  acked[$k]=$round kills[$k]=$nk
  echo "crash: $k: $nk kills ($writing_ms ms of writing per demo of $want households; $nm kills after its first transaction began writing), $nr repeated (the demo had finished), an acknowledged account before each, all kept; db check ok every time; $(since "$began")"
}

# --- 1d. serve, and 2. the online backup ---------------------------------------------------
source "$here/../../scripts/lib/totp.sh"
start_server() {  # db, out -> sets url and server
  launch "$regie" --log-level error serve --db "$1" --secret-key-file "$(key_of "$1")" --port 0 --web-root "$work/none" \
    --rate-limit 0 >"$2" 2>&1
  server=$pid
  url=""
  for _ in $(seq 400); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$2" | head -1 || true)
    [[ -n $url ]] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.025
  done
  [[ -n $url ]] || fail "the server does not start: $(cat "$2")"
}
stop_server() { kill -TERM "$server"; wait "$server" 2>/dev/null || true; }
sign_in() {
  next_code
  curl -s -c "$work/cookies" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"$pass\",\"code\":\"$code\"}" "$url/api/v1/session" >"$work/session.json"
  csrf=$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' "$work/session.json")
  cookie="regie_session=$(awk '$6 == "regie_session" {print $7}' "$work/cookies")"
  [[ -n $csrf ]] || fail "cannot sign in: $(cat "$work/session.json")"
}
api() {  # method, path, [body] -> status; answer in $work/answer.json
  curl -s -o "$work/answer.json" -w '%{http_code}' -X "$1" -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
    -H 'Content-Type: application/json' ${3:+-d "$3"} "$url$2" || true
}

# The main database of a backend: the demo data, a director signed in, and
# members of the director's households with BSNs (for the ijw rounds).
setup_main() {  # backend -> sets main, user, pass, totp, cookie, csrf, household, provider, edited, bsns
  local be=$1
  new_db "$be" main
  main=$db
  (cd "$work/$be" && "$regie" --log-level error demo --no-serve --db "$main") >"$work/$be/logins" 2>>"$work/$be/stderr"
  read -r user pass totp < <(sed -n 's/.*director.*user "\([^"]*\)" password "\([^"]*\)" totp "\([^"]*\)".*/\1 \2 \3/p' "$work/$be/logins" | head -1) ||
    fail "$be: the demo printed no director login: $(cat "$work/$be/logins")"
  start_server "$main" "$work/$be/serve.out"
  last_step=-1  # a new account: its codes have not been used
  sign_in
  curl -s -H "Cookie: $cookie" "$url/api/v1/households" >"$work/households.json"
  household=$(grep -o '"id":"[^"]*"' "$work/households.json" | head -1 | cut -d'"' -f4)
  provider=$(q "$main" "SELECT provider_id FROM provision WHERE household_id = '$household' LIMIT 1")
  edited=$(q "$main" "SELECT id FROM provision WHERE household_id = '$household' ORDER BY id LIMIT 1")
  local members; members=$(q "$main" "SELECT household_id || ' ' || id FROM member WHERE household_id = '$household' ORDER BY id LIMIT 4")
  bsns=$(node "$gen" bsns "$(wc -l <<<"$members")")
  local i=0 b
  set -- $bsns
  while read -r h m; do
    i=$((i + 1))
    b=${!i}
    [[ $(api PUT "/api/v1/households/$h/members/$m/bsn" "{\"bsn\":\"$b\"}") == 204 ]] ||
      fail "cannot record a BSN: $(cat "$work/answer.json")"
  done <<<"$members"
  stop_server
}

# Adds provisions <household>-K<round>-<n> (a client-chosen id starts with its
# household's) and edits one provision, logging each acknowledged request.
client() {  # db, acks file, round
  local n=0 version code body v
  version=$(q "$1" "SELECT version FROM provision WHERE id = '$edited'")
  while :; do
    n=$((n + 1))
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
      -H 'Content-Type: application/json' \
      -d "{\"id\":\"$household-K$3-$n\",\"domain\":\"wmo\",\"provider_id\":\"$provider\",\"start_date\":\"2019-01-01\",\"annual_cost_cents\":$n}" \
      "$url/api/v1/households/$household/provisions" || true)
    [[ $code == 201 ]] && echo "added $household-K$3-$n" >>"$2"
    body=$(curl -s -X PUT -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
      -d "{\"domain\":\"wmo\",\"provider_id\":\"$provider\",\"start_date\":\"2019-01-01\",\"annual_cost_cents\":$n,\"goal\":\"round $3 edit $n\",\"version\":$version}" \
      "$url/api/v1/households/$household/provisions/$edited" || true)
    v=$(sed -n 's/.*"version":\([0-9]*\).*/\1/p' <<<"$body")
    if [[ -n $v ]]; then
      version=$v
      echo "edited $v" >>"$2"
    fi
  done
}
acks_of() { grep -c "^added .*-K$2-" "$1" || true; }  # acks file, round

# A round: the server starts on the same database, the client writes, and the
# server is killed at a random moment after the round's first acknowledged request.
crash_serve() {  # backend
  local be=$1 k=serve.$1 acks="$work/$be/acks" round writer began=$SECONDS
  : >"$acks"
  local nk=0
  for ((round = 1; round <= kills_serve; round++)); do
    start_server "$main" "$work/$be/serve.out"
    launch client "$main" "$acks" "$be$round"
    writer=$pid
    local waited=0
    while [[ $(acks_of "$acks" "$be$round") == 0 ]]; do
      sleep 0.01
      waited=$((waited + 1))
      ((waited < 2000)) || fail "$k round $round: no request was acknowledged within 20 s"
    done
    sleep_ms $((RANDOM % 400))
    pid=$server
    kill_hit || fail "$k round $round: the server had stopped by itself: $(cat "$work/$be/serve.out")"
    kill "$writer" 2>/dev/null || true
    wait "$writer" 2>/dev/null || true
    nk=$((nk + 1))
    check_db "$main" "$k round $round"
    # Every acknowledged provision is there, with its history row.
    local missing ids added
    added=$(grep -c '^added ' "$acks" || true)
    ids=$(awk '$1 == "added" {printf "%s\x27%s\x27", (n++ ? "," : ""), $2}' "$acks")
    missing=$((added - $(q "$main" "SELECT COUNT(*) FROM provision WHERE id IN (${ids:-''})")))
    ((missing == 0)) || fail "$k round $round: $missing acknowledged additions lost"
    missing=$(q "$main" "SELECT COUNT(*) FROM provision p WHERE p.id LIKE '%-K%' AND NOT EXISTS
      (SELECT 1 FROM care_map_change c WHERE c.provision_id = p.id AND c.change = 'added')")
    [[ $missing == 0 ]] || fail "$k round $round: $missing provisions without their history row (half a request)"
    # The edited provision: at least the last acknowledged version, and one
    # 'edited' history row per version step (update and history in one transaction).
    local stored acked_v edits
    stored=$(q "$main" "SELECT version FROM provision WHERE id = '$edited'")
    acked_v=$(awk '$1 == "edited" {v = $2} END {print v + 0}' "$acks")
    ((stored >= acked_v)) || fail "$k round $round: version $acked_v was acknowledged but the store has $stored"
    edits=$(q "$main" "SELECT COUNT(*) FROM care_map_change WHERE provision_id = '$edited' AND change = 'edited'")
    ((edits == stored - 1)) || fail "$k round $round: version $stored but $edits edit rows"
  done
  acked[$k]=$(wc -l <"$acks") kills[$k]=$nk
  start_server "$main" "$work/$be/serve.out"
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$url/healthz") == 200 ]] || fail "$k: the server does not serve after the crashes"
  echo "crash: $k: $nk kills, each after at least one acknowledged request; ${acked[$k]} acknowledged requests ($(grep -c '^added' "$acks") additions, edits up to version $stored), none lost or half; db check ok every time; $(since "$began")"

  # The online backup, with the server of the last check still running: the
  # client writes, `regie backup` runs after an acknowledged request and while
  # more are acknowledged; the restored copy holds at least every request
  # acknowledged before the backup began and at most what the live database holds.
  local b="$work/$be/backup-acks"
  : >"$b"
  launch client "$main" "$b" "${be}B"
  writer=$pid
  local waited=0
  while [[ $(acks_of "$b" "${be}B") == 0 ]]; do
    sleep 0.01
    waited=$((waited + 1))
    ((waited < 2000)) || fail "$be backup: no request was acknowledged within 20 s"
  done
  local before; before=$(acks_of "$b" "${be}B")
  "$regie" backup --db "$main" --output "$work/$be/online.backup" >/dev/null 2>"$work/$be/backup.err" ||
    fail "$be: regie backup failed while the server wrote: $(cat "$work/$be/backup.err")"
  local after_start; after_start=$(acks_of "$b" "${be}B")
  waited=0
  while (($(acks_of "$b" "${be}B") <= after_start)); do
    sleep 0.01
    waited=$((waited + 1))
    ((waited < 2000)) || fail "$be backup: no request was acknowledged after the backup"
  done
  kill "$writer" 2>/dev/null || true
  wait "$writer" 2>/dev/null || true
  stop_server
  new_db "$be" restored
  local restored=$db
  "$regie" restore --db "$restored" --input "$work/$be/online.backup" >/dev/null 2>"$work/$be/restore.err" ||
    fail "$be: regie restore failed: $(cat "$work/$be/restore.err")"
  check_db "$restored" "$be restore"
  local in_backup in_live missing
  in_backup=$(q "$restored" "SELECT COUNT(*) FROM provision WHERE id LIKE '%-K${be}B-%'")
  in_live=$(q "$main" "SELECT COUNT(*) FROM provision WHERE id LIKE '%-K${be}B-%'")
  missing=$(q "$restored" "SELECT COUNT(*) FROM provision p WHERE p.id LIKE '%-K%' AND NOT EXISTS
    (SELECT 1 FROM care_map_change c WHERE c.provision_id = p.id AND c.change = 'added')")
  [[ $missing == 0 ]] || fail "$be: the online backup holds $missing provisions without their history row"
  ((in_backup >= before)) || fail "$be: $before additions were acknowledged before the backup began, it holds $in_backup"
  ((in_backup <= in_live)) || fail "$be: the backup holds more than the live database"
  acked[backup.$be]=$(acks_of "$b" "${be}B")
  echo "crash: $be online backup while writing: $before additions acknowledged before it began, ${acked[backup.$be]} by the end; the backup holds $in_backup (live: $in_live), consistent; restored and checked"
}

backends=(sqlite)
if [[ -n $pg_admin ]]; then
  command -v psql >/dev/null || fail "REGIE_TEST_PG is set but psql is missing"
  backends+=(pg)
elif [[ ${REGIE_TEST_REQUIRE_PG:-} == 1 ]]; then
  fail "REGIE_TEST_REQUIRE_PG=1 but REGIE_TEST_PG is not set"
else
  skip "PostgreSQL half (set REGIE_TEST_PG=postgresql://... to include it; scripts/test.sh does)"
fi
for be in "${backends[@]}"; do
  make_template "$be"
  setup_main "$be"
  crash_csv "$be"
  crash_ijw "$be" "$main"
  crash_demo "$be"
  crash_serve "$be"
done

# --- 3. a full disk (SQLite) ----------------------------------------------------------------
full_disk() {
  full="$work/full"
  mkdir -p "$full"
  # Room for the empty schema (migrations 0001-0014 with their write-ahead log
  # take about 1 MiB), not for the import.
  if ! mount -t tmpfs -o size=3m tmpfs "$full" 2>"$work/mount.err"; then
    skip "full disk: cannot mount a tmpfs here ($(tr '\n' ' ' <"$work/mount.err")); run as root to include it"
    return
  fi
  mounted=$full
  # An import that does not fit: a clear error, exit 4, nothing stored.
  "$regie" db migrate --db "$full/import.db" >/dev/null || fail "the empty schema does not fit on the small disk"
  set +e
  node "$gen" demo "$demo_data" 200 >"$work/bigger.json"  # far more than the small disk holds
  "$regie" --log-level error demo --no-serve --db "$full/import.db" --data "$work/bigger.json" >/dev/null 2>"$work/full.err"
  local code=$?
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
  last_step=-1
  start_server "$full/serve.db" "$work/full-serve.out"
  sign_in
  household=$(curl -s -H "Cookie: $cookie" "$url/api/v1/households" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  provider=$(q "$full/serve.db" "SELECT provider_id FROM provision WHERE household_id = '$household' LIMIT 1")
  local goal; goal=$(head -c 3000 /dev/zero | tr '\0' g)
  add() {  # id -> status; body in $work/answer.json
    api POST "/api/v1/households/$household/provisions" \
      "{\"id\":\"$household-$1\",\"domain\":\"wmo\",\"provider_id\":\"$provider\",\"start_date\":\"2019-01-01\",\"annual_cost_cents\":100,\"goal\":\"$goal\"}"
  }
  dd if=/dev/zero of="$full/filler" bs=4k 2>/dev/null || true  # until the disk is full
  local refused="" status
  for i in $(seq 50); do
    status=$(add "FULL$i")
    if [[ $status != 201 ]]; then refused=FULL$i; break; fi
  done
  [[ -n $refused ]] || fail "the server kept storing on a full disk"
  [[ $status == 503 ]] || fail "a full disk answered $status: $(cat "$work/answer.json")"
  grep -q "disk full" "$work/answer.json" || fail "the 503 does not say why: $(cat "$work/answer.json")"
  echo "crash: full disk, server: $status $(cat "$work/answer.json")"
  rm -f "$full/filler"
  status=$(add "AFTER")
  [[ $status == 201 ]] || fail "the server does not recover once there is space: $status $(cat "$work/answer.json")"
  stop_server
  check_db "$full/serve.db" "full-disk server"
  [[ $(q "$full/serve.db" "SELECT COUNT(*) FROM provision WHERE id = '$household-$refused'") == 0 ]] || fail "the refused request was stored"
  echo "crash: full disk, server: refused with 503, recovered after space was freed, db check ok"
}
full_disk

total=0 summary=""
for be in "${backends[@]}"; do
  for kind in csv ijw demo serve; do
    total=$((total + ${kills[$kind.$be]}))
    summary+=" $kind/$be ${kills[$kind.$be]} (${acked[$kind.$be]} acknowledged)"
  done
done
echo "crash: summary: $total SIGKILLs:$summary; nothing acknowledged was lost, nothing half; $(($(date +%s) - started)) s"
if ((${#skipped[@]})); then
  echo "crash: SKIPPED (not tested in this run):"
  for s in "${skipped[@]}"; do echo "crash:   - $s"; done
  exit 77
fi
echo "crash: ok"

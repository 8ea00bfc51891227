#!/usr/bin/env bash
# Where a setting of `regie serve` comes from (docs/operations.md): a flag beats
# a REGIE_* variable, which beats the configuration file, which beats the
# default; an empty variable counts as not set. Observed on the real binary:
# the address it listens on (host: a [serve] key), the database it creates (db)
# and whether it logs at info level (log-level: a top-level key).
# Usage: config.sh path/to/regie
set -uo pipefail
regie=$1
work=$(mktemp -d)
pid=""
trap '[[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

cat >"$work/regie.toml" <<TOML
log-level = "error"
[serve]
host = "127.0.0.2"
port = 0
db = "$work/from-file.db"
web-root = "$work/none"
TOML

# run NAME [VAR=value ...] -- [flags ...]: starts the server with that
# environment and those flags after `serve`, waits until it listens, stops it.
run() {
  local name=$1
  shift
  local env=()
  while [[ $1 != -- ]]; do env+=("$1"); shift; done
  shift
  rm -f "$work"/*.db "$work/out" "$work/err"
  env -u REGIE_HOST -u REGIE_DB -u REGIE_LOG_LEVEL -u REGIE_PORT -u REGIE_CONFIG "${env[@]}" \
    "$regie" --config "$work/regie.toml" serve "$@" >"$work/out" 2>"$work/err" &
  pid=$!
  for _ in $(seq 300); do grep -q "http://" "$work/out" 2>/dev/null && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  pid=""
  url=$(grep -o 'http://[0-9.]*' "$work/out" | head -1)
  [[ -n $url ]] || ko "$name: the server did not start ($(head -c 300 "$work/err"))"
}
expect() {  # name, what, got, wanted
  if [[ $3 == "$4" ]]; then ok; else ko "$1: $2 is '$3', wanted '$4'"; fi
}
db_made() { local f; for f in "$work"/*.db; do [[ -e $f ]] && basename "$f" .db; done; }
logs_info() { grep -q 'server.listening' "$work/err" && echo yes || echo no; }

run "file alone" --
expect "file alone" host "$url" http://127.0.0.2
expect "file alone" database "$(db_made)" from-file
expect "file alone" "info log" "$(logs_info)" no

run "environment over file" REGIE_HOST=127.0.0.3 REGIE_DB="$work/from-env.db" REGIE_LOG_LEVEL=info --
expect "environment over file" host "$url" http://127.0.0.3
expect "environment over file" database "$(db_made)" from-env
expect "environment over file" "info log" "$(logs_info)" yes

run "flag over environment" REGIE_HOST=127.0.0.3 REGIE_DB="$work/from-env.db" -- \
  --host 127.0.0.4 --db "$work/from-flag.db"
expect "flag over environment" host "$url" http://127.0.0.4
expect "flag over environment" database "$(db_made)" from-flag

run "empty variable" REGIE_HOST= --
expect "empty variable" host "$url" http://127.0.0.2

# Without the key in the file the default holds (127.0.0.1), and the variable over it.
sed -i '/^host = /d' "$work/regie.toml"
run "default" --
expect "default" host "$url" http://127.0.0.1
run "environment over default" REGIE_HOST=127.0.0.5 --
expect "environment over default" host "$url" http://127.0.0.5

echo "config: $passed passed, $failed failed"
((failed == 0))

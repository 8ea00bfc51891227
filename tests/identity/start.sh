#!/usr/bin/env bash
# Starts the test OpenID Connect provider (staff and DigiD broker) and the SMTP
# sink, both on loopback, once for the whole test run, and writes what the
# tests need to know into DIR/env (sourced by scripts/test.sh):
#   REGIE_TEST_OIDC_STAFF_ISSUER, REGIE_TEST_OIDC_CITIZEN_ISSUER and their
#   secret files, REGIE_TEST_SMTP_URL, _USER, _PASSWORD_FILE, _CA and
#   REGIE_TEST_MAILDIR. The process ids are in DIR/pids.
#
#   bash tests/identity/start.sh DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$1
mkdir -p "$dir"
# The provider's npm packages, pinned by package-lock.json; reinstalled only when the lock changes.
stamp=$here/node_modules/.regie-lock-stamp
if [[ ! -f $stamp ]] || ! cmp -s "$here/package-lock.json" "$stamp"; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$stamp"
fi

node "$here/provider.mjs" "$dir" >"$dir/provider.out" 2>"$dir/provider.log" &
echo $! >"$dir/pids"
/usr/bin/python3 "$here/smtp_sink.py" "$dir" >"$dir/smtp.out" 2>"$dir/smtp.log" &
echo $! >>"$dir/pids"

for _ in $(seq 1 100); do
  [[ -s $dir/provider.out && -s $dir/smtp.out ]] && break
  sleep 0.2
done
if [[ ! -s $dir/provider.out || ! -s $dir/smtp.out ]]; then
  echo "identity: the test provider or SMTP sink did not start" >&2
  cat "$dir/provider.log" "$dir/smtp.log" >&2 || true
  exit 1
fi
staff=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).staff)' "$dir/provider.out")
citizen=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).citizen)' "$dir/provider.out")
port=$(sed -n 's/^PORT=//p' "$dir/smtp.out")
cat >"$dir/env" <<ENV
export REGIE_TEST_OIDC_STAFF_ISSUER=$staff
export REGIE_TEST_OIDC_STAFF_SECRET_FILE=$dir/staff.secret
export REGIE_TEST_OIDC_CITIZEN_ISSUER=$citizen
export REGIE_TEST_OIDC_CITIZEN_SECRET_FILE=$dir/citizen.secret
export REGIE_TEST_SMTP_URL=smtp://127.0.0.1:$port
export REGIE_TEST_SMTP_USER=regie-test
export REGIE_TEST_SMTP_PASSWORD_FILE=$dir/smtp.password
export REGIE_TEST_SMTP_CA=$dir/smtp-cert.pem
export REGIE_TEST_MAILDIR=$dir/maildir
ENV

#!/usr/bin/env bash
# Command-line contract tests: golden outputs from the report's fixtures, and
# bad input that must give a clear message, a non-zero exit and no output file.
# Usage: contracts.sh path/to/regie path/to/shared/data
set -uo pipefail
regie=$1
data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

# golden NAME EXPECTED_FILE -- ARGS...: stdout must equal the expected file, exit 0.
golden() {
  local name=$1 expected=$2
  shift 3
  if "$regie" "$@" >"$work/out" 2>"$work/err" && diff -u "$expected" "$work/out" >"$work/diff"; then ok; else
    ko "$name"; cat "$work/err" "$work/diff" >&2; fi
}

# refuses NAME CODE PATTERN -- ARGS...: exit code CODE and stderr matching PATTERN.
refuses() {
  local name=$1 code=$2 pattern=$3
  shift 4
  "$regie" "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [[ $got -eq $code ]] && grep -qE -- "$pattern" "$work/err"; then ok; else
    ko "$name (exit $got, wanted $code; stderr: $(head -c 400 "$work/err"))"; fi
}

golden businesscase "$data/pilot/expected_businesscase.csv" -- \
  businesscase --costs "$data/pilot/costs.csv" --director-cost 8000 --format csv
golden outcomes "$data/pilot/expected_outcomes.csv" -- \
  outcomes --responses "$data/pilot/responses.csv" --format csv
# The report's table 2 holds the same rows in the report's order; the contract sorts them.
"$regie" outcomes --responses "$data/pilot/responses.csv" --format csv 2>/dev/null | sort >"$work/sorted"
if sort "$data/pilot/expected_table2.csv" | diff -q - "$work/sorted" >/dev/null; then ok; else ko "outcomes vs table 2"; fi
# The demo database holds the pilot's answers per item: its outcome report is table 2 again,
# now computed from stored measurements (dimension scores as means of seven items).
"$regie" demo --db "$work/demo.db" --no-serve >/dev/null 2>&1
"$regie" outcomes --db "$work/demo.db" --format csv >"$work/out" 2>"$work/err"
if cut -d, -f1-6 "$work/out" | diff -u "$data/pilot/expected_outcomes.csv" - >"$work/diff"; then ok; else
  ko "outcomes from the demo database"; cat "$work/err" "$work/diff" >&2; fi
refuses "outcomes needs a source" 1 "responses FILE, or --db" -- outcomes
golden pareto "$data/population/expected_pareto.csv" -- \
  analyze pareto --households "$data/population/households.csv" --allocations "$data/population/allocations.csv" \
  --year 2019 --format csv
# The three analyses in one pass write the same files as each command alone.
pop="--allocations $data/population/allocations.csv"
if "$regie" analyze all --households "$data/population/households.csv" $pop --out-dir "$work/all" 2>"$work/err" &&
   cmp -s "$work/all/pareto.csv" "$data/population/expected_pareto.csv" &&
   "$regie" analyze stacking $pop | cmp -s - "$work/all/stacking.csv" &&
   "$regie" analyze providers $pop | cmp -s - "$work/all/providers.csv"
then ok; else ko "analyze all"; cat "$work/err" >&2; fi

# The target group: as many rows as the Pareto TARGET row, pseudonyms only, stable for one key.
head -c 32 /dev/urandom >"$work/key"
"$regie" analyze targets --households "$data/population/households.csv" --allocations "$data/population/allocations.csv" \
  --key-file "$work/key" >"$work/targets.csv" 2>"$work/err"
target_count=$(grep '^TARGET' "$data/population/expected_pareto.csv" | cut -d, -f2)
if [[ $(($(wc -l <"$work/targets.csv") - 1)) -eq $target_count ]] && ! grep -q 'HH00' "$work/targets.csv" &&
   head -1 "$work/targets.csv" | grep -q '^rank,pseudonym,neighbourhood,yearly_cost_eur,clients,provisions,providers,domains,signals$'
then ok; else ko "analyze targets"; fi
refuses "targets without key" 1 "cannot read the key file" -- analyze targets --households "$data/population/households.csv" \
  --allocations "$data/population/allocations.csv" --key-file "$work/missing.key"
if "$regie" analyze potential --households "$data/population/households.csv" --allocations "$data/population/allocations.csv" \
     --net-saving -21930 2>/dev/null | grep -q "^$target_count,-21930,-14210640,"; then ok; else ko "analyze potential"; fi
refuses "potential without a saving" 1 "net-saving" -- analyze potential --households "$data/population/households.csv" \
  --allocations "$data/population/allocations.csv"

# The director cost is computed from hours when no amount is given, and says so.
"$regie" businesscase --costs "$data/pilot/costs.csv" >"$work/out" 2>"$work/err"
if grep -q '^5,director_cost,12,,,94500,,7875$' "$work/out" && grep -q '2.5 h/week x 45 weeks' "$work/err"; then ok; else
  ko "director cost from hours"; fi

# JSON output carries the same figures.
"$regie" businesscase --costs "$data/pilot/costs.csv" --director-cost 8000 --format json >"$work/out" 2>/dev/null
if grep -q '"avg_per_household_eur": -21930' "$work/out"; then ok; else ko "businesscase json"; fi

# The spreadsheet opens in LibreOffice with the same figures as the CSV contract,
# under Dutch headers (its sheets are for people; tests/interop/businesscase_sheets_test.cpp checks them all).
# The notes under the table (after an empty row) are not figures.
if "$regie" businesscase --costs "$data/pilot/costs.csv" --director-cost 8000 --format xlsx --output "$work/bc.xlsx" 2>/dev/null &&
   soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to csv --outdir "$work/lo" "$work/bc.xlsx" >/dev/null 2>&1 &&
   head -n 1 "$work/lo/bc.csv" | grep -q '^Tabel,Regel,Aantal huishoudens,' &&
   diff <(tr -d '\r' <"$work/lo/bc.csv" | tail -n +2 | awk -F, '$1 == "" { exit } { print }' | cut -d, -f3-) \
        <(tail -n +2 "$data/pilot/expected_businesscase.csv" | cut -d, -f3-) >/dev/null; then ok; else ko "xlsx via LibreOffice"; fi
refuses "xlsx needs a file" 1 "needs a file name" -- businesscase --costs "$data/pilot/costs.csv" --format xlsx

# Bad input: clear message naming file, line and column; exit 1.
printf 'household_id,moment,category,annual_cost_eur\nA,T1,gemeente,10\nA,T9,gemeente,abc\n' >"$work/bad_costs.csv"
refuses "bad costs" 1 "bad_costs.csv:3: column 'moment'" -- businesscase --costs "$work/bad_costs.csv"
refuses "bad costs amount" 1 "bad_costs.csv:3: column 'annual_cost_eur'" -- businesscase --costs "$work/bad_costs.csv"
refuses "missing file" 1 "cannot open" -- outcomes --responses "$work/nope.csv"
printf 'household_id,person_id\n' >"$work/bad_resp.csv"
refuses "missing columns" 1 "missing column\(s\) in the header: instrument, item, moment, score" -- \
  outcomes --responses "$work/bad_resp.csv"
printf 'allocation_id,household_id,client_id,neighbourhood,domain,provider_id,product_code,start_date,end_date,hours_per_week,yearly_cost_eur\n1,H,C,N,wmo,P,X,2019-02-30,,1,5\n' >"$work/bad_alloc.csv"
refuses "bad allocation date" 1 "bad_alloc.csv:2: column 'start_date'" -- \
  analyze stacking --allocations "$work/bad_alloc.csv"
refuses "bad date flag" 1 "--date: not a date" -- analyze providers --allocations "$work/bad_alloc.csv" --date 2019-31-12
refuses "unknown domain flag" 1 "unknown domain 'wmoo'" -- \
  analyze stacking --allocations "$data/population/allocations.csv" --domains wmo,wmoo
refuses "unknown flag" 2 "" -- analyze pareto --households x --allocations y --bogus
refuses "no subcommand" 2 "" --
refuses "missing db folder" 1 "does not exist" -- db migrate --db "$work/no/such/dir/regie.db"

# Nothing half-written: a failing run leaves no output file behind.
"$regie" businesscase --costs "$work/bad_costs.csv" --output "$work/result.csv" 2>/dev/null
if [[ ! -e $work/result.csv ]] && [[ -z $(ls "$work" | grep 'result.csv.tmp') ]]; then ok; else ko "no partial output"; fi
"$regie" businesscase --costs "$data/pilot/costs.csv" --director-cost 8000 --output "$work/result.csv" 2>/dev/null
if diff -q "$work/result.csv" "$data/pilot/expected_businesscase.csv" >/dev/null; then ok; else ko "--output file"; fi

# The store: migrate, demo, and the business case computed from the demo's care maps.
if "$regie" db migrate --db "$work/r.db" | grep -q 'applied 0001_init' &&
   "$regie" db migrate --db "$work/r.db" | grep -q 'up to date' &&
   "$regie" db check --db "$work/r.db" | grep -q '^ok$'; then ok; else ko "db migrate/check"; fi
if "$regie" demo --db "$work/demo.db" --no-serve >"$work/demo.out" 2>"$work/err" &&
   grep -qE 'director .*user "[^"]+" password "[^"]+" totp "[A-Z2-7]{32}"' "$work/demo.out" &&
   grep -qE 'member .*user "[^"]+" password "[^"]+"$' "$work/demo.out" && [[ -s $work/demo.db.key ]]; then
  ok; else ko "demo --no-serve prints logins with second-factor secrets"; cat "$work/err" >&2; fi
# The operator's way in: a new second-factor secret from the command line.
if "$regie" account totp --db "$work/demo.db" --secret-key-file "$work/demo.db.key" beheerder >"$work/totp.out" 2>"$work/err" &&
   grep -qE '^otpauth://totp/Regie:beheerder\?secret=[A-Z2-7]{32}&' "$work/totp.out"; then ok; else ko "account totp"; cat "$work/err" >&2; fi
refuses "account totp of an unknown user" 1 "no account" -- \
  account totp --db "$work/demo.db" --secret-key-file "$work/demo.db.key" nobody
# Account administration: the service's rules and audit; the password never comes from an argument
# and never comes back; the otpauth URI is the only thing on standard output.
printf 'een-lang-wachtwoord-1\n' >"$work/pw"
if "$regie" account create --db "$work/demo.db" --secret-key-file "$work/demo.db.key" --username nieuw.lead \
     --display-name "Nieuwe Teamleider" --role team_lead --password-file "$work/pw" >"$work/create.out" 2>"$work/err" &&
   grep -qE '^otpauth://totp/Regie:nieuw.lead\?secret=[A-Z2-7]{32}&' "$work/create.out" &&
   [[ $(wc -l <"$work/create.out") -eq 1 ]] && grep -q 'account nieuw.lead created (team_lead)' "$work/err" &&
   ! grep -q 'een-lang-wachtwoord' "$work/create.out" "$work/err"; then ok; else ko "account create"; cat "$work/err" >&2; fi
# A household member's account: the password from standard input, no second factor, nothing on standard output.
if echo 'nog-een-lang-wachtwoord' | "$regie" account create --db "$work/demo.db" --username nieuw.lid \
     --display-name "Nieuw Gezinslid" --role member --member-id BZHH01-M1 >"$work/create.out" 2>"$work/err" &&
   [[ ! -s $work/create.out ]]; then ok; else ko "account create from standard input"; cat "$work/err" >&2; fi
"$regie" account list --db "$work/demo.db" --format csv >"$work/accounts.csv" 2>"$work/err"
if head -1 "$work/accounts.csv" | grep -q '^username,display_name,role,disabled,second_factor,professional_id,member_id$' &&
   grep -q '^nieuw.lead,Nieuwe Teamleider,team_lead,no,yes,,$' "$work/accounts.csv" &&
   grep -q '^nieuw.lid,Nieuw Gezinslid,member,no,no,,BZHH01-M1$' "$work/accounts.csv" &&
   ! grep -qiE 'argon|\$|secret=' "$work/accounts.csv"; then ok; else ko "account list"; cat "$work/err" >&2; fi
# Disabling ends the account's sessions in the same transaction.
sqlite3 "$work/demo.db" "INSERT INTO session (token_hash, username, csrf_token, created_at, last_seen_at)
  VALUES ('h', 'nieuw.lead', 'c', 0, 0)"
if "$regie" account disable --db "$work/demo.db" nieuw.lead >"$work/out" 2>"$work/err" &&
   grep -q 'account nieuw.lead disabled; its sessions have ended' "$work/out" &&
   [[ $(sqlite3 "$work/demo.db" "SELECT COUNT(*) FROM session WHERE username = 'nieuw.lead'") -eq 0 ]] &&
   "$regie" account list --db "$work/demo.db" --format csv | grep -q '^nieuw.lead,Nieuwe Teamleider,team_lead,yes,'; then
  ok; else ko "account disable"; cat "$work/err" >&2; fi
if "$regie" account enable --db "$work/demo.db" nieuw.lead >/dev/null 2>"$work/err" &&
   "$regie" account list --db "$work/demo.db" --format csv | grep -q '^nieuw.lead,Nieuwe Teamleider,team_lead,no,'; then
  ok; else ko "account enable"; cat "$work/err" >&2; fi
# Every administration step is in the audit trail, under the operating system user.
if [[ $(sqlite3 "$work/demo.db" "SELECT COUNT(*) FROM audit_event WHERE actor LIKE 'cli:%' AND outcome = 'allowed'
        AND action IN ('account.create', 'account.list', 'account.disable', 'account.enable')") -ge 6 ]]; then
  ok; else ko "account administration is audited"; fi
refuses "account create refuses a password argument" 2 "not taken on the command line" -- \
  account create --db "$work/demo.db" --username x.y --display-name X --role member --member-id BZHH01-M1 \
  --password een-lang-wachtwoord-2
if grep -q 'een-lang-wachtwoord-2' "$work/err"; then ko "the refused password is repeated"; else ok; fi
refuses "account create: short password" 1 "password: 12 to 1024" -- account create --db "$work/demo.db" \
  --username x.y --display-name X --role member --member-id BZHH01-M1 --password-file <(echo kort)
refuses "account create: empty standard input" 1 "nothing on standard input" -- account create --db "$work/demo.db" \
  --username x.y --display-name X --role member --member-id BZHH01-M1 </dev/null
refuses "account create: existing user" 1 "exists already" -- account create --db "$work/demo.db" \
  --secret-key-file "$work/demo.db.key" --username nieuw.lead --display-name X --role team_lead --password-file "$work/pw"
refuses "account create: unknown role" 1 "--role: director" -- account create --db "$work/demo.db" \
  --username x.y --display-name X --role baas --password-file "$work/pw"
refuses "account create: key file needed" 2 "--secret-key-file: needed for a director" -- account create \
  --db "$work/demo.db" --username x.y --display-name X --role director --password-file "$work/pw"
refuses "account create: no --username" 2 "username" -- account create --db "$work/demo.db" --role member
refuses "account disable: unknown user" 1 "no account" -- account disable --db "$work/demo.db" nobody
refuses "account disable --as a non-administrator" 1 "--as: not an active administrator" -- \
  account disable --db "$work/demo.db" --as nieuw.lead nieuw.lid
# The demo holds the 20 referred families; the portfolio on each family's own
# T1 and T2 is the report's 12 (the others are named on standard error).
golden "businesscase from the store" "$data/pilot/expected_businesscase.csv" -- \
  businesscase --db "$work/demo.db" --own-dates --director-cost 8000
if grep -q '^left out: BZHH04 (t2_not_held)$' "$work/err" && grep -q '^left out: BZHH05 (no_t1_costs)$' "$work/err"; then
  ok; else ko "businesscase --own-dates names the families left out"; cat "$work/err" >&2; fi
"$regie" export costs --db "$work/demo.db" --own-dates >"$work/costs.csv" 2>"$work/err"
golden "export costs round trip" "$data/pilot/expected_businesscase.csv" -- \
  businesscase --costs "$work/costs.csv" --director-cost 8000
# (The demo keeps its key beside the database since it seals second-factor secrets; point elsewhere.)
refuses "ijw import needs the BSN key" 4 "no BSN key file" -- import ijw --db "$work/demo.db" \
  --secret-key-file "$work/missing.key" "$data/pilot/costs.csv"
head -c 32 /dev/zero | tr '\0' 'k' >"$work/fake.key"
refuses "ijw import names what is wrong" 1 "XML /: geen geldige XML" -- \
  import ijw --db "$work/demo.db" --secret-key-file "$work/fake.key" "$data/pilot/costs.csv"
refuses "csv import names the missing columns" 1 "costs.csv.*neighbourhood" -- \
  import csv --db "$work/demo.db" --households "$data/pilot/costs.csv" --allocations "$data/pilot/costs.csv"
if "$regie" businesscase --db "$work/demo.db" --t1 2018-11-01 --t2 2019-11-01 --households BZHH01,BZHH02 \
     >"$work/out" 2>/dev/null && grep -q '^3,TOTAL,2,133222,42759,-90463,-68,-45232$' "$work/out"; then ok; else
  ko "businesscase --households"; fi
refuses "unknown household" 1 "do not exist" -- \
  businesscase --db "$work/demo.db" --t1 2018-11-01 --t2 2019-11-01 --households BZHH01,NOPE
refuses "outdated schema" 1 "regie db migrate" -- export costs --db "$work/empty.db" --t1 2018-11-01 --t2 2019-11-01
echo "not json" >"$work/bad_demo.json"
refuses "bad demo data" 1 "bad_demo.json: not a valid JSON object" -- demo --db "$work/demo2.db" --data "$work/bad_demo.json" --no-serve
# The audit trail: an export is itself recorded; verify passes, then names a record changed behind its back.
"$regie" audit export --db "$work/demo.db" --person BZHH01-M1 --format csv >"$work/audit.csv" 2>"$work/err"
if head -1 "$work/audit.csv" | grep -q '^seq,at,actor,role,organisation,action,outcome,subject,person,record_type,record_id,client,detail,hash$' &&
   "$regie" audit verify --db "$work/demo.db" >"$work/out" 2>"$work/err" && grep -qE '^audit trail intact: [1-9][0-9]* records' "$work/out" &&
   grep -qE '^head: [0-9]+:[0-9a-f]{64}$' "$work/out"; then ok; else ko "audit export and verify"; cat "$work/err" >&2; fi
sqlite3 "$work/demo.db" "DROP TRIGGER audit_event_no_update; UPDATE audit_event SET actor = 'nobody' WHERE seq = 1" 2>/dev/null
refuses "audit verify names a changed record" 1 "not intact: record #1 .*changed" -- audit verify --db "$work/demo.db"
refuses "db check names a changed audit record" 4 "audit trail: .*record #1" -- db check --db "$work/demo.db"
sqlite3 "$work/r.db" "INSERT INTO member (id, household_id, given_name, family_name, role, birth_year, consent_status)
  VALUES ('ORPHAN-M1', 'NO-SUCH-HOUSEHOLD', 'Wees', 'Kind', 'child', 2012, 'pending')" 2>/dev/null
refuses "db check names a row whose household is missing" 4 "foreign key: member row .* missing household row" -- \
  db check --db "$work/r.db"
refuses "audit verify anchor" 1 "--anchor: give SEQ:HASH" -- audit verify --db "$work/demo.db" --anchor 12
refuses "audit export date" 1 "--from: not a date" -- audit export --db "$work/demo.db" --from yesterday
"$regie" version | grep -qE '^regie .* \(schema [0-9]{4}_[a-z_]+\)$' && ok || ko "version"
for cmd in serve demo "db migrate" import businesscase outcomes analyze export "audit verify" "audit export" \
  "account list" "account create" "account disable" "account enable" "account totp" version; do
  # shellcheck disable=SC2086
  "$regie" $cmd --help >/dev/null 2>&1 && ok || ko "$cmd --help"
done

echo "cli contracts: $passed passed, $failed failed"
[[ $failed -eq 0 ]]

#!/usr/bin/env bash
# Command-line contract of `regie privacy`: export, erasure and the retention
# rule on a demo database; exit codes 0 ok, 1 bad input, 2 usage, 3 when the
# database cannot be opened (as every store command).
# Usage: privacy.sh path/to/regie
set -uo pipefail
regie=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

# expect NAME CODE PATTERN -- ARGS...: exit code CODE and stdout+stderr matching PATTERN.
expect() {
  local name=$1 code=$2 pattern=$3
  shift 4
  "$regie" "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [[ $got -eq $code ]] && cat "$work/out" "$work/err" | grep -qE -- "$pattern"; then ok; else
    ko "$name (exit $got, wanted $code; stderr: $(head -c 400 "$work/err"))"; fi
}

db=$work/demo.db
"$regie" demo --db "$db" --no-serve >/dev/null 2>&1 || { echo "FAIL: demo" >&2; exit 1; }

expect "export json" 0 '"given_name": "Linda"' -- privacy export --db "$db" --person BZHH01-M1
expect "export fhir" 0 '"resourceType": "Bundle"' -- privacy export --db "$db" --person BZHH01-M1 --format fhir
"$regie" privacy export --db "$db" --person BZHH01-M1 --output "$work/linda.json" 2>"$work/err"
if [[ $? -eq 0 ]] && grep -q '"format": "regie.person-export.v1"' "$work/linda.json"; then ok; else ko "export --output"; fi
if grep -q 'BZHH02' "$work/linda.json"; then ko "export holds another household"; else ok; fi
# The file holds her personal data: readable by its owner only.
if [[ $(stat -c %a "$work/linda.json") == 600 ]]; then ok; else ko "export file mode $(stat -c %a "$work/linda.json")"; fi
expect "export unknown person" 1 'no household member with this id' -- privacy export --db "$db" --person NOPE-M1
expect "export bad format" 2 'format' -- privacy export --db "$db" --person BZHH01-M1 --format xml
expect "export needs a person" 2 'person' -- privacy export --db "$db"
expect "export as a non-administrator" 1 'not an active administrator' -- \
  privacy export --db "$db" --person BZHH01-M1 --as r.dekker

expect "erase needs a reason" 2 'reason' -- privacy erase --db "$db" --person BZHH01-M1
expect "erase unknown person" 1 'no household member' -- privacy erase --db "$db" --person NOPE-M1 --reason "request"
expect "erase" 0 '"category": "audit_trail"' -- privacy erase --db "$db" --person BZHH01-M1 --reason "request of 2026-11-20"
expect "export after erasure" 0 '"given_name": "\[erased\]"' -- privacy export --db "$db" --person BZHH01-M1
expect "audit trail intact after erasure" 0 'audit trail intact' -- audit verify --db "$db"
expect "audit export for the person" 0 'person.erase' -- audit export --db "$db" --person BZHH01-M1

expect "retention dry run" 0 '"dry_run": true' -- privacy retention --db "$db" --dry-run
expect "retention" 0 '"dry_run": false' -- privacy retention --db "$db"
expect "no database folder" 1 'does not exist' -- privacy retention --db "$work/missing/x.db"
expect "database without schema" 1 'old or no schema' -- privacy retention --db "$work/empty.db"
head -c 4096 /dev/urandom >"$work/garbage.db"
expect "not a database" 3 'cannot open the SQLite database' -- privacy export --db "$work/garbage.db" --person X

echo "privacy contracts: $passed passed, $failed failed"
[[ $failed -eq 0 ]]

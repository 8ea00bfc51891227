#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for a
# while on a copy of its seed corpus in fuzz/corpus/<target>/.
#
#   bash scripts/fuzz.sh                  # smoke run: 5 seconds per target (part of the test command)
#   bash scripts/fuzz.sh 3600             # a real run: an hour per target
#   bash scripts/fuzz.sh 36000 http_request   # one target (or several: a b c)
#   bash scripts/fuzz.sh --keep json_body     # merge what the runs found into fuzz/corpus/json_body
#   bash scripts/fuzz.sh --minimize http_request <reproducer>   # shrink a reproducer
#
# Every target runs even when an earlier one fails; the summary names each
# target that found something, and its reproducer in <build>/findings/.
# Replay one with <build>/fuzz/fuzz_<target> <file>. Inputs that reached new
# code are kept in <build>/corpus/<target>/ between runs (not in the
# repository); --keep copies the ones that add coverage to the seeds.
# REGIE_FUZZ_BUILD_DIR chooses the build folder (default build-fuzz/);
# REGIE_FUZZ_FLAGS adds libFuzzer options to each run (e.g. "-jobs=4 -workers=4":
# the request target waits on the network most of the time and gains from it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${REGIE_FUZZ_BUILD_DIR:-$root/build-fuzz}

configure_and_build() {
  cmake -S "$root" -B "$build" -G Ninja -DREGIE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
  local targets=()
  for t in "$@"; do targets+=(--target "fuzz_$t"); done
  if ! cmake --build "$build" -j2 "${targets[@]}" >"$build/build.log" 2>&1; then
    tail -n 40 "$build/build.log" >&2
    echo "fuzz: build failed (log: $build/build.log)" >&2
    exit 1
  fi
}

all_targets() {
  for dir in "$root"/fuzz/corpus/*/; do basename "$dir"; done
}

# Per-target limits: a backup seed is a whole SQLite file; the store and
# server targets do real I/O per input, so one slow input is not a hang.
max_len_of() { case "$1" in backup_file) echo 131072 ;; *) echo 65536 ;; esac; }
timeout_of() {
  case "$1" in http_request | route_bodies | query_string | import_csv | measurements_csv | backup_file) echo 30 ;;
    *) echo 10 ;; esac
}

if [[ ${1:-} == --keep ]]; then
  shift
  [[ $# -ge 1 ]] || { echo "usage: fuzz.sh --keep <target>..." >&2; exit 2; }
  configure_and_build "$@"
  for target in "$@"; do
    # -merge=1 copies into the first folder only the inputs of the others
    # that reach code the first does not; the seeds stay small.
    before=$(ls "$root/fuzz/corpus/$target" | wc -l)
    "$build/fuzz/fuzz_$target" -merge=1 -max_len="$(max_len_of "$target")" -timeout="$(timeout_of "$target")" \
      "$root/fuzz/corpus/$target" "$build/corpus/$target" >"$build/$target.merge.log" 2>&1
    after=$(ls "$root/fuzz/corpus/$target" | wc -l)
    echo "fuzz: $target: $((after - before)) new seed(s) in fuzz/corpus/$target (review and commit them)"
  done
  exit 0
fi

if [[ ${1:-} == --minimize ]]; then
  [[ $# -eq 3 ]] || { echo "usage: fuzz.sh --minimize <target> <reproducer>" >&2; exit 2; }
  target=$2 file=$3
  configure_and_build "$target"
  out="$build/findings/$target-minimized-$(basename "$file")"
  "$build/fuzz/fuzz_$target" -minimize_crash=1 -runs=20000 -timeout="$(timeout_of "$target")" \
    -exact_artifact_path="$out" "$file" >"$build/$target.minimize.log" 2>&1 || true
  [[ -f $out ]] || cp "$file" "$out"
  echo "fuzz: smallest reproducer found: $out ($(wc -c <"$out") bytes)"
  echo "fuzz: once fixed, keep it as a seed: cp $out fuzz/corpus/$target/regression_<what>"
  exit 0
fi

seconds=${1:-5}
shift || true
if [[ $# -gt 0 ]]; then targets=("$@"); else mapfile -t targets < <(all_targets); fi
for t in "${targets[@]}"; do
  [[ -d $root/fuzz/corpus/$t ]] || { echo "fuzz: no target $t (no fuzz/corpus/$t/)" >&2; exit 2; }
done
mkdir -p "$build/findings"
configure_and_build "${targets[@]}"

start=$SECONDS
failed=()
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  cp -n "$root/fuzz/corpus/$target/"* "$corpus/" 2>/dev/null || true
  echo -n "fuzz: $target for ${seconds}s: "
  if "$build/fuzz/fuzz_$target" "$corpus" -max_total_time="$seconds" -timeout="$(timeout_of "$target")" \
      -rss_limit_mb=2048 -max_len="$(max_len_of "$target")" -artifact_prefix="$build/findings/$target-" \
      -print_final_stats=1 ${REGIE_FUZZ_FLAGS:-} >"$build/$target.log" 2>&1; then
    grep -E '^stat::number_of_executed_units' "$build/$target.log" | sed 's/.*: /runs: /' | tr '\n' ' '
    # A 500 is not a crash, but an input the server did not handle: say so.
    n500=$(grep -c '^fuzz: 500 for ' "$build/$target.log" || true)
    [[ $n500 -gt 0 ]] && echo -n "($n500 distinct request(s) answered 500; see $build/$target.log) "
    echo ok
  else
    echo FAILED
    grep -E 'ERROR: |runtime error|fuzz harness:|terminate called|what\(\)' "$build/$target.log" | head -n 5 >&2 || true
    artifact=$(grep -oE "Test unit written to [^ ]+" "$build/$target.log" | tail -n 1 | cut -d' ' -f5 || true)
    failed+=("$target: ${artifact:-see $build/$target.log}")
  fi
done
echo "fuzz: ${#targets[@]} target(s) in $((SECONDS - start))s"
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: findings (replay with $build/fuzz/fuzz_<target> <file>):" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "fuzz: ok"

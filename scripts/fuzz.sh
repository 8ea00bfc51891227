#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz/ and runs
# each for a while on a copy of its seed corpus in fuzz/corpus/.
#   bash scripts/fuzz.sh          # smoke run: 5 seconds per target (the test command)
#   bash scripts/fuzz.sh 900      # a real run: 15 minutes per target
# A crash stops the run with the reproducer in build-fuzz/findings/; replay it
# with build-fuzz/fuzz/fuzz_<target> <file>. New interesting inputs are kept
# in build-fuzz/corpus/ (not in the repository's seeds).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-5}
build=${REGIE_FUZZ_BUILD_DIR:-$root/build-fuzz}
cmake -S "$root" -B "$build" -G Ninja -DREGIE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build" -j2 >/dev/null
mkdir -p "$build/findings"
for dir in "$root"/fuzz/corpus/*/; do
  target=$(basename "$dir")
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  cp -n "$dir"* "$corpus/" 2>/dev/null || true
  echo "fuzz: $target for ${seconds}s"
  if ! "$build/fuzz/fuzz_$target" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -artifact_prefix="$build/findings/$target-" -print_final_stats=1 \
      >"$build/$target.log" 2>&1; then
    tail -n 40 "$build/$target.log" >&2
    echo "fuzz: $target FAILED; reproducer in $build/findings/" >&2
    exit 1
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$build/$target.log" | tr '\n' ' '
  echo
done
echo "fuzz: ok"

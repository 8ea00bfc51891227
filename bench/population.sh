#!/usr/bin/env bash
# Regie's population analyses against DuckDB on the same CSV files.
#
#   bash bench/population.sh [HOUSEHOLDS=1500000] [WORK_DIR=/tmp/regie-bench-population]
#
# Generates households.csv + allocations.csv (deterministic seed) in WORK_DIR,
# times `regie analyze pareto|stacking|providers` (wall time and peak RSS with
# /usr/bin/time -v) and DuckDB (SQL through @duckdb/node-api, 2 threads and its
# default), fails if any output differs and prints a table. With HOUSEHOLDS
# "fixture" it runs on shared/data/population and also checks expected_pareto.csv.
# Environment: RUNS (best of, default 3), REGIE_BUILD_DIR (default build).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
households=${1:-1500000}
work=${2:-/tmp/regie-bench-population}
runs=${RUNS:-3}
build=${REGIE_BUILD_DIR:-$repo/build}
shared=${REGIE_SHARED_DATA:-$repo/../shared/data}
year=2019
date=2019-12-31

die() { echo "population.sh: $*" >&2; exit 1; }

if [[ ! -x /usr/bin/time ]]; then
  [[ $(id -u) == 0 ]] || die "/usr/bin/time is missing: apt-get install time"
  apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
command -v node >/dev/null || die "node is required for the DuckDB peer"

# Regie and the generator, from the project's own build.
[[ -f $build/CMakeCache.txt ]] || cmake -S "$repo" -B "$build" -G Ninja >/dev/null
cmake -S "$repo" -B "$build" -DREGIE_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target regie regie_gen_population >/dev/null
regie=$build/src/regie

(cd "$here" && [[ -d node_modules/@duckdb/node-api ]] || npm ci --no-audit --no-fund >/dev/null)

mkdir -p "$work"
data=$work/data
out=$work/out
rm -rf "$out" && mkdir -p "$out" "$data"
if [[ $households == fixture ]]; then
  data=$shared/population
else
  stamp="$households $(sha256sum "$here/gen_population.cpp" | cut -c1-16)"
  if [[ ! -f $data/stamp || $(cat "$data/stamp") != "$stamp" ]]; then
    echo "generating $households households in $data ..." >&2
    "$build/bench/regie_gen_population" "$data" "$households"
    echo "$stamp" >"$data/stamp"
  fi
fi
echo "data: $(wc -l <"$data/households.csv") lines households.csv, $(wc -l <"$data/allocations.csv") lines allocations.csv, $(du -m "$data/allocations.csv" | cut -f1) MB" >&2

# Regie: best wall time of $runs runs; peak RSS of the worst run.
declare -A regie_s regie_rss
for analysis in pareto stacking providers; do
  case $analysis in
    pareto) args=(--households "$data/households.csv" --allocations "$data/allocations.csv" --year $year) ;;
    *) args=(--allocations "$data/allocations.csv" --date $date) ;;
  esac
  best= rss=0
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -v -o "$out/time.txt" "$regie" analyze $analysis "${args[@]}" --format csv >"$out/regie-$analysis.csv" ||
      die "regie analyze $analysis failed"
    s=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); t = 0; for (i = 1; i <= n; i++) t = t * 60 + p[i]; print t }' "$out/time.txt")
    r=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out/time.txt")
    if [[ -z $best ]] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$s; fi
    if ((r > rss)); then rss=$r; fi
  done
  regie_s[$analysis]=$best
  regie_rss[$analysis]=$rss
done

# DuckDB, restricted to 2 threads and with its default.
declare -A duck2 duckd
while read -r line; do
  a=$(node -e 'const j = JSON.parse(process.argv[1]); console.log(j.analysis + " " + j.seconds + " " + j.effective_threads)' "$line")
  read -r name s eff <<<"$a"
  duck2[$name]=$s
done < <(cd "$here" && node duckdb_population.mjs "$data" "$out" 2 "$runs" $year $date)
while read -r line; do
  a=$(node -e 'const j = JSON.parse(process.argv[1]); console.log(j.analysis + " " + j.seconds + " " + j.effective_threads)' "$line")
  read -r name s eff <<<"$a"
  duckd[$name]=$s
  default_threads=$eff
done < <(cd "$here" && node duckdb_population.mjs "$data" "$out" default "$runs" $year $date)

# The outputs must be equal, byte for byte.
for analysis in pareto stacking providers; do
  for t in 2 default; do
    cmp -s "$out/regie-$analysis.csv" "$out/duckdb-$analysis-$t.csv" ||
      { diff "$out/regie-$analysis.csv" "$out/duckdb-$analysis-$t.csv" | head -20 >&2; die "MISMATCH: regie and duckdb ($t threads) differ for $analysis (see $out)"; }
  done
done
if [[ $households == fixture ]]; then
  cmp -s "$out/regie-pareto.csv" "$shared/population/expected_pareto.csv" || die "MISMATCH: pareto differs from expected_pareto.csv"
  echo "pareto equals expected_pareto.csv" >&2
fi
echo "outputs equal: $(wc -l <"$out/regie-stacking.csv") stacking lines, $(wc -l <"$out/regie-providers.csv") providers lines" >&2

printf '\n%-10s %10s %12s %8s %14s %18s\n' analysis regie_s duckdb2_s ratio regie_rss_MiB "duckdb${default_threads}t_s"
for analysis in pareto stacking providers; do
  awk -v a=$analysis -v r="${regie_s[$analysis]}" -v d="${duck2[$analysis]}" -v m="${regie_rss[$analysis]}" -v dd="${duckd[$analysis]}" \
    'BEGIN { printf "%-10s %10.2f %12.2f %8.2f %14.0f %18.2f\n", a, r, d, d / r, m / 1024, dd }'
done
echo "(best of $runs; ratio = DuckDB 2 threads / Regie; $(nproc) cores)"

#!/usr/bin/env bash
# Regie's population analyses against DuckDB on the same CSV files, in two row
# orders, and over the store.
#
#   bash bench/population.sh [HOUSEHOLDS=1500000] [WORK_DIR=/tmp/regie-bench-population]
#
# Generates households.csv + allocations.csv (deterministic seed) grouped by
# household, and a copy of allocations.csv in a fixed shuffled order (exports
# sorted by allocation number or date do not keep a household's rows
# together). For each order it times `regie analyze pareto|stacking|providers`
# and `regie analyze all` (the three in one pass), wall time and peak RSS with
# /usr/bin/time -v, and DuckDB's SQL for the same analyses (through
# @duckdb/node-api, on 2 threads as Regie has, and with its default); fails if
# any output differs and prints every figure with its ratio. Then it imports
# the grouped set into a SQLite store (kept for the next run) and times
# `regie analyze all --db` against the file path.
#
# With HOUSEHOLDS "fixture" it runs on shared/data/population and also checks
# expected_pareto.csv. Environment: RUNS (best of, default 3), REGIE_BUILD_DIR
# (default build), STORE=0 to skip the store (its import takes minutes at
# national scale).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
households=${1:-1500000}
work=${2:-/tmp/regie-bench-population}
runs=${RUNS:-3}
build=${REGIE_BUILD_DIR:-$repo/build}
shared=${REGIE_SHARED_DATA:-$repo/../shared/data}
with_store=${STORE:-1}
year=2019
date=2019-12-31
goal=0.25       # Regie's time as a share of DuckDB's, at most
rss_goal=512    # MiB

die() { echo "population.sh: $*" >&2; exit 1; }

# What a new machine lacks: the packages and a configured build.
source "$repo/scripts/lib/bench.sh"
bench_ready "$repo" "$build"

# Regie and the generator, from the project's own build.
cmake -S "$repo" -B "$build" -DREGIE_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target regie regie_gen_population >/dev/null
regie=$build/src/regie

(cd "$here" && [[ -d node_modules/@duckdb/node-api ]] || npm ci --no-audit --no-fund >/dev/null) ||
  die "npm ci in bench/ failed"

mkdir -p "$work"
data=$work/data
out=$work/out
rm -rf "$out" && mkdir -p "$out" "$data"
if [[ $households == fixture ]]; then
  data=$work/fixture
  mkdir -p "$data"
  cp "$shared/population/households.csv" "$shared/population/allocations.csv" "$data/"
  rm -f "$data/stamp"
else
  stamp="$households $(sha256sum "$here/gen_population.cpp" "$0" | sha256sum | cut -c1-16)"
  if [[ ! -f $data/stamp || $(cat "$data/stamp") != "$stamp" ]]; then
    echo "generating $households households in $data ..." >&2
    rm -rf "$data"/*
    "$build/bench/regie_gen_population" "$data" "$households"
  fi
fi
# The same lines in a fixed shuffled order (the header stays first).
if [[ ! -f $data/stamp || ! -f $data/shuffled/allocations.csv ]]; then
  mkdir -p "$data/shuffled"
  cp "$data/households.csv" "$data/shuffled/households.csv"
  { head -n 1 "$data/allocations.csv"
    tail -n +2 "$data/allocations.csv" | shuf --random-source=<(yes regie); } >"$data/shuffled/allocations.csv"
fi
[[ $households == fixture ]] || echo "$stamp" >"$data/stamp"
echo "data: $(($(wc -l <"$data/households.csv") - 1)) households, $(($(wc -l <"$data/allocations.csv") - 1)) allocations, $(du -m "$data/allocations.csv" | cut -f1) MB" >&2

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); t = 0; for (i = 1; i <= n; i++) t = t * 60 + p[i]; print t }' "$1"; }
kib() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
smaller() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

# Best wall time of $runs runs of a regie command, peak RSS of the worst run:
# sets best and rss.
time_regie() {
  local name=$1
  shift
  best= rss=0
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -v -o "$out/time.txt" "$regie" "$@" >"$out/$name.stdout" || die "regie $* failed"
    local s r
    s=$(seconds "$out/time.txt")
    r=$(kib "$out/time.txt")
    if [[ -z $best ]] || smaller "$s" "$best"; then best=$s; fi
    if ((r > rss)); then rss=$r; fi
  done
}

declare -A regie_s regie_rss duck2 duckd
all_met=1
for order in grouped shuffled; do
  dir=$data
  [[ $order == shuffled ]] && dir=$data/shuffled
  for analysis in pareto stacking providers; do
    case $analysis in
      pareto) args=(--households "$dir/households.csv" --allocations "$dir/allocations.csv" --year $year) ;;
      *) args=(--allocations "$dir/allocations.csv" --date $date) ;;
    esac
    time_regie "regie-$order-$analysis" analyze $analysis "${args[@]}" --format csv
    cp "$out/regie-$order-$analysis.stdout" "$out/regie-$order-$analysis.csv"
    regie_s[$order.$analysis]=$best
    regie_rss[$order.$analysis]=$rss
  done
  time_regie "regie-$order-all" analyze all --households "$dir/households.csv" --allocations "$dir/allocations.csv" \
    --year $year --date $date --out-dir "$out/all-$order"
  regie_s[$order.all]=$best
  regie_rss[$order.all]=$rss

  for threads in 2 default; do
    while read -r line; do
      read -r name s eff < <(node -e 'const j = JSON.parse(process.argv[1]); console.log(j.analysis, j.seconds, j.effective_threads)' "$line")
      if [[ $threads == 2 ]]; then duck2[$order.$name]=$s; else duckd[$order.$name]=$s; default_threads=$eff; fi
    done < <(cd "$here" && node duckdb_population.mjs "$dir" "$out" "$threads" "$runs" $year $date)
    for analysis in pareto stacking providers; do
      mv "$out/duckdb-$analysis-$threads.csv" "$out/duckdb-$order-$analysis-$threads.csv"
    done
  done

  # The outputs must be equal, byte for byte: each command alone, the three in one pass, DuckDB.
  for analysis in pareto stacking providers; do
    for other in "$out/all-$order/$analysis.csv" "$out/duckdb-$order-$analysis-2.csv" "$out/duckdb-$order-$analysis-default.csv"; do
      cmp -s "$out/regie-$order-$analysis.csv" "$other" ||
        { diff "$out/regie-$order-$analysis.csv" "$other" | head -20 >&2; die "MISMATCH ($order): $analysis differs from $other"; }
    done
  done
  if [[ $households == fixture ]]; then
    cmp -s "$out/regie-$order-pareto.csv" "$shared/population/expected_pareto.csv" ||
      die "MISMATCH: pareto differs from expected_pareto.csv"
  fi
  duck2[$order.all]=$(awk -v a="${duck2[$order.pareto]}" -v b="${duck2[$order.stacking]}" -v c="${duck2[$order.providers]}" 'BEGIN { print a + b + c }')
  duckd[$order.all]=$(awk -v a="${duckd[$order.pareto]}" -v b="${duckd[$order.stacking]}" -v c="${duckd[$order.providers]}" 'BEGIN { print a + b + c }')
  echo "$order: outputs equal ($(($(wc -l <"$out/regie-$order-stacking.csv") - 1)) stacked households)" >&2
done

printf '\n%-9s %-10s %9s %11s %7s %10s %13s\n' order analysis regie_s duckdb2t_s ratio rss_MiB "duckdb${default_threads}t_s"
for order in grouped shuffled; do
  for analysis in pareto stacking providers all; do
    awk -v o=$order -v a=$analysis -v r="${regie_s[$order.$analysis]}" -v d="${duck2[$order.$analysis]}" \
      -v m="${regie_rss[$order.$analysis]}" -v dd="${duckd[$order.$analysis]}" \
      'BEGIN { printf "%-9s %-10s %9.2f %11.2f %7.2f %10.0f %13.2f\n", o, (a == "all" ? "all three" : a), r, d, r / d, m / 1024, dd }'
  done
  if awk -v r="${regie_s[$order.all]}" -v d="${duck2[$order.all]}" -v g=$goal -v m="${regie_rss[$order.all]}" -v mg=$rss_goal \
       'BEGIN { exit !(r <= g * d && m / 1024 < mg) }'; then
    echo "$order: goal met (all three at most ${goal} x DuckDB's time, under ${rss_goal} MiB)"
  else
    echo "$order: GOAL MISSED (all three at most ${goal} x DuckDB's time, under ${rss_goal} MiB)"
    all_met=0
  fi
done
echo "(best of $runs; ratio = Regie / DuckDB on 2 threads; 'all three' is regie analyze all against the sum of DuckDB's three queries; $(nproc) cores)"

if [[ $with_store == 1 ]]; then
  store=$data/store.db
  if [[ ! -f $data/store.stamp || $(cat "$data/store.stamp") != "$(cat "$data/stamp" 2>/dev/null || echo fixture)" ]]; then
    echo "importing the grouped set into $store (minutes at national scale) ..." >&2
    rm -f "$store" "$store"-*
    "$regie" db migrate --db "$store" >/dev/null
    "$regie" import csv --db "$store" --households "$data/households.csv" --allocations "$data/allocations.csv" >&2
    cat "$data/stamp" 2>/dev/null >"$data/store.stamp" || echo fixture >"$data/store.stamp"
  fi
  time_regie regie-store-all analyze all --db "$store" --year $year --date $date --out-dir "$out/all-store"
  # Same figures; the stacking scan comes under pseudonyms from the store, so its counts are compared.
  for analysis in pareto providers; do
    cmp -s "$out/all-store/$analysis.csv" "$out/regie-grouped-$analysis.csv" || die "MISMATCH: the store's $analysis differs from the file's"
  done
  cmp -s <(tail -n +2 "$out/all-store/stacking.csv" | cut -d, -f2- | sort) <(tail -n +2 "$out/regie-grouped-stacking.csv" | cut -d, -f2- | sort) ||
    die "MISMATCH: the store's stacking counts differ from the file's"
  printf '\nstore: regie analyze all --db %.2f s (%.0f MiB), file path %.2f s: %.2f x the file path\n' \
    "$best" "$(awk -v m=$rss 'BEGIN { print m / 1024 }')" "${regie_s[grouped.all]}" \
    "$(awk -v a="$best" -v b="${regie_s[grouped.all]}" 'BEGIN { print a / b }')"
fi
((all_met)) || exit 3

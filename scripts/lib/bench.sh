# Sourced by the scripts in bench/: what a fresh clone on a new machine lacks
# before a benchmark can run, as the test command provides it: the packages
# (scripts/setup.sh, quiet when nothing is missing) and a configured build.
bench_ready() {  # ROOT BUILD_DIR
  bash "$1/scripts/setup.sh" >&2
  [[ -f $2/CMakeCache.txt ]] || cmake -S "$1" -B "$2" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
}

#!/usr/bin/env bash
# Stops what tests/identity/start.sh DIR started.
dir=$1
[[ -f $dir/pids ]] || exit 0
while read -r pid; do kill "$pid" 2>/dev/null || true; done <"$dir/pids"
rm -f "$dir/pids"

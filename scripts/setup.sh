#!/usr/bin/env bash
# Installs everything Regie needs on a fresh Debian 12 machine: the C++ toolchain
# and libraries (Debian packages), PostgreSQL for the store tests, Chromium for the
# browser tests, clang with libFuzzer for the fuzz targets, curl, wrk and oathtool
# (second-factor codes) for the crash test and the load benchmark, time for the
# benchmarks' peak memory, HAProxy for
# the test and benchmark of several servers behind a proxy, and the web UI's npm packages. Safe to run again: it installs only
# what is missing and stays quiet otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(
  build-essential cmake ninja-build pkg-config ccache
  libsoci-dev libsqlite3-dev libpq-dev libcpp-httplib-dev nlohmann-json3-dev libcli11-dev
  libspdlog-dev libfmt-dev libsodium-dev liboath-dev libxlsxwriter-dev libical-dev libxml2-dev
  libcjose-dev libjansson-dev libcurl4-openssl-dev python3-aiosmtpd openssl
  libboost-dev libgtest-dev libgmock-dev libbenchmark-dev
  postgresql sqlite3 chromium libreoffice-calc-nogui nodejs npm tzdata
  clang libclang-rt-dev curl wrk oathtool dpkg-dev haproxy time
)

missing=()
for p in "${packages[@]}"; do
  # A preinstalled Node.js (with its own npm) counts as present.
  if [[ $p == nodejs || $p == npm ]] && command -v "${p/nodejs/node}" >/dev/null 2>&1; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The web UI's packages, pinned by package-lock.json; reinstalled only when the lock changes.
if [[ -f $root/web/package-lock.json ]]; then
  stamp=$root/web/node_modules/.regie-lock-stamp
  if [[ ! -f $stamp ]] || ! cmp -s "$root/web/package-lock.json" "$stamp"; then
    echo "setup: installing web packages"
    (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$root/web/package-lock.json" "$stamp"
  fi
fi

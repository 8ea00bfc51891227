# Sourced by bench/load.sh and tests/cluster/cluster.sh: a PostgreSQL server of
# the script's own, fresh databases in it, several `regie serve` processes on
# one database and HAProxy in front of them. Everything listens on 127.0.0.1
# only. The caller sets $work (a scratch folder) and calls cluster_stop from
# its EXIT trap, which stops whatever was started here.

cluster_pids=()      # regie serve processes, in start order
cluster_urls=()      # their http://127.0.0.1:port
cluster_proxy_pid=""
cluster_proxy_url=""
cluster_pg_dir=""
cluster_pg_dbs=()    # databases made here, dropped by cluster_stop
cluster_pg_admin=""  # URI of the server's "postgres" database

cluster_free_port() {  # -> a TCP port nobody listens on now
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 30000))
    ss -Htln "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
  echo "cluster: no free port found" >&2
  return 1
}

# A PostgreSQL server of our own in a folder of its own (the server's user
# cannot enter $work), loopback only, durable as in
# production (fsync and synchronous_commit left on) unless PG_OPTIONS says otherwise.
pg_own_start() {  # -> sets cluster_pg_admin
  local pgbin port
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  cluster_pg_dir=$(mktemp -d /tmp/regie-pg.XXXXXX)
  local as_pg=()
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$cluster_pg_dir"
    as_pg=(runuser -u postgres --)
  fi
  port=$(cluster_free_port)
  "${as_pg[@]}" "$pgbin/initdb" -D "$cluster_pg_dir/data" -A trust -U postgres --no-sync >/dev/null
  # shellcheck disable=SC2086
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$cluster_pg_dir/data" -l "$cluster_pg_dir/server.log" -w \
    -o "-p $port -k $cluster_pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200 ${PG_OPTIONS:-}" \
    start >/dev/null
  cluster_pg_stop_cmd=("${as_pg[@]}" "$pgbin/pg_ctl" -D "$cluster_pg_dir/data" -m immediate stop)
  cluster_pg_admin="postgresql://postgres@127.0.0.1:$port/postgres"
}

pg_new_database() {  # admin URI, name -> sets db (its URI)
  psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c "SET client_min_messages = warning" \
    -c "DROP DATABASE IF EXISTS $2 WITH (FORCE)" -c "CREATE DATABASE $2" >/dev/null
  cluster_pg_admin=${cluster_pg_admin:-$1}
  cluster_pg_dbs+=("$2")
  db="${1%/*}/$2"
}

# Starts `regie serve` number $i on $db with the extra arguments given, trusting
# the proxy on loopback; waits until it listens.
cluster_start_server() {  # regie, db, key file, index, extra args...
  local regie=$1 db=$2 key=$3 i=$4
  shift 4
  "$regie" --log-level "${LOG_LEVEL:-warn}" serve --db "$db" --secret-key-file "$key" --host 127.0.0.1 --port 0 \
    --web-root "$work/none" --trusted-proxy 127.0.0.1 "$@" >"$work/serve$i.out" 2>"$work/serve$i.err" &
  cluster_pids[i]=$!
  for _ in $(seq 300); do
    grep -q "http://" "$work/serve$i.out" 2>/dev/null && break
    kill -0 "${cluster_pids[i]}" 2>/dev/null || break
    sleep 0.1
  done
  cluster_urls[i]=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve$i.out" | head -1)
  [[ -n ${cluster_urls[i]} ]] || { echo "cluster: server $i did not start: $(tail -3 "$work/serve$i.err")" >&2; return 1; }
}

# HAProxy on a free loopback port in front of every server started so far:
# round robin, /readyz as the health check (every 200 ms, out after two
# failures), and a request whose connection to a server fails before it was
# sent goes to another (it cannot have been applied). A request that reached a
# server that then died is answered 502 and never replayed: the client decides.
cluster_start_proxy() {  # -> sets cluster_proxy_url
  command -v haproxy >/dev/null || { echo "cluster: haproxy is not installed (scripts/setup.sh)" >&2; return 1; }
  local port cfg="$work/haproxy.cfg" i
  port=$(cluster_free_port)
  {
    echo "global"
    echo "  maxconn 4096"
    echo "  nbthread ${PROXY_THREADS:-1}"
    echo "defaults"
    echo "  mode http"
    echo "  timeout connect 2s"
    echo "  timeout client 60s"
    echo "  timeout server 60s"
    echo "  option forwardfor"
    echo "  option http-keep-alive"
    echo "  retries 3"
    echo "  option redispatch"
    echo "frontend regie"
    echo "  bind 127.0.0.1:$port"
    echo "  default_backend servers"
    echo "backend servers"
    echo "  balance roundrobin"
    echo "  option httpchk GET /readyz"
    echo "  http-reuse safe"
    for i in "${!cluster_urls[@]}"; do
      echo "  server s$i ${cluster_urls[i]#http://} check inter 200ms fall 2 rise 1"
    done
  } >"$cfg"
  haproxy -c -q -f "$cfg" || { echo "cluster: haproxy refuses $cfg" >&2; return 1; }
  haproxy -db -f "$cfg" >"$work/haproxy.log" 2>&1 &
  cluster_proxy_pid=$!
  cluster_proxy_url="http://127.0.0.1:$port"
  for _ in $(seq 100); do
    curl -s -o /dev/null "$cluster_proxy_url/healthz" && return 0
    sleep 0.1
  done
  echo "cluster: haproxy does not answer: $(tail -3 "$work/haproxy.log")" >&2
  return 1
}

cluster_stop() {
  local p
  [[ -n $cluster_proxy_pid ]] && kill "$cluster_proxy_pid" 2>/dev/null
  for p in "${cluster_pids[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  if [[ -n $cluster_pg_admin ]]; then
    for d in "${cluster_pg_dbs[@]}"; do
      psql -X -q -d "$cluster_pg_admin" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1
    done
  fi
  if [[ -n $cluster_pg_dir ]]; then
    "${cluster_pg_stop_cmd[@]}" >/dev/null 2>&1
    rm -rf "$cluster_pg_dir"
  fi
  return 0
}

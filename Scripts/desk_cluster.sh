#!/usr/bin/env bash
# A desk served from several servers on one machine (issue 32; docs/POSTGRESQL.md): a PostgreSQL
# cluster, the ledger made by its owner, a least-privilege role the servers connect as, two
# `claimledger serve` processes (each with its own local copy, as on two machines) and nginx in front
# terminating TLS and spreading requests over both (no sticky sessions: sessions live in the
# database). Containers would be the same shape: one PostgreSQL, N servers, one proxy.
#   Scripts/desk_cluster.sh start DIR [BINARY]   prints the desk's https address and a reviewer's token
#   Scripts/desk_cluster.sh smoke DIR [BINARY]   signs in through the proxy and records decisions
#   Scripts/desk_cluster.sh stop DIR
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=${1:?start, smoke or stop}
dir=${2:?a folder for the cluster}

stop() {
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  for p in "$dir"/serve*.pid; do [ -f "$p" ] && kill "$(cat "$p")" 2>/dev/null || true; done
  [ -d "$dir/replica/data" ] && Scripts/postgres_start.sh --stop "$dir/replica" || true  # Scripts/read_replica.sh
  [ -d "$dir/pg/data" ] && Scripts/postgres_start.sh --stop "$dir/pg" || true
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start() {
  local bin=${1:-.build/release/claimledger}
  command -v nginx >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }
  mkdir -p "$dir"
  chmod 755 "$dir"  # PostgreSQL runs as its own user and keeps its cluster inside
  dir=$(cd "$dir" && pwd)
  local owner writer
  owner=$(Scripts/postgres_start.sh "$dir/pg")
  # The servers' role: read and append the log, keep desk sessions; never rewrite an entry.
  psql "${owner%%\?*}" -q -v ON_ERROR_STOP=1 -c "CREATE ROLE claimledger_writer LOGIN PASSWORD 'desk-example'"
  "$bin" init --db "$owner" >/dev/null
  psql "${owner%%\?*}" -q -v ON_ERROR_STOP=1 <<'SQL'
GRANT USAGE ON SCHEMA public TO claimledger_writer;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO claimledger_writer;
GRANT INSERT ON entry TO claimledger_writer;
GRANT INSERT, DELETE ON desk_session, desk_sign_in_failure TO claimledger_writer;
SQL
  writer=$(echo "$owner" | sed 's#postgresql://postgres@#postgresql://claimledger_writer:desk-example@#')
  echo "$writer" >"$dir/db.url"
  CLAIMLEDGER_LOCAL_COPY="$dir/admin.sqlite" "$bin" ingest seeds/*.txt --db "$writer" >/dev/null
  CLAIMLEDGER_LOCAL_COPY="$dir/admin.sqlite" "$bin" reviewer add alice --token-only --db "$writer" \
    --reviewer admin >"$dir/alice.token"
  local upstreams=""
  for n in 1 2; do
    local port
    port=$(free_port)
    CLAIMLEDGER_LOCAL_COPY="$dir/server$n.sqlite" nohup "$bin" serve --db "$writer" --port "$port" \
      --secure-cookies --trusted-proxy 127.0.0.1 >"$dir/serve$n.log" 2>&1 &
    echo $! >"$dir/serve$n.pid"
    upstreams+="    server 127.0.0.1:$port;"$'\n'
  done
  openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 7 \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
  local https
  https=$(free_port)
  sed -e "s#@DIR@#$dir#g" -e "s#@PORT@#$https#g" -e "s#@USER@#$(id -un)#g" docs/deploy/nginx.conf \
    | awk -v up="$upstreams" '{ if ($0 ~ /@UPSTREAMS@/) printf "%s", up; else print }' >"$dir/nginx.conf"
  wait_for_desks
  nginx -c "$dir/nginx.conf" -p "$dir"
  echo "https://127.0.0.1:$https/" >"$dir/desk.url"
  echo "desk: https://127.0.0.1:$https/ (self-signed certificate); sign in as alice with: $(cat "$dir/alice.token")"
}

wait_for_desks() {
  for n in 1 2; do
    for _ in $(seq 300); do grep -q "desk on" "$dir/serve$n.log" && break; sleep 0.1; done
    grep -q "desk on" "$dir/serve$n.log" || { cat "$dir/serve$n.log" >&2; exit 1; }
  done
}

case "$cmd" in
  start) start "${3:-}" ;;
  stop) stop ;;
  smoke) python3 Scripts/desk_cluster_smoke.py "$dir" --claimledger "${3:-.build/release/claimledger}" ;;
  *) echo "start, smoke or stop" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster (15 or later) on loopback for the tests (issue 32), in DIR
# (default: a new temporary folder), on PORT (default: a free one), as an unprivileged user: the
# system user `postgres` that Debian's package makes when run as root, else the caller. Installs
# Debian's postgresql package when no initdb is found. Prints the address the tests take as
# CLAIMLEDGER_TEST_POSTGRES.
#   Scripts/postgres_start.sh [DIR] [PORT]      stop: Scripts/postgres_start.sh --stop DIR (or --restart DIR)
set -euo pipefail

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true; }
as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else bash -c "$1"; fi; }

if [ "${1:-}" = "--stop" ]; then
  as_owner "$(find_bin)/pg_ctl -D '$2/data' -m fast stop" >/dev/null
  exit 0
fi
if [ "${1:-}" = "--restart" ]; then  # what a server restart does to the clients (tools/desk_load_postgres.py)
  as_owner "$(find_bin)/pg_ctl -D '$2/data' -l '$2/log' -m fast -w restart" >/dev/null
  exit 0
fi

bin=$(find_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  # The package's own cluster may fail to start where no init system runs (a container): that is
  # not ours to use, so only the programs must be there.
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || true
  bin=$(find_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres_start.sh: PostgreSQL could not be installed (apt-get install postgresql)" >&2
    exit 1
  fi
fi
dir=${1:-$(mktemp -d /tmp/claimledger-pg.XXXXXX)}
port=${2:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
chmod 700 "$dir"
# Trust on loopback only: a test cluster nothing else can reach, that lives for one run. 400
# connections: the end-to-end suites run in parallel, each test with its own ledgers' connections.
as_owner "$bin/initdb -D '$dir/data' -E UTF8 --locale=C -A trust -U postgres" >/dev/null
as_owner "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -w -o \"-p $port -c listen_addresses=127.0.0.1 -c max_connections=400 -k '$dir'\" start" >/dev/null
as_owner "$bin/psql -h 127.0.0.1 -p $port -U postgres -q -c 'CREATE DATABASE claimledger_test'"
echo "postgresql://postgres@127.0.0.1:$port/claimledger_test?sslmode=disable"

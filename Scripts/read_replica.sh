#!/usr/bin/env bash
# A read replica of the desk cluster's database (issue 32; docs/POSTGRESQL.md "Read replicas"):
# starts a streaming standby of DIR's PostgreSQL (Scripts/desk_cluster.sh start DIR) and checks what
# it may and may not serve, as the servers' role, with a machine's own local copy:
#   - list, show, report, audit read the primary's ledger (the same head once the replica replayed);
#   - a decision sent to it is refused (exit 4, "read-only replica"), recorded nowhere;
#   - `serve` on it refuses to start (signing in and deciding write).
#   Scripts/read_replica.sh DIR [BINARY]     (Scripts/desk_cluster.sh stop DIR stops the replica too)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(cd "${1:?the folder of the desk cluster}" && pwd)
bin=${2:-.build/release/claimledger}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else bash -c "$1"; fi; }
fail() { echo "read replica: $1" >&2; exit 1; }

primary=$(cat "$dir/db.url")
primary_port=$(echo "$primary" | sed -E 's#.*:([0-9]+)/.*#\1#')
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$dir/replica"
[ "$(id -u)" = 0 ] && chown postgres "$dir/replica"
chmod 700 "$dir/replica"
as_owner "$pgbin/pg_basebackup -h 127.0.0.1 -p $primary_port -U postgres -D '$dir/replica/data' -R -X stream -c fast"
as_owner "$pgbin/pg_ctl -D '$dir/replica/data' -l '$dir/replica/log' -w -o \"-p $port -c listen_addresses=127.0.0.1 -c max_connections=400 -k '$dir/replica'\" start" >/dev/null
replica=${primary/:$primary_port\//:$port\/}

# The replica serves reads: the same head as the primary once it has replayed the primary's WAL.
export CLAIMLEDGER_LOCAL_COPY="$dir/reader.sqlite"
head_of() { CLAIMLEDGER_LOCAL_COPY="$2" "$bin" audit --db "$1" | grep -o 'head [0-9a-f]*'; }
want=$(head_of "$primary" "$dir/admin.sqlite")
for _ in $(seq 100); do [ "$(head_of "$replica" "$CLAIMLEDGER_LOCAL_COPY")" = "$want" ] && break; sleep 0.1; done
[ "$(head_of "$replica" "$CLAIMLEDGER_LOCAL_COPY")" = "$want" ] || fail "the replica's head is not the primary's ($want)"
claim=$("$bin" list --db "$replica" --format json --limit 1 | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
"$bin" show "$claim" --db "$replica" >/dev/null || fail "show on the replica failed"
"$bin" report --db "$replica" --format markdown >/dev/null || fail "report on the replica failed"
echo "read replica: audit, list, show and report read the primary's ledger (${want})"

# Writes are refused with the replica named, and nothing reaches either copy or the database.
set +e
out=$("$bin" verify "$claim" --evidence https://example.org/replica --db "$replica" --reviewer alice 2>&1)
status=$?
set -e
[ "$status" = 4 ] || fail "a decision on the replica exited $status, not 4: $out"
echo "$out" | grep -q "read-only replica" || fail "a decision on the replica did not say why: $out"
[ "$(head_of "$primary" "$dir/admin.sqlite")" = "$want" ] || fail "the primary's head moved"
[ "$(head_of "$replica" "$CLAIMLEDGER_LOCAL_COPY")" = "$want" ] || fail "the reader's copy moved"
echo "read replica: a decision sent to it is refused (exit 4), recorded nowhere"

set +e
out=$(timeout 20 "$bin" serve --db "$replica" --port 0 2>&1)
status=$?
set -e
[ "$status" = 4 ] && echo "$out" | grep -q "read-only replica" || fail "serve on the replica: exit $status: $out"
echo "read replica: serve on it refuses to start (exit 4)"

# What the primary records next reaches the replica's readers (its lag is the replica's).
CLAIMLEDGER_LOCAL_COPY="$dir/admin.sqlite" "$bin" note "$claim" "read on the replica" --db "$primary" \
  --reviewer alice >/dev/null
for _ in $(seq 100); do "$bin" show "$claim" --db "$replica" | grep -q "read on the replica" && break; sleep 0.1; done
"$bin" show "$claim" --db "$replica" | grep -q "read on the replica" || fail "a note made on the primary never reached the replica"
echo "read replica: a note made on the primary is shown by the replica"

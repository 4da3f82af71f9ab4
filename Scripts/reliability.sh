#!/usr/bin/env bash
# Reliability and hostile-input suite: crash recovery, concurrent writers, tamper sweep with an
# independent verifier, hostile files, and environment faults. Prints one line per property,
# e.g. "crash: 50/50 recovered", and exits non-zero unless every figure reads N/N.
#
#   Scripts/reliability.sh [path/to/claimledger]
#
# Counts: CRASH_TRIALS (50), WRITERS (4), CHANGES_PER_WRITER (250), TAMPER_SAMPLE (offsets per entry, 3),
# BIG_MB (size of the large generated article, 4; BIG_MB=12 as until stop 40, BIG_MB=50 for the issue's 50 MB case).
set -uo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build/debug/claimledger}")
root=$(pwd)
[ -x "$bin" ] || { echo "reliability: no claimledger binary at $bin; run swift build first" >&2; exit 2; }
CRASH_TRIALS=${CRASH_TRIALS:-50}
WRITERS=${WRITERS:-4}
CHANGES_PER_WRITER=${CHANGES_PER_WRITER:-250}
BIG_MB=${BIG_MB:-4}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CLAIMLEDGER_REVIEWER=reliability NO_COLOR=1
failed=0
report() {  # name passed total
  echo "$1: $2/$3 ${4:-}"
  [ "$2" -eq "$3" ] || failed=1
}

# Kills a process group started with setsid and waits until none of its processes is left.
kill_group() {
  local pgid=$1 tries=0
  # A background job of a script is no group leader, so setsid does not fork: the group id is $!.
  # Killed before setsid ran, the process is still in our group: the plain kill gets it.
  kill -9 -- "-$pgid" 2>/dev/null || kill -9 "$pgid" 2>/dev/null
  wait "$pgid" 2>/dev/null
  while pgrep -g "$pgid" > /dev/null 2>&1 && (( tries < 500 )); do
    kill -9 -- "-$pgid" 2>/dev/null; sleep 0.01; tries=$((tries + 1))
  done
}

# --- Crash: kill -9 in the middle of a bulk ingest or a burst of decisions ---------------------------
mkdir -p "$work/articles"
for n in $(seq 1 40); do
  { echo "title: Generated article $n"; echo
    for p in $(seq 1 12); do
      echo "\"Exports rose $((n + p)) percent in 20$((10 + p % 10)),\" Minister Ana Lopes said on Monday. Officials reported $((n * p)) new contracts, the largest number since 1999."; echo
    done; } > "$work/articles/a$n.txt"
done
recovered=0
for trial in $(seq 1 "$CRASH_TRIALS"); do
  db="$work/crash-$trial.sqlite"
  # Each trial runs in its own process group (setsid), and the whole group is killed at once.
  # Killing the loop's shell and then its child one after the other raced: the shell could start
  # the next `note` in between, which outlived the kill and held the write lock while we counted.
  if (( trial % 2 )); then
    setsid "$bin" ingest "$work/articles" --db "$db" > "$work/crash-$trial.out" 2>&1 &
  else
    "$bin" add --db "$db" --source-title "Speech" "Crime fell 20 percent." > /dev/null 2>&1
    id=$("$bin" list --db "$db" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
    setsid bash -c 'for k in $(seq 1 400); do
        "$1" note "$2" "burst $k" --db "$3" > /dev/null 2>&1 && echo "ok $k" >> "$4"
      done' burst "$bin" "$id" "$db" "$work/crash-$trial.acks" &
  fi
  pid=$!
  sleep "0.$(( RANDOM % 9 + 1 ))$(( RANDOM % 10 ))"
  kill_group "$pid"
  ok=1
  if [ -f "$db" ] && [ "$(sqlite3 -cmd ".timeout 10000" "$db" "SELECT count(*) FROM sqlite_schema" 2>/dev/null)" = "0" ]; then
    # Killed before the ledger's first transaction committed: an empty file, nothing recorded. It
    # is recovered when the next command makes it a ledger as usual.
    "$bin" ingest "$work/articles/a1.txt" --db "$db" > /dev/null 2>&1 && "$bin" audit --db "$db" > /dev/null 2>&1 || ok=0
  elif [ -f "$db" ]; then
    "$bin" audit --db "$db" > /dev/null 2>&1 || ok=0
    if (( trial % 2 )); then
      # Every source is wholly recorded: its claim count equals what extract finds in its article.
      python3 - "$bin" "$db" "$work/articles" <<'PY' || ok=0
import json, subprocess, sys, sqlite3
bin, db, folder = sys.argv[1:4]
con = sqlite3.connect(db)
for title, n in con.execute("SELECT s.title, count(c.claim_id) FROM source s LEFT JOIN claim c ON c.source_id = s.source_id GROUP BY s.source_id"):
    name = title.split()[-1]
    out = json.loads(subprocess.run([bin, "extract", f"{folder}/a{name}.txt", "--format", "json"], capture_output=True, text=True).stdout)
    if n != len(out["quotes"]) + len(out["claims"]):
        sys.exit(f"source {title}: {n} claims recorded, {len(out['quotes']) + len(out['claims'])} expected")
PY
    else
      # Every note that reported success is in the ledger.
      acked=0; [ -f "$work/crash-$trial.acks" ] && acked=$(wc -l < "$work/crash-$trial.acks")
      notes=$(sqlite3 -cmd ".timeout 10000" "$db" "SELECT count(*) FROM note" 2> "$work/crash-$trial.err")
      [[ "$notes" =~ ^[0-9]+$ ]] && [ "$notes" -ge "$acked" ] || { ok=0; echo "  crash trial $trial: notes='$notes' acked=$acked $(cat "$work/crash-$trial.err")"; }
    fi
  fi
  (( ok )) && recovered=$((recovered + 1))
done
report crash "$recovered" "$CRASH_TRIALS" "recovered"

# --- Concurrency: WRITERS processes x CHANGES_PER_WRITER changes at once -----------------------------
db="$work/concurrent.sqlite"
"$bin" add --db "$db" --source-title "Debate" "Taxes rose 3 percent." > /dev/null
id=$("$bin" list --db "$db" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
before=$(sqlite3 "$db" "SELECT count(*) FROM entry")
for w in $(seq 1 "$WRITERS"); do
  ( for k in $(seq 1 "$CHANGES_PER_WRITER"); do
      # Alternate status changes and notes; each carries a unique text to count afterwards.
      if (( k % 2 )); then change=(verify "$id" --evidence "writer $w change $k"); else change=(note "$id" "writer $w change $k"); fi
      until "$bin" "${change[@]}" --db "$db" > /dev/null 2> "$work/err-$w"; do
        grep -q "busy" "$work/err-$w" || { echo "writer $w: $(cat "$work/err-$w")" >> "$work/unexpected"; break; }
      done
    done ) &
done
wait
after=$(sqlite3 "$db" "SELECT count(*) FROM entry")
distinct=$(sqlite3 "$db" "SELECT (SELECT count(DISTINCT text) FROM note) + (SELECT count(DISTINCT evidence) FROM review)")
expected=$((WRITERS * CHANGES_PER_WRITER))
ok=0
[ $((after - before)) -eq "$expected" ] && [ "$distinct" -eq "$expected" ] && [ ! -f "$work/unexpected" ] \
  && "$bin" audit --db "$db" > /dev/null && ok=$expected
report concurrency "$ok" "$expected" "status changes and notes landed once each, chain valid"

# --- Tamper sweep: every entry, sampled bytes, dropped triggers, deletions, swaps, truncation --------
python3 Scripts/tamper_sweep.py "$bin" "$work" || failed=1

# --- Hostile input --------------------------------------------------------------------------------
hostile_ok=0; hostile_total=0
check() { hostile_total=$((hostile_total + 1)); if "$@"; then hostile_ok=$((hostile_ok + 1)); else echo "  hostile case failed: $*"; fi; }
db="$work/hostile.sqlite"
head -c 4096 /dev/urandom > "$work/random.bin"; printf '\x00' >> "$work/random.bin"
printf 'Caf\xe9 prices rose 5 percent.\n' > "$work/latin1.txt"
: > "$work/empty.txt"
python3 -c 'print("x" * 1_000_000 + " rose 5 percent.")' > "$work/one-line.txt"
python3 -c 'print("\"" * 200_000)' > "$work/quotes.txt"
python3 - "$BIG_MB" > "$work/big.txt" <<'PY'
import random, sys
random.seed(7)
words = "the minister said exports rose 5 percent in 2023 \" “ ” according to Reuters he told".split()
target, size = int(sys.argv[1]) << 20, 0
while size < target:
    paragraph = " ".join(random.choice(words) for _ in range(80)) + "\n\n"
    sys.stdout.write(paragraph)
    size += len(paragraph.encode())
PY
refused() { "$bin" ingest "$1" --db "$db" > /dev/null 2> "$work/err"; [ $? -eq 4 ] && [ ! -s "$db" -o "$(sqlite3 "$db" 'SELECT count(*) FROM entry' 2>/dev/null || echo 0)" = "0" ]; }
handled() { timeout 600 "$bin" ingest "$1" --db "$work/h-$(basename "$1").sqlite" > /dev/null 2>&1 && "$bin" audit --db "$work/h-$(basename "$1").sqlite" > /dev/null; }
check refused "$work/random.bin"
check refused "$work/latin1.txt"
check refused "$work/empty.txt"
check handled "$work/one-line.txt"
check handled "$work/quotes.txt"
check handled "$work/big.txt"
# The HTML report of that article: it was quadratic in the article's claims (decoded once per claim).
bigreport() { timeout 300 "$bin" report --format html -o "$work/big.html" --db "$work/h-big.txt.sqlite" > /dev/null 2>&1 && [ -s "$work/big.html" ]; }
check bigreport
sqlmeta() { out=$("$bin" show "c-1'; DROP TABLE entry; --" --db "$work/h-quotes.txt.sqlite" 2>&1); [ $? -eq 3 ] && "$bin" audit --db "$work/h-quotes.txt.sqlite" > /dev/null; }
check sqlmeta
longarg() { "$bin" list --search "$(head -c 100000 /dev/zero | tr '\0' 'a')" --db "$work/h-quotes.txt.sqlite" > /dev/null; }
check longarg
badformat() { "$bin" list --format xml --db "$work/h-quotes.txt.sqlite" > /dev/null 2>&1; [ $? -eq 64 ]; }
check badformat
# A NUL byte far past the first 8 KiB: refused with its offset, nothing recorded.
python3 -c 'import sys; sys.stdout.buffer.write(b"Prices rose 5 percent. " * 1000 + b"\0 the budget is")' > "$work/late-nul.txt"
check refused "$work/late-nul.txt"
# Another application's SQLite file: refused by every command, and not one of its bytes changes.
foreign_untouched() {
  local f="$work/foreign.sqlite" before cmd
  sqlite3 "$f" "CREATE TABLE t(x); INSERT INTO t VALUES ('keep');"
  before=$(sha256sum < "$f")
  for cmd in list audit init report "ingest $work/latin1.txt"; do
    $bin $cmd --db "$f" > /dev/null 2>&1 && return 1
  done
  [ "$(sha256sum < "$f")" = "$before" ] && [ ! -e "$f-wal" ]
}
check foreign_untouched
# The same articles typed another way (decomposed accents; zero-width spaces, soft hyphens and joiners
# inside names and cues): the same speakers, in the same order.
same_speakers() {
  local form=$1 f articles=(seeds/*.txt Tests/ClaimExtractionTests/DevSet/dev/*.txt "$work/accents.txt")
  printf '%s\n\n' 'Vietnam'"'"'s leader Tô Lâm met José Martínez, the Spanish envoy, in Hà Nội on Monday.' \
    '“We will talk again next year,” said Martínez. “Both sides agree on trade,” Tô Lâm said.' \
    'Nguyễn Thị Hằng, a trade official, was also there. “Exports rose 12 percent,” Hằng told reporters.' > "$work/accents.txt"
  for f in "${articles[@]}"; do
    python3 - "$form" "$f" > "$work/form-$(basename "$f")" <<'PY'
import sys, unicodedata
form, text = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
if form == "nfd":
    text = unicodedata.normalize("NFD", text)
else:
    marks, n, out = ["\u200b", "\u00ad", "\u200d", "\ufeff"], 0, []
    for line in text.split("\n"):
        words = line.split(" ")
        if ":" not in (words[0] if words else ""):
            for i, w in enumerate(words):
                if len(w) >= 4:
                    w = w[:len(w) // 2] + marks[n % 4] + w[len(w) // 2:]; n += 1
                words[i] = ("\u200b" + w) if w[:1].isupper() else w
        out.append(" ".join(words))
    text = "\n".join(out)
sys.stdout.write(text)
PY
  done
  speakers() { local db="$work/forms-$form-$1.sqlite"; shift
    "$bin" ingest "$@" --db "$db" > /dev/null 2>&1 && "$bin" list --format json --db "$db" | python3 -c 'import json, sys; print([(c["source_title"] is not None, c["start"] is not None, c["speaker"]) for c in sorted(json.load(sys.stdin), key=lambda c: c["seq"])])'; }
  [ "$(speakers as-typed "${articles[@]}")" = "$(speakers retyped "$work"/form-*.txt)" ]
}
check same_speakers nfd
check same_speakers zero-width
report hostile "$hostile_ok" "$hostile_total" "inputs refused or handled"

# --- Environment faults: read-only file, missing folder, full disk ------------------------------------
env_ok=0; env_total=0
fault() { env_total=$((env_total + 1)); if "$@"; then env_ok=$((env_ok + 1)); else echo "  fault case failed: $*"; fi; }
# As another user when we are root (root ignores file modes): setpriv drops to "nobody".
as_user=()
[ "$(id -u)" = 0 ] && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
# A folder DIR with a one-claim ledger (DIR/ledger.sqlite) and a copy of the binary beside it, so
# "nobody" can run it wherever the checkout lives. lock_down makes both read-only; unlock undoes it.
ledger_folder() {
  mkdir -p "$1"; chmod 0755 "$work" "$1"
  "$bin" add --db "$1/ledger.sqlite" --source-title "Radio" "Rents rose 9 percent." > /dev/null
  cp "$bin" "$1/claimledger"; chmod 0755 "$1/claimledger"
}
lock_down() { chmod 0444 "$1/ledger.sqlite"; chmod 0555 "$1"; }
unlock() { chmod 0755 "$1"; chmod 0644 "$1/ledger.sqlite"; }
readonly_db() {
  local dir="$work/ro"; ledger_folder "$dir"
  local db="$dir/ledger.sqlite"
  local n; n=$(sqlite3 "$db" "SELECT count(*) FROM entry")
  local id; id=$("$bin" list --db "$db" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  lock_down "$dir"
  "${as_user[@]}" "$dir/claimledger" verify "$id" --evidence x --db "$db" > /dev/null 2> "$work/ro.err"; local rc=$?
  unlock "$dir"
  [ $rc -eq 4 ] && grep -qi "read-only" "$work/ro.err" && [ "$(sqlite3 "$db" 'SELECT count(*) FROM entry')" = "$n" ]
}
# A ledger in a folder the reader cannot write (an archive, a colleague's file): every command that
# only reads works, the independent verifier too, and no byte of the file changes.
readonly_folder() {
  local dir="$work/archive"; ledger_folder "$dir"
  local db="$dir/ledger.sqlite"
  cp "$root/tools/verify_ledger.py" "$dir/"; chmod 0755 "$dir/verify_ledger.py"
  lock_down "$dir"
  local before ok=1 cmd
  before=$(sha256sum < "$db")
  for cmd in list audit log report checkpoint; do
    "${as_user[@]}" "$dir/claimledger" $cmd --db "$db" > /dev/null 2>> "$work/rof.err" || { echo "  read-only folder: $cmd failed"; ok=0; }
  done
  "${as_user[@]}" /usr/bin/python3 "$dir/verify_ledger.py" "$db" > /dev/null 2>> "$work/rof.err" || { echo "  read-only folder: verifier failed"; ok=0; }
  unlock "$dir"
  [ $ok = 1 ] && [ "$(sha256sum < "$db")" = "$before" ]
}
# Readers never wait for a writer: with a write lock held and no busy wait allowed, they still answer.
readers_do_not_wait() {
  local db="$work/locked.sqlite" ok=1 cmd
  "$bin" add --db "$db" --source-title "Radio" "Rents rose 9 percent." > /dev/null
  exec 7> >(sqlite3 "$db" > /dev/null)
  echo "BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS lock_probe(x); SELECT 1;" >&7; sleep 1
  for cmd in list audit log report; do
    CLAIMLEDGER_BUSY_TIMEOUT=0 "$bin" $cmd --db "$db" > /dev/null 2>> "$work/rdw.err" || { echo "  reader waited: $cmd"; ok=0; }
  done
  echo "ROLLBACK;" >&7; exec 7>&-
  [ $ok = 1 ]
}
missing_dir() { "$bin" init --db "$work/no/such/dir/l.sqlite" > /dev/null 2> "$work/md.err"; [ $? -eq 4 ] && grep -q "does not exist" "$work/md.err"; }
full_disk() {
  local db="$work/full.sqlite"
  "$bin" add --db "$db" --source-title "Radio" "Rents rose 9 percent." > /dev/null
  local n; n=$(sqlite3 "$db" "SELECT count(*) FROM entry")
  # SIGXFSZ ignored: the write fails with EFBIG and claimledger must say so, not die.
  ( trap '' XFSZ; ulimit -f 64; "$bin" ingest "$work/big.txt" --db "$db" > /dev/null 2> "$work/full.err" ); local rc=$?
  [ $rc -eq 4 ] && grep -qi "disk is full\|could not write" "$work/full.err" \
    && "$bin" audit --db "$db" > /dev/null && [ "$(sqlite3 "$db" 'SELECT count(*) FROM entry')" = "$n" ]
}
if [ "$(id -u)" = 0 ] && ! command -v setpriv > /dev/null; then
  echo "  read-only ledger: skipped (running as root without setpriv, file modes do not apply)"
else
  fault readonly_db
  fault readonly_folder
fi
fault readers_do_not_wait
fault missing_dir
fault full_disk
report faults "$env_ok" "$env_total" "clear error, nothing half-written"

# --- Hostile world (issue 30): poisoned clock, evidence overwritten, untypable output, bad ratings ----
world_ok=0; world_total=0
world() { world_total=$((world_total + 1)); if "$@"; then world_ok=$((world_ok + 1)); else echo "  hostile-world case failed: $*"; fi; }
wdb="$work/world.sqlite"
"$bin" add --db "$wdb" --source-title "Radio" "Rents rose 9 percent in 2025." > /dev/null
clock_refused() {
  local n; n=$(sqlite3 "$wdb" "SELECT count(*) FROM entry")
  CLAIMLEDGER_NOW="$1" "$bin" add --db "$wdb" --source-title "Radio" "Fares rose 4 percent." > /dev/null 2>&1
  [ $? -eq 4 ] && [ "$(sqlite3 "$wdb" 'SELECT count(*) FROM entry')" = "$n" ] && "$bin" audit --db "$wdb" > /dev/null
}
for value in 0000-01-01T00:00:00Z 2026-02-30T00:00:00Z 2026-01-01T24:00:00Z 2062-01-01T00:00:00Z; do world clock_refused "$value"; done
checkpoint_kept() {
  "$bin" checkpoint --db "$wdb" -o "$work/world-cp.txt" > /dev/null && cp "$work/world-cp.txt" "$work/world-cp.orig"
  "$bin" checkpoint --db "$wdb" -o "$work/world-cp.txt" > /dev/null 2>&1; [ $? -eq 4 ] && cmp -s "$work/world-cp.txt" "$work/world-cp.orig" \
    && ! "$bin" checkpoint --db "$wdb" -o /dev/null --force > /dev/null 2>&1 && [ -c /dev/null ]
}
world checkpoint_kept
full_output() { "$bin" $1 --db "$wdb" > /dev/full 2> "$work/fo.err"; [ $? -eq 4 ] && grep -q "could not write" "$work/fo.err"; }
world full_output list
world full_output report
report_file_full() {
  ( trap '' XFSZ; ulimit -f 1; cd "$work" && "$bin" report --format html --db "$wdb" -o "$work/rf.html" > /dev/null 2>&1 ); local rc=$?
  [ $rc -eq 4 ] && ! ls "$work" | grep -q '^rf.html'
}
world report_file_full
rating_refused() {
  printf '[{"@type":"ClaimReview","claimReviewed":"x y z","url":"https://c.example/1","reviewRating":{"alternateName":"False","ratingValue":%s,"bestRating":5,"worstRating":1}}]' "$1" > "$work/r.json"
  "$bin" import "$work/r.json" --db "$work/rating.sqlite" --reviewer ann > /dev/null 2> "$work/r.err"; [ $? -eq 4 ] && grep -q "ratingValue" "$work/r.err"
}
for value in 1e19 1e300 '"inf"' '"NaN"' 123456789012345678901234567890; do world rating_refused "$value"; done
lookalike_refused() {
  local rdb="$work/reviewers.sqlite"
  [ -s "$rdb" ] || { "$bin" reviewer add "Zoë" --db "$rdb" > /dev/null 2>&1 && "$bin" reviewer revoke "Zoë" --db "$rdb" > /dev/null 2>&1 \
    && "$bin" reviewer add ann --db "$rdb" > /dev/null 2>&1; }
  "$bin" reviewer add "$1" --db "$rdb" > /dev/null 2> "$work/la.err"; [ $? -eq 4 ] && grep -q "existing reviewer\|already a reviewer" "$work/la.err"
}
for name in "$(printf 'Zoe\xcc\x88')" "$(printf '\xd0\xb0nn')" "$(printf '\xef\xbd\x81nn')"; do world lookalike_refused "$name"; done
too_big_import() { head -c 70000000 /dev/zero | tr '\0' ' ' > "$work/big.json"; "$bin" import "$work/big.json" --db "$work/bi.sqlite" > /dev/null 2>&1; local rc=$?; rm -f "$work/big.json"; [ $rc -eq 4 ]; }
world too_big_import
too_big_checkpoint() { head -c 2000000 /dev/zero | tr '\0' 'a' > "$work/bigcp.txt"; "$bin" audit --db "$wdb" --checkpoint "$work/bigcp.txt" > /dev/null 2>&1; [ $? -eq 4 ]; }
world too_big_checkpoint
tiles_after_full_disk() {
  local tdb="$work/tiles.sqlite"
  for k in $(seq 1 300); do echo "Rents rose $k percent in 2025, the ministry said."; done > "$work/tiles.txt"
  "$bin" ingest "$work/tiles.txt" --db "$tdb" > /dev/null 2>&1
  ( trap '' XFSZ; ulimit -f 4; "$bin" checkpoint --db "$tdb" --tiles "$work/tiles" > /dev/null 2>&1 )
  "$bin" checkpoint --db "$tdb" --tiles "$work/tiles" -o "$work/tiles-cp.txt" > /dev/null 2>&1 \
    && "$bin" audit --db "$tdb" --checkpoint "$work/tiles-cp.txt" --tiles "$work/tiles" > /dev/null 2>&1 \
    && ! find "$work/tiles" -name '*.partial-*' | grep -q .
}
world tiles_after_full_disk
utf16_named() { printf 'Exports rose 5 percent in 2023.\n' | iconv -f UTF-8 -t UTF-16 > "$work/u16.txt"; "$bin" ingest "$work/u16.txt" --db "$work/u16.sqlite" > /dev/null 2> "$work/u16.err"; [ $? -eq 4 ] && grep -q "UTF-16" "$work/u16.err"; }
world utf16_named
fifo_named() { mkfifo "$work/fifo"; timeout 20 "$bin" ingest "$work/fifo" --db "$work/fifo.sqlite" > /dev/null 2> "$work/fifo.err"; [ $? -eq 4 ] && grep -q "not a regular file" "$work/fifo.err"; }
world fifo_named
# A ledger of the seeds at $1 with the root page of index $2 zeroed.
seeds_with_zeroed_index() {
  "$bin" ingest "$root/seeds" --db "$1" > /dev/null 2>&1
  local page size; page=$(sqlite3 "$1" "SELECT rootpage FROM sqlite_schema WHERE name = '$2'"); size=$(sqlite3 "$1" "PRAGMA page_size")
  dd if=/dev/zero of="$1" bs="$size" seek=$((page - 1)) count=1 conv=notrunc status=none
}
damaged_index_page() {
  local ddb="$work/damaged.sqlite"
  seeds_with_zeroed_index "$ddb" "$1"
  "$bin" audit --db "$ddb" > /dev/null 2> "$work/dmg.err"; local rc=$?; rm -f "$ddb"*
  [ $rc -eq 1 ] && grep -q "damaged" "$work/dmg.err"
}
for index in claim_by_speaker claim_queue_all rating_by_label; do world damaged_index_page "$index"; done
unkeyed_said() { "$bin" audit --db "$wdb" --checkpoint "$work/world-cp.txt" 2>/dev/null | grep -q "signatures not checked"; }
world unkeyed_said
# Once the ledger trusts a key, a checkpoint signed by another key fails the audit without --key.
trusted_key_checks() {
  local kdb="$work/keys.sqlite"
  "$bin" add --db "$kdb" --source-title "Radio" "Rents rose 9 percent in 2025." > /dev/null
  "$bin" keygen --name desk.example -o "$work/desk.key" > "$work/desk.pub" 2>/dev/null
  "$bin" keygen --name desk.example -o "$work/forger.key" > /dev/null 2>&1
  "$bin" keys trust "$work/desk.pub" --db "$kdb" > /dev/null || return 1
  "$bin" checkpoint --db "$kdb" --key "$work/desk.key" -o "$work/k-good.txt" > /dev/null
  "$bin" checkpoint --db "$kdb" --key "$work/forger.key" -o "$work/k-forged.txt" > /dev/null
  "$bin" audit --db "$kdb" --checkpoint "$work/k-good.txt" > /dev/null 2>&1 || return 1
  "$bin" audit --db "$kdb" --checkpoint "$work/k-forged.txt" > /dev/null 2>&1; [ $? -eq 1 ]
}
world trusted_key_checks
# A writer refuses a file SQLite's own check calls damaged: exit 5, not a byte written.
damaged_writer_refuses() {
  local ddb="$work/damaged-w.sqlite"
  seeds_with_zeroed_index "$ddb" claim_by_speaker
  local sum; sum=$(md5sum < "$ddb")
  "$bin" add --db "$ddb" --source-title "Radio" "Fares rose 4 percent." > /dev/null 2>&1; local rc=$?
  [ $rc -eq 5 ] && [ "$(md5sum < "$ddb")" = "$sum" ]
}
world damaged_writer_refuses
not_a_checkpoint() { echo "just notes" > "$work/notes.txt"; "$bin" audit --db "$wdb" --checkpoint "$work/notes.txt" > /dev/null 2>&1; [ $? -eq 4 ]; }
world not_a_checkpoint
# One sentence that starts like a navigation heading never ends an article's extraction.
tail_sentence() {
  local seed; seed=$(ls "$root"/seeds/*004*.txt)
  local plain spiked
  plain=$("$bin" extract "$seed" --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["quotes"]), len(d["claims"]))')
  python3 - "$seed" "$1" > "$work/spiked.txt" <<'PY'
import sys
paragraphs = open(sys.argv[1], encoding="utf-8").read().split("\n\n")
paragraphs.insert(3, sys.argv[2])
sys.stdout.write("\n\n".join(paragraphs))
PY
  spiked=$("$bin" extract "$work/spiked.txt" --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["quotes"]), len(d["claims"]))')
  [ "${plain%% *}" = "${spiked%% *}" ] && [ "${spiked##* }" -ge "${plain##* }" ]
}
for sentence in "Other news agencies confirmed this." "See also the Kremlin statement below." "More from the press conference"; do
  world tail_sentence "$sentence"
done
report hostile-world "$world_ok" "$world_total" "refused or kept, clear error, nothing poisoned"

# --- The desk over real sockets, and kills with work in flight (issue 30) ------------------------------
skdb="$work/serve-kill.sqlite"
"$bin" ingest "$work/articles" --db "$skdb" > /dev/null 2>&1        # 480 quotes and 480 claims
token=$("$bin" reviewer add probe --token-only --db "$skdb")
python3 tools/desk_hostile_probe.py "$bin" "$skdb" "$token" || failed=1
python3 tools/serve_kill_probe.py "$bin" "$skdb" "$token" --kills 10 || failed=1
python3 tools/migration_kill_probe.py "$bin" "$work/migration" --kills 10 --claims 5000 || failed=1

exit $failed

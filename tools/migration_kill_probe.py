#!/usr/bin/env python3
"""Kill a command (SIGKILL) in the middle of migrating a ledger of schema version 1 to the current
version, and check that every file is left whole: `audit` passes, the independent verifier passes,
and the ledger holds every entry it had (plus the command's two, a source and a claim, when it finished).

    tools/migration_kill_probe.py CLAIMLEDGER WORKDIR [--kills N] [--claims C] [--seed S]

Builds one version-1 ledger with C claims (default 20,000) from Schema/v001_ledger.sql, hashed as
docs/LEDGER-FORMAT.md says; times one whole migration; then N times (default 10) copies it, starts
`claimledger add` (its first write migrates), and kills it at a random moment of that time.
Prints "migration-kill: WHOLE/N files whole after a kill mid-migration" and exits 0 only when every
file is whole. Python standard library only.
"""
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from verify_ledger import GENESIS, canonical  # noqa: E402


def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


def payload(fields):
    """The ledger's payload encoding for ASCII strings: sorted keys, no spaces."""
    return "{" + ",".join(f'"{k}":"{fields[k]}"' for k in sorted(fields)) + "}"


def version_one_ledger(path, claims):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path)
    db.executescript(open(os.path.join(HERE, "..", "Schema", "v001_ledger.sql"), encoding="utf-8").read())
    db.execute("PRAGMA application_id = 1129073735")
    db.execute("PRAGMA user_version = 1")
    source_id = sha("\n".join(["source-without-text", "Migration probe", "", "", ""]))
    previous, seq = GENESIS, 0

    def append(kind, fields):
        nonlocal previous, seq
        seq += 1
        text = payload(fields)
        when = "2026-01-01T10:00:00Z"
        digest = hashlib.sha256(canonical(seq, kind, when, previous, text)).hexdigest()
        db.execute("INSERT INTO entry VALUES (?, ?, ?, ?, ?, ?)", (seq, kind, when, previous, text, digest))
        previous = digest

    append("source_recorded", {"source_id": source_id, "title": "Migration probe"})
    db.execute("INSERT INTO source (source_id, seq, title) VALUES (?, 1, 'Migration probe')", (source_id,))
    for n in range(claims):
        text = f"Exports rose {n} percent in {2000 + n % 25}."
        claim_id = sha("\n".join(["claim", source_id, "claim", "", "", text]))
        append("claim_recorded", {"claim_id": claim_id, "kind": "claim", "source_id": source_id,
                                  "speaker": "Ana Lopes", "text": text})
        db.execute("INSERT INTO claim (claim_id, seq, source_id, kind, text, speaker) VALUES (?, ?, ?, 'claim', ?, 'Ana Lopes')",
                   (claim_id, seq, source_id, text))
    db.commit()
    db.execute("PRAGMA journal_mode = WAL")
    db.close()
    return seq


def read_one(path, sql):
    """One value, read without writing a byte of the file."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute(sql).fetchone()[0]
    finally:
        db.close()


def entries(path):
    return read_one(path, "SELECT count(*) FROM entry")


def version(path):
    return read_one(path, "PRAGMA user_version")


def migrate(binary, path):
    return subprocess.Popen([binary, "add", "--db", path, "--source-title", "After the migration",
                             "Fares rose 4 percent in 2025."], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True, env=dict(os.environ, CLAIMLEDGER_REVIEWER="probe"))


def whole(binary, path, before):
    audit = subprocess.run([binary, "audit", "--db", path], capture_output=True, text=True)
    verifier = subprocess.run([sys.executable, os.path.join(HERE, "verify_ledger.py"), path], capture_output=True, text=True)
    count = entries(path)
    if audit.returncode != 0 or verifier.returncode != 0 or count not in (before, before + 2):
        print(f"  migration-kill: {path}: audit {audit.returncode} {audit.stderr.strip()[:200]}; "
              f"verifier {verifier.returncode} {verifier.stdout.strip()[:200]}; {count} entries of {before}")
        return False
    return True


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    binary, work = argv[1], argv[2]
    option = lambda name, default: int(argv[argv.index(name) + 1]) if name in argv else default
    kills, claims = option("--kills", 10), option("--claims", 20000)
    rng = random.Random(option("--seed", 20261202))
    os.makedirs(work, exist_ok=True)
    original = os.path.join(work, "v1.sqlite")
    before = version_one_ledger(original, claims)
    timed = os.path.join(work, "timed.sqlite")
    shutil.copy(original, timed)
    started = time.monotonic()
    if migrate(binary, timed).wait() != 0 or not whole(binary, timed, before):
        print("migration-kill: the migration itself failed")
        return 1
    took = time.monotonic() - started
    kept, left_old = 0, 0
    for trial in range(kills):
        path = os.path.join(work, f"kill-{trial}.sqlite")
        shutil.copy(original, path)
        process = migrate(binary, path)
        time.sleep(rng.uniform(0.02, took))
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()
        kept += whole(binary, path, before)
        left_old += version(path) == 1
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    print(f"migration-kill: {kept}/{kills} files whole after a kill mid-migration "
          f"(version 1, {claims} claims, migration {took:.1f} s; {left_old} left at version 1, "
          f"{kills - left_old} migrated)")
    return 0 if kept == kills else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Tamper sweep: damage a small ledger in every way we can think of and check that both
`claimledger audit` and the independent tools/verify_ledger.py notice, every time.

usage: tamper_sweep.py CLAIMLEDGER_BINARY WORKDIR
Prints "tamper: N/N detected ..." and exits 1 unless every tampering was detected by both.
"""
import json
import hashlib
import importlib.util
import os
import random
import shutil
import sqlite3
import subprocess
import sys

BIN, WORK = sys.argv[1], sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))
VERIFIER = os.path.join(HERE, "..", "tools", "verify_ledger.py")
SAMPLE = int(os.environ.get("TAMPER_SAMPLE", "3"))
ENV = dict(os.environ, CLAIMLEDGER_REVIEWER="sweep", NO_COLOR="1")
random.seed(1234)


def run(*args):
    return subprocess.run([BIN, *args], capture_output=True, text=True, env=ENV)


def build(path):
    for text in ["Crime fell 20 percent in 2023.", "Taxes rose twice since 2019.", "Exports doubled to $4 billion."]:
        run("add", "--db", path, "--source-title", "Evening news", "--speaker", "Jane Doe", text)
    ids = [c["id"] for c in json.loads(run("list", "--db", path, "--format", "json").stdout)]
    run("verify", ids[0], "--evidence", "https://stats.example/crime", "--db", path)
    run("dispute", ids[1], "--evidence", "Treasury tables 2019-2023", "--note", "Only once", "--db", path)
    run("note", ids[2], "Ask the customs office", "--db", path)
    run("correct", ids[2], "--speaker", "John Roe", "--reason", "misattributed", "--db", path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def with_guards_dropped(path, *statements):
    con = sqlite3.connect(path)
    triggers = con.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").fetchall()
    for name, _ in triggers:
        con.execute(f"DROP TRIGGER {name}")
    for s in statements:
        con.execute(s)
    for _, sql in triggers:
        con.execute(sql)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def retime_recomputing_hashes(path, seq, time):
    """A stronger attacker: changes one entry's recorded_at and recomputes every hash after it."""
    rewrite_recomputing_hashes(path, seq, [("UPDATE entry SET recorded_at = ? WHERE seq = ?", (time, seq))])


def rewrite_recomputing_hashes(path, seq, statements):
    """Runs `statements` (SQL, parameters) with the guards dropped, then recomputes every hash from `seq` on."""
    spec = importlib.util.spec_from_file_location("verify_ledger", VERIFIER)
    verifier = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(verifier)
    con = sqlite3.connect(path)
    triggers = con.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").fetchall()
    for name, _ in triggers:
        con.execute(f"DROP TRIGGER {name}")
    for sql, parameters in statements:
        con.execute(sql, parameters)
    previous = con.execute("SELECT hash FROM entry WHERE seq = ?", (seq - 1,)).fetchone()[0]
    for s, kind, at, payload in con.execute(
            "SELECT seq, kind, recorded_at, payload FROM entry WHERE seq >= ? ORDER BY seq", (seq,)).fetchall():
        digest = hashlib.sha256(verifier.canonical(s, kind, at, previous, payload)).hexdigest()
        con.execute("UPDATE entry SET prev_hash = ?, hash = ? WHERE seq = ?", (previous, digest, s))
        previous = digest
    for _, sql in triggers:
        con.execute(sql)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def execute_and_close(path, sql):
    con = sqlite3.connect(path)
    con.execute(sql)
    con.commit()
    con.close()


def detected(path, entry=None):
    audit = run("audit", "--db", path)
    named = entry is None or f"entry {entry}" in audit.stderr or "damaged" in audit.stderr
    verifier = subprocess.run([sys.executable, VERIFIER, path], capture_output=True, text=True)
    return audit.returncode != 0 and named, verifier.returncode != 0, audit.stderr.strip()


def main():
    base = os.path.join(WORK, "sweep-base.sqlite")
    build(base)
    con = sqlite3.connect(base)
    entries = con.execute("SELECT seq, payload FROM entry ORDER BY seq").fetchall()
    con.close()
    cases = []
    # One changed byte in every entry, through SQL (guards dropped and restored).
    for seq, payload in entries:
        # A letter or digit inside the JSON, replaced by another: the payload stays valid JSON
        # (the table's CHECK would refuse anything else), so only the hash can tell.
        i = random.choice([k for k, c in enumerate(payload) if c.isalnum()])
        ch = "X" if payload[i] != "X" else "Y"
        cases.append((f"entry {seq} payload byte {i}", seq, lambda p, seq=seq, i=i, ch=ch: with_guards_dropped(
            p, f"UPDATE entry SET payload = substr(payload, 1, {i}) || '{ch}' || substr(payload, {i + 2}) WHERE seq = {seq}")))
    # One flipped byte in the file, at sampled offsets inside each entry's stored payload.
    data = open(base, "rb").read()
    for seq, payload in entries:
        raw = payload.encode()
        at = data.find(raw)
        if at < 0:
            continue   # payload spilled to an overflow page: covered by the SQL case above
        for offset in random.sample(range(at, at + len(raw)), min(SAMPLE, len(raw))):
            def flip(p, offset=offset):
                b = bytearray(open(p, "rb").read())
                b[offset] ^= 0x01
                open(p, "wb").write(bytes(b))
            cases.append((f"file byte {offset} (entry {seq})", seq, flip))
    n = len(entries)
    cases += [
        ("drop trigger claim_no_update", None, lambda p: execute_and_close(p, "DROP TRIGGER claim_no_update")),
        ("delete last entry", n, lambda p: with_guards_dropped(p, f"DELETE FROM entry WHERE seq = {n}")),
        ("delete middle entry", 4, lambda p: with_guards_dropped(p, "DELETE FROM entry WHERE seq = 4")),
        ("swap rows 5 and 6", 5, lambda p: with_guards_dropped(p,
            "UPDATE entry SET payload = CASE seq WHEN 5 THEN (SELECT payload FROM entry WHERE seq = 6) ELSE (SELECT payload FROM entry WHERE seq = 5) END WHERE seq IN (5, 6)")),
        ("edit a derived row", None, lambda p: with_guards_dropped(p, "UPDATE review SET evidence = 'nothing'")),
        ("truncate the file", None, lambda p: os.truncate(p, os.path.getsize(p) // 2)),
        # Correctly hashed entries whose time breaks the rule of docs/LEDGER-FORMAT.md.
        ("impossible time, hashes recomputed", 5, lambda p: retime_recomputing_hashes(p, 5, "1999-13-45T99:99:99Z")),
        ("back-dated entry, hashes recomputed", 5, lambda p: retime_recomputing_hashes(p, 5, "2000-01-01T00:00:00Z")),
    ]
    # The independent verifier checks the hash chain only; a dropped trigger or an edited derived row
    # leaves the chain intact and is audit's job (schema comparison, derived-table checks).
    not_chain = {"drop trigger claim_no_update", "edit a derived row"}
    audit_ok = verifier_ok = chain_cases = 0
    for name, entry, damage in cases:
        path = os.path.join(WORK, "sweep-case.sqlite")
        shutil.copy(base, path)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        damage(path)
        by_audit, by_verifier, said = detected(path, entry)
        audit_ok += by_audit
        if not by_audit:
            print(f"  audit missed: {name} ({said or 'passed'})")
        if name not in not_chain:
            chain_cases += 1
            verifier_ok += by_verifier
            if not by_verifier:
                print(f"  verifier missed: {name}")
    print(f"tamper: {audit_ok}/{len(cases)} detected by audit")
    print(f"independent verifier: {verifier_ok}/{chain_cases} chain tamperings detected, agreeing with audit")
    named = checkpoint_bisection(base)
    return 0 if audit_ok == len(cases) and verifier_ok == chain_cases and named else 1


def checkpoint_bisection(base):
    """A rewrite of entry 51 with every hash recomputed passes the chain; the checkpoint catches it,
    and with the tiles saved beside it, audit names entry 51."""
    path = os.path.join(WORK, "sweep-bisect.sqlite")
    shutil.copy(base, path)
    claim = json.loads(run("list", "--db", path, "--format", "json").stdout)[0]["id"]
    while int(json.loads(run("audit", "--db", path, "--format", "json").stdout)["entries"]) < 60:
        run("note", claim, "Called the statistics office again", "--db", path)
    cp, tiles = os.path.join(WORK, "cp.txt"), os.path.join(WORK, "tiles")
    shutil.rmtree(tiles, ignore_errors=True)
    run("checkpoint", "--db", path, "-o", cp, "--tiles", tiles)
    rewrite_recomputing_hashes(path, 51, [
        ("UPDATE entry SET payload = replace(payload, 'statistics office', 'tax office') WHERE seq = 51", ()),
        ("UPDATE note SET text = replace(text, 'statistics office', 'tax office') WHERE seq = 51", ()),
    ])
    chain = run("audit", "--db", path)
    without = run("audit", "--db", path, "--checkpoint", cp)
    named = run("audit", "--db", path, "--checkpoint", cp, "--tiles", tiles)
    ok = chain.returncode == 0 and without.returncode == 1 and named.returncode == 1 \
        and "entry 51 is the first that differs" in named.stderr
    print(f"checkpoint bisection: {int(ok)}/1 rewrites named to the entry (entry 51 of 60, hashes recomputed)")
    if not ok:
        print(f"  chain: {chain.returncode} {chain.stderr.strip()}\n  without tiles: {without.stderr.strip()}\n  with tiles: {named.stderr.strip()}")
    return ok


if __name__ == "__main__":
    sys.exit(main())

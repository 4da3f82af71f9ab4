#!/usr/bin/env python3
"""Re-verify a ClaimLedger file, or a claim's inclusion proof, from docs/LEDGER-FORMAT.md alone
(standard library only).

usage: verify_ledger.py LEDGER.sqlite          check the hash chain; print the Merkle root
       verify_ledger.py prove PROOF.json       check `claimledger prove` output without the database

Exit 0 when all holds; exit 1 naming the first bad entry (or proof) otherwise; exit 2 when the
input cannot be read.
"""
import base64
import json
import hashlib
import os
import re
import sqlite3
import urllib.parse
import sys

TAG = b"CLAIMLEDGER-ENTRY-V1"
GENESIS = "0" * 64
KINDS = {"source_recorded", "claim_recorded", "status_changed", "note_added", "correction",
         "source_corrected", "rating_defined",        # from schema version 3 on
         "reviewer_added", "reviewer_revoked",        # from version 5 on
         "key_trusted",                               # from version 8 on
         "publisher_set",                             # from version 9 on
         "attribution_checked",                       # from version 10 on
         "claim_assigned"}                            # from version 13 on


def canonical(seq, kind, recorded_at, prev_hash, payload):
    return b"\n".join([TAG, str(seq).encode(), kind.encode(), recorded_at.encode(), prev_hash.encode(),
                       payload.encode("utf-8", "surrogatepass")])


def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def merkle_root(leaves):
    """RFC 6962 root of a list of leaf hashes (recursive definition)."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return node_hash(merkle_root(leaves[:k]), merkle_root(leaves[k:]))


def verify_inclusion(leaf, index, size, proof, root):
    """RFC 9162 section 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_proof(path):
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        size, root = doc["tree_size"], base64.b64decode(doc["root"])
        lines = doc["checkpoint"].split("\n")
    except (OSError, ValueError, KeyError) as error:
        return 2, f"unreadable proof: {error}"
    if lines[1] != str(size) or base64.b64decode(lines[2]) != root:
        return 1, "the checkpoint in the proof does not match its tree size and root"
    for e in doc["entries"]:
        canonical = base64.b64decode(e["canonical"])
        if not canonical.startswith(TAG + b"\n" + str(e["seq"]).encode() + b"\n"):
            return 1, f"entry {e['seq']}: canonical bytes are not that entry's"
        leaf = leaf_hash(canonical)
        if base64.b64decode(e["leaf_hash"]) != leaf:
            return 1, f"entry {e['seq']}: leaf hash does not match its canonical bytes"
        proof = [base64.b64decode(p) for p in e["proof"]]
        if not verify_inclusion(leaf, e["seq"] - 1, size, proof, root):
            return 1, f"entry {e['seq']}: the inclusion proof does not lead to the root"
    return 0, f"ok: {len(doc['entries'])} entries of claim {doc['claim_id'][:12]} included in the tree of size {size}"


def valid_time(text):
    """recorded_at: exactly YYYY-MM-DDTHH:MM:SSZ, a real date (second 60 for a leap second)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", text):
        return False
    year, month, day = int(text[0:4]), int(text[5:7]), int(text[8:10])
    hour, minute, second = int(text[11:13]), int(text[14:16]), int(text[17:19])
    if not 1 <= month <= 12 or hour > 23 or minute > 59 or second > 60:
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return 1 <= day <= days


def read_only_uri(path):
    """Read-only; in a folder we cannot write (an archive, a read-only mount) immutable as well, since
    SQLite could not create the -shm file it needs, unless a -wal file holds commits to read."""
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro"
    folder = os.path.dirname(os.path.abspath(path))
    wal = path + "-wal"
    if not os.access(folder, os.W_OK) and (not os.path.exists(wal) or os.path.getsize(wal) == 0):
        uri += "&immutable=1"
    return uri


def verify(path):
    try:
        db = sqlite3.connect(read_only_uri(path), uri=True)
        db.text_factory = lambda b: b.decode("utf-8", "surrogateescape")
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        rows = db.execute("SELECT seq, kind, recorded_at, prev_hash, payload, hash FROM entry ORDER BY seq")
    except sqlite3.DatabaseError as error:
        return 2, f"damaged: {error}"
    if app_id != 0x434C4C47:
        return 2, "damaged: not a ClaimLedger file (application_id)"
    expected, previous, last_time = 1, GENESIS, None
    try:
        for seq, kind, recorded_at, prev_hash, payload, digest in rows:
            if not all(isinstance(v, str) for v in (kind, recorded_at, prev_hash, payload, digest)):
                return 1, f"entry {expected}: a field is missing or not text"
            if seq != expected:
                return 1, f"entry {expected}: numbering breaks (found {seq})"
            if kind not in KINDS:
                return 1, f"entry {seq}: unknown kind"
            if prev_hash != previous:
                return 1, f"entry {seq}: prev_hash does not match the previous entry"
            try:
                data = canonical(seq, kind, recorded_at, prev_hash, payload)
            except UnicodeEncodeError:
                return 1, f"entry {seq}: payload is not valid UTF-8"
            if hashlib.sha256(data).hexdigest() != digest:
                return 1, f"entry {seq}: content does not match its hash"
            if not valid_time(recorded_at):
                return 1, f"entry {seq}: recorded_at is not a UTC time of the form YYYY-MM-DDTHH:MM:SSZ"
            if last_time is not None and recorded_at < last_time:
                return 1, f"entry {seq}: recorded_at is earlier than entry {seq - 1}'s (an entry is never back-dated)"
            previous, expected, last_time = digest, expected + 1, recorded_at
    except sqlite3.DatabaseError as error:
        return 2, f"damaged: {error}"
    # Each derived row belongs to an entry of its kind, and each such entry has its row: a deleted
    # last entry leaves the chain valid but its row behind.
    derived = {"source": "source_recorded", "claim": "claim_recorded", "review": "status_changed",
               "note": "note_added", "correction": "correction"}
    try:
        if db.execute("PRAGMA user_version").fetchone()[0] >= 3:
            derived.update({"source_correction": "source_corrected", "rating": "rating_defined"})
        if db.execute("PRAGMA user_version").fetchone()[0] >= 5:
            derived.update({"reviewer": "reviewer_added", "reviewer_revocation": "reviewer_revoked"})
        if db.execute("PRAGMA user_version").fetchone()[0] >= 8:
            derived.update({"trusted_key": "key_trusted"})
        if db.execute("PRAGMA user_version").fetchone()[0] >= 9:
            derived.update({"publisher": "publisher_set"})
        if db.execute("PRAGMA user_version").fetchone()[0] >= 10:
            derived.update({"attribution": "attribution_checked"})
        if db.execute("PRAGMA user_version").fetchone()[0] >= 13:
            derived.update({"assignment": "claim_assigned"})
        for table, kind in derived.items():
            orphan = db.execute(f"SELECT min(t.seq) FROM {table} t LEFT JOIN entry e ON e.seq = t.seq "
                                f"WHERE e.seq IS NULL OR e.kind IS NOT ?", (kind,)).fetchone()[0]
            if orphan is not None:
                return 1, f"entry {orphan}: a {table} row has no {kind} entry (entry deleted or changed)"
            missing = db.execute(f"SELECT min(e.seq) FROM entry e LEFT JOIN {table} t ON t.seq = e.seq "
                                 f"WHERE e.kind = ? AND t.seq IS NULL", (kind,)).fetchone()[0]
            if missing is not None:
                return 1, f"entry {missing}: its {table} row is missing"
        # Rows that mirror an optional key of their entry's payload, both ways: a speaker confidence
        # (version 7), an imported verdict's publisher (version 9) and an imported attribution
        # check's publisher (version 11).
        mirrors = [(7, "speaker_confidence", "confidence", "claim_recorded", "speaker_confidence"),
                   (9, "review_credit", "published_by", "status_changed", "published_by"),
                   (11, "attribution_credit", "published_by", "attribution_checked", "published_by")]
        for version, table, column, kind, key in mirrors:
            if db.execute("PRAGMA user_version").fetchone()[0] < version:
                continue
            wrong = db.execute(f"SELECT min(t.seq) FROM {table} t LEFT JOIN entry e ON e.seq = t.seq "
                               f"WHERE e.kind IS NOT ? OR json_extract(e.payload, '$.{key}') IS NOT t.{column}",
                               (kind,)).fetchone()[0]
            if wrong is not None:
                return 1, f"entry {wrong}: its {table} row disagrees with the entry"
            missing = db.execute(f"SELECT min(e.seq) FROM entry e LEFT JOIN {table} t ON t.seq = e.seq "
                                 f"WHERE e.kind = ? AND t.seq IS NULL "
                                 f"AND json_extract(e.payload, '$.{key}') IS NOT NULL", (kind,)).fetchone()[0]
            if missing is not None:
                return 1, f"entry {missing}: its {table} row is missing"
    except sqlite3.DatabaseError as error:
        return 2, f"damaged: {error}"
    leaves = [leaf_hash(canonical(*row[:5])) for row in db.execute(
        "SELECT seq, kind, recorded_at, prev_hash, payload FROM entry ORDER BY seq")]
    root = base64.b64encode(merkle_root(leaves)).decode()
    return 0, f"ok: {expected - 1} entries, head {previous}, merkle root {root}"


def main(argv):
    if len(argv) == 3 and argv[1] == "prove":
        code, message = verify_proof(argv[2])
    elif len(argv) == 2:
        code, message = verify(argv[1])
    else:
        print(__doc__)
        return 2
    print(message)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Re-verify a ClaimLedger file from docs/LEDGER-FORMAT.md alone (standard library only).

usage: verify_ledger.py LEDGER.sqlite

Exit 0 and print "ok: N entries, head H" when the chain is intact; exit 1 and print the first bad
entry otherwise; exit 2 when the file cannot be read as a ledger.
"""
import hashlib
import sqlite3
import sys

TAG = b"CLAIMLEDGER-ENTRY-V1"
GENESIS = "0" * 64
KINDS = {"source_recorded", "claim_recorded", "status_changed", "note_added", "correction"}


def canonical(seq, kind, recorded_at, prev_hash, payload):
    return b"\n".join([TAG, str(seq).encode(), kind.encode(), recorded_at.encode(), prev_hash.encode(),
                       payload.encode("utf-8", "surrogatepass")])


def verify(path):
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        db.text_factory = lambda b: b.decode("utf-8", "surrogateescape")
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        rows = db.execute("SELECT seq, kind, recorded_at, prev_hash, payload, hash FROM entry ORDER BY seq")
    except sqlite3.DatabaseError as error:
        return 2, f"damaged: {error}"
    if app_id != 0x434C4C47:
        return 2, "damaged: not a ClaimLedger file (application_id)"
    expected, previous = 1, GENESIS
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
            previous, expected = digest, expected + 1
    except sqlite3.DatabaseError as error:
        return 2, f"damaged: {error}"
    return 0, f"ok: {expected - 1} entries, head {previous}"


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    code, message = verify(argv[1])
    print(message)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))

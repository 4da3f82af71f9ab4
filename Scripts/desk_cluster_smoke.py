#!/usr/bin/env python3
"""Checks a desk cluster started by Scripts/desk_cluster.sh: through the TLS proxy, alice signs in
and records decisions on four claims (nginx sends the requests to both servers in turn, with one
session cookie); then every decision is read back from the ledger on PostgreSQL, the proxy's log
must show both servers answering, and the database's audit must pass.

Usage: Scripts/desk_cluster_smoke.py DIR [--claimledger .build/release/claimledger]
"""
import json, os, re, ssl, subprocess, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from desk_load import Browser  # noqa: E402

ssl._create_default_https_context = ssl._create_unverified_context  # the cluster's own certificate


def main():
    work = sys.argv[1]
    binary = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--claimledger" else ".build/release/claimledger"
    read = lambda name: open(os.path.join(work, name)).read().strip()
    db, base = read("db.url"), read("desk.url").rstrip("/")
    env = dict(os.environ, CLAIMLEDGER_LOCAL_COPY=os.path.join(work, "smoke.sqlite"))
    cli = lambda *args: subprocess.run([binary, *args, "--db", db], check=True, capture_output=True, text=True, env=env).stdout
    claims = [c["id"] for c in json.loads(cli("list", "--status", "unverified", "--format", "json"))][:4]
    b = Browser(base)
    b.sign_in(read("alice.token"))
    for cid in claims:
        b.send("/c/%s" % cid)
        status, _ = b.send("/c/%s/decide" % cid, {"csrf": b.csrf, "record": "1", "status": "verified",
                                                  "evidence": "https://cluster.example/%s" % cid, "expect": "unverified"})
        assert status == 303, (cid, status)
    shown = [json.loads(cli("show", cid, "--format", "json")) for cid in claims]
    statuses = [s.get("status") for s in shown]
    upstreams = set(re.findall(r"upstream=(\S+)", open(os.path.join(work, "nginx-access.log")).read()))
    audit = subprocess.run([binary, "audit", "--db", db], capture_output=True, text=True, env=env)
    print("through the proxy: %d decisions recorded as %s; servers that answered: %d; audit of the database: %s"
          % (len(claims), sorted(set(statuses)), len(upstreams), "passed" if audit.returncode == 0 else "FAILED"))
    ok = statuses == ["verified"] * len(claims) and len(upstreams) >= 2 and audit.returncode == 0 and len(claims) == 4
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

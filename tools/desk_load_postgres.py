#!/usr/bin/env python3
"""Several desks on one ledger on PostgreSQL (issue 32), over HTTP on loopback.

A fresh database on the PostgreSQL server SERVER_URL (a `postgresql://` address whose user may
create databases; Scripts/postgres_start.sh prints one) is filled with 1,600 claims; then SERVERS
`claimledger serve` processes, each with its own local copy (as on separate machines), answer
REVIEWERS reviewers at once, each signed in on one server and recording DECISIONS decisions
(verify, with evidence) on claims of their own, each decision sent to the next server in turn with
the same session cookie (sessions are kept in the database: any server answers any request). Then, from the database's entry log: decisions the
desk confirmed (303) that are missing (lost), claims decided twice (duplicated), one chain
(`audit` of the database) and every local copy's own full audit.

  --kill        kill -9 the first server when a third of the decisions are in: requests sent to
                it then fail (refused connections); the other servers carry on.
  --restart DIR restart the PostgreSQL cluster in DIR (Scripts/postgres_start.sh --restart) when
                half the decisions are in: requests during the restart fail with an error page,
                each reviewer retries a failed decision up to 20 times, 0.25 s apart.

Usage: tools/desk_load_postgres.py --postgres SERVER_URL [--claimledger .build/release/claimledger]
       [--servers 3] [--reviewers 30] [--decisions 50] [--kill] [--restart PGDIR]
"""
import argparse, json, os, re, subprocess, sys, tempfile, threading, time, urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from desk_load import Browser, article  # noqa: E402


def run(binary, env, *args):
    return subprocess.run([binary, *args], check=True, capture_output=True, text=True, env=env).stdout


def fresh_database(server):
    name = "claimledger_load_%d" % os.getpid()
    parts = urllib.parse.urlsplit(server)
    admin = urllib.parse.urlunsplit(parts._replace(query=""))
    subprocess.run(["psql", admin, "-q", "-c", "DROP DATABASE IF EXISTS %s" % name], check=True, capture_output=True)
    subprocess.run(["psql", admin, "-q", "-c", "CREATE DATABASE %s" % name], check=True, capture_output=True)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def copy_env(work, name):
    env = dict(os.environ)
    env["CLAIMLEDGER_LOCAL_COPY"] = os.path.join(work, name + ".sqlite")
    return env


def serve(binary, db, env):
    proc = subprocess.Popen([binary, "serve", "--db", db, "--port", "0"], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, env=env)
    while True:
        line = proc.stderr.readline()
        if not line: raise SystemExit("server did not start")
        m = re.search(r"desk on (http://127\.0\.0\.1:\d+)/", line)
        if m: return proc, m.group(1)


def fill(binary, db, work, claims_needed):
    paths = []
    for n in range((claims_needed + 99) // 100):
        p = os.path.join(work, "a%03d.txt" % n)
        with open(p, "w") as f: f.write(article(n, 100))
        paths.append(p)
    env = copy_env(work, "fill")
    run(binary, env, "ingest", *paths, "--db", db)
    return [c["id"] for c in json.loads(run(binary, env, "list", "--format", "json", "--db", db))], env


class Tally:
    def __init__(self): self.lock, self.confirmed, self.failed, self.retried, self.done = threading.Lock(), [], [], 0, 0


def reviewer(bases, first, token, claims, tally, retries):
    """Signs in on server `first`; each decision then goes to the next server in turn (as a load
    balancer without sticky sessions sends them), with the session cookie of the first."""
    b = Browser(bases[first])
    try:
        b.sign_in(token)
    except Exception as e:
        with tally.lock: tally.failed += [(c, "sign-in: %s" % type(e).__name__) for c in claims]
        return
    for n, cid in enumerate(claims):
        b.base = bases[(first + n) % len(bases)]
        for attempt in range(retries + 1):
            try:
                status, _ = b.send("/c/%s/decide" % cid, {"csrf": b.csrf, "record": "1", "status": "verified",
                                                          "evidence": "https://load.example/%s" % cid, "expect": "unverified"})
            except OSError as e:
                status = type(e).__name__
            if status == 303 or attempt == retries: break
            with tally.lock: tally.retried += 1
            time.sleep(0.25)
            b.send("/c/%s" % cid)  # a fresh form (and CSRF token), as a reviewer reloading the page
        with tally.lock:
            tally.done += 1
            (tally.confirmed if status == 303 else tally.failed).append((cid, status))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--claimledger", default=".build/release/claimledger")
    p.add_argument("--postgres", required=True)
    p.add_argument("--servers", type=int, default=3)
    p.add_argument("--reviewers", type=int, default=30)
    p.add_argument("--decisions", type=int, default=50)
    p.add_argument("--kill", action="store_true")
    p.add_argument("--restart")
    a = p.parse_args()
    # The servers' local copies and the ledgers' folders go when the run ends.
    with tempfile.TemporaryDirectory(prefix="desk-load-postgres-") as work:
        return load(a, work)


def load(a, work):
    db = fresh_database(a.postgres)
    total = a.reviewers * a.decisions
    claims, env = fill(a.claimledger, db, work, total)
    assert len(claims) >= total, len(claims)
    tokens = [run(a.claimledger, env, "reviewer", "add", "r%02d" % i, "--token-only", "--db", db, "--reviewer", "desk").strip()
              for i in range(a.reviewers)]
    servers = [serve(a.claimledger, db, copy_env(work, "server%d" % k)) for k in range(a.servers)]
    tally = Tally()
    retries = 20 if a.restart else 0
    bases = [base for _, base in servers]
    threads = [threading.Thread(target=reviewer, args=(bases, i % a.servers, tokens[i],
                                                       claims[i * a.decisions:(i + 1) * a.decisions], tally, retries))
               for i in range(a.reviewers)]
    start = time.perf_counter()
    for t in threads: t.start()
    fault = watch_and_fault(a, servers, tally, total)
    for t in threads: t.join()
    wall = time.perf_counter() - start
    for proc, _ in servers:
        if proc.poll() is None: proc.terminate(); proc.wait()
    return report(a, db, env, work, tally, wall, fault)


def watch_and_fault(a, servers, tally, total):
    """Kills the first server, or restarts PostgreSQL, once enough decisions are in."""
    if not a.kill and not a.restart: return None
    at = total // 3 if a.kill else total // 2
    while tally.done < at and any(t.is_alive() for t in threading.enumerate() if t is not threading.current_thread()):
        time.sleep(0.01)
    if a.kill:
        servers[0][0].kill()
        return "server 1 killed (kill -9) after %d decisions" % tally.done
    subprocess.run([os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Scripts", "postgres_start.sh"),
                    "--restart", a.restart], check=True)
    return "PostgreSQL restarted after %d decisions" % tally.done


def report(a, db, env, work, tally, wall, fault):
    log = json.loads(run(a.claimledger, env, "log", "--format", "json", "--db", db))
    changed = [e for e in log if e["kind"] == "status_changed"]
    per_claim = {}
    for e in changed: per_claim.setdefault(e["payload"]["claim_id"], []).append(e["payload"]["reviewer"])
    decided = {k[:n] for k in per_claim for n in {len(c) - 2 for c, _ in tally.confirmed}}  # short IDs are prefixes
    lost = [c for c, _ in tally.confirmed if c[2:] not in decided]
    twice = sum(1 for v in per_claim.values() if len(v) > 1)
    audit = run(a.claimledger, env, "audit", "--db", db).strip()
    copies = [f for f in sorted(os.listdir(work)) if f.startswith("server") and f.endswith(".sqlite")]
    local = [subprocess.run([a.claimledger, "audit", "--search-index", "--db", os.path.join(work, f)],
                            capture_output=True, text=True).stdout.split(":")[0] for f in copies]
    print("%d servers on one PostgreSQL, %d reviewers x %d decisions over HTTP%s: %d confirmed, %d failed%s, %d recorded in %.1f s; "
          "lost %d; claims decided twice %d; audit of the database: %s; local copies: %s"
          % (a.servers, a.reviewers, a.decisions, " (" + fault + ")" if fault else "", len(tally.confirmed), len(tally.failed),
             " (%d retries)" % tally.retried if tally.retried else "", len(changed), wall, len(lost), twice,
             audit.split(":")[0], ", ".join(local)))
    if tally.failed:
        kinds = {}
        for _, status in tally.failed: kinds[str(status)] = kinds.get(str(status), 0) + 1
        print("failed requests by answer: %s" % ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    ok = not lost and twice == 0 and audit.startswith("audit passed") and all(s == "audit passed" for s in local)
    ok = ok and (fault is not None or not tally.failed)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

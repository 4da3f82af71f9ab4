#!/usr/bin/env python3
"""Load on the web review (issue 16), over HTTP on loopback, against `claimledger serve`.

1. 20 reviewers sign in at once and each records 50 decisions (verify, with evidence) on claims of
   their own: 1,000 status_changed entries expected, none lost or duplicated, each under the
   reviewer who made it; then `audit`. Prints the latency of a decision (p50, p99, max).
2. An article page with 200 claims: time of a GET, median of 20, as the server measured it
   (its Server-Timing header) and as the client did (loopback included).
3. With --big LEDGER (e.g. the benchmark's 1M-claim ledger, which this changes: it adds a
   reviewer): the queue's first page, its 11th (ten "Next page" links on), and the first page of
   other filters (among them "mine", with 200 claims given to the reviewer, "nobody is on it", a
   minimum score, doubtful speakers, one article, claims seen before), an article's page, a claim's
   page and one article's report, each median of 20.

Usage: tools/desk_load.py [--claimledger .build/release/claimledger] [--big /tmp/bx/ledger-1000000.sqlite]
"""
import argparse, json, os, re, statistics, subprocess, sys, tempfile, threading, time, urllib.error, urllib.parse, urllib.request


def run(binary, *args):
    return subprocess.run([binary, *args], check=True, capture_output=True, text=True).stdout


class Browser:
    def __init__(self, base):
        self.base, self.cookies, self.csrf = base, {}, None

    def send(self, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        req = urllib.request.Request(self.base + path, data=data, headers={"Cookie": "; ".join("%s=%s" % kv for kv in self.cookies.items())})
        opener = urllib.request.build_opener(NoRedirect)
        try:
            r = opener.open(req)
            status, body, headers = r.status, r.read().decode(), r.headers
        except urllib.error.HTTPError as e:
            status, body, headers = e.code, e.read().decode(), e.headers
        m = re.search(r"dur=([0-9.]+)", headers.get("Server-Timing") or "")
        self.server_ms = float(m.group(1)) if m else float("nan")
        for c in headers.get_all("Set-Cookie") or []:
            k, _, v = c.split(";")[0].partition("=")
            if v: self.cookies[k] = v
            else: self.cookies.pop(k, None)
        m = re.search(r'name="csrf" value="([0-9a-f]+)"', body)
        if m: self.csrf = m.group(1)
        return status, body

    def sign_in(self, token):
        _, page = self.send("/login")
        login = re.search(r'name="login" value="([0-9a-f]+)"', page).group(1)
        status, _ = self.send("/login", {"login": login, "token": token})
        assert status == 303, status
        self.send("/")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None


def serve(binary, db):
    proc = subprocess.Popen([binary, "serve", "--db", db, "--port", "0"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    while True:
        line = proc.stderr.readline()
        if not line: raise SystemExit("server did not start")
        m = re.search(r"desk on (http://127\.0\.0\.1:\d+)/", line)
        if m: return proc, m.group(1)


def article(n, claims):
    lines = ["Title: Load article %d" % n, ""]
    for k in range(claims):
        lines.append('"Exports to market %d rose %d percent in %d," Minister %d of desk %d said on Monday.' % (k, k % 90 + 5, 1990 + k % 30, k % 7, n))
        lines.append("")
    return "\n".join(lines)


def fill(binary, work, articles, claims):
    db = os.path.join(work, "desk.sqlite")
    paths = []
    for n in range(articles):
        p = os.path.join(work, "a%03d.txt" % n)
        with open(p, "w") as f: f.write(article(n, claims))
        paths.append(p)
    run(binary, "ingest", *paths, "--db", db)
    return db


def decisions(binary, work):
    db = fill(binary, work, 11, 100)
    claims = [c["id"] for c in json.loads(run(binary, "list", "--format", "json", "--db", db))]
    assert len(claims) >= 1000, len(claims)
    tokens = [run(binary, "reviewer", "add", "r%02d" % i, "--token-only", "--db", db, "--reviewer", "desk").strip() for i in range(20)]
    proc, base = serve(binary, db)
    latencies, failures, lock = [], [], threading.Lock()

    def reviewer(i):
        b = Browser(base)
        b.sign_in(tokens[i])
        for cid in claims[i * 50:(i + 1) * 50]:
            t = time.perf_counter()
            status, _ = b.send("/c/%s/decide" % cid, {"csrf": b.csrf, "record": "1", "status": "verified", "evidence": "https://load.example/%s" % cid, "expect": "unverified"})
            with lock:
                latencies.append(time.perf_counter() - t)
                if status != 303: failures.append((cid, status))

    threads = [threading.Thread(target=reviewer, args=(i,)) for i in range(20)]
    start = time.perf_counter()
    for t in threads: t.start()
    for t in threads: t.join()
    wall = time.perf_counter() - start
    proc.terminate(); proc.wait()
    log = json.loads(run(binary, "log", "--format", "json", "--db", db))
    changed = [e for e in log if e["kind"] == "status_changed"]
    per_claim = {}
    for e in changed: per_claim.setdefault(e["payload"]["claim_id"], []).append(e["payload"]["reviewer"])
    audit = run(binary, "audit", "--db", db).strip()
    lat = sorted(latencies)
    print("20 reviewers x 50 decisions over HTTP: %d entries recorded in %.1f s (%.0f/s); failures %d; claims decided twice %d; audit: %s"
          % (len(changed), wall, len(changed) / wall, len(failures), sum(1 for v in per_claim.values() if len(v) > 1), audit.split(":")[0]))
    print("decision latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (1000 * statistics.median(lat), 1000 * lat[int(0.99 * (len(lat) - 1))], 1000 * lat[-1]))
    ok = len(changed) == 1000 and not failures and all(len(v) == 1 for v in per_claim.values()) and audit.startswith("audit passed")
    return ok


def timed_pages(binary, db, pages, assigned=0):
    """pages: (label, function of the signed-in Browser giving the path to GET). `assigned`: give
    that many claims of the queue's first pages to the reviewer first (their "mine")."""
    name = "load%d" % os.getpid()
    token = run(binary, "reviewer", "add", name, "--token-only", "--db", db, "--reviewer", "desk").strip()
    if assigned:
        ids = [c["id"] for c in json.loads(run(binary, "list", "--sort", "score", "--limit", str(assigned), "--format", "json", "--db", db))]
        run(binary, "assign", *ids, "--to", name, "--db", db, "--reviewer", "desk")
    proc, base = serve(binary, db)
    try:
        b = Browser(base)
        b.sign_in(token)
        for label, path_of in pages:
            path = path_of(b)
            client, server = [], []
            for _ in range(20):
                t = time.perf_counter(); status, body = b.send(path); client.append(time.perf_counter() - t)
                assert status == 200, (status, label, re.findall(r'class="error"[^>]*>([^<]*)', body)[:1])
                server.append(b.server_ms)
            print("%s: server %.1f ms median, %.1f max; client %.1f ms median (20 GETs over loopback)"
                  % (label, statistics.median(server), max(server), 1000 * statistics.median(client)))
    finally:
        proc.terminate(); proc.wait()


def first_source(binary, db):
    return json.loads(run(binary, "list", "--limit", "1", "--format", "json", "--db", db))[0]["source"]


def first_claim(binary, db):
    return json.loads(run(binary, "list", "--limit", "1", "--format", "json", "--db", db))[0]["id"]


def page_after(b, path, nexts):
    """The path of the page `nexts` "Next page" links after `path`."""
    for _ in range(nexts):
        _, body = b.send(path)
        path = re.search(r'<a href="([^"]+)" rel="next">', body).group(1).replace("&amp;", "&")
    return path


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--claimledger", default=".build/release/claimledger")
    p.add_argument("--big")
    a = p.parse_args()
    # Both ledgers live in folders removed at the end, whatever happens.
    with tempfile.TemporaryDirectory(prefix="desk-load-") as work, tempfile.TemporaryDirectory(prefix="desk-load-") as work200:
        return measure(a, work, work200)


def measure(a, work, work200):
    ok = decisions(a.claimledger, work)
    db200 = fill(a.claimledger, work200, 1, 200)
    source = json.loads(run(a.claimledger, "sources", "--format", "json", "--db", db200))[0]["id"]
    n = len(json.loads(run(a.claimledger, "list", "--status", "unverified", "--format", "json", "--db", db200)))
    timed_pages(a.claimledger, db200, [("article page with %d claims" % n, lambda b: "/s/" + source)])
    if a.big:
        name = os.path.basename(a.big)
        timed_pages(a.claimledger, a.big, [
            ("queue, first page, on %s" % name, lambda b: "/"),
            ("queue, 11th page", lambda b: page_after(b, "/", 10)),
            ("queue of verified claims, first page", lambda b: "/?status=verified"),
            ("queue of every status, first page", lambda b: "/?status=all"),
            ("queue of claims (kind), first page", lambda b: "/?kind=claim"),
            ("queue of my claims (on=mine), first page", lambda b: "/?status=all&on=mine"),
            ("queue of claims nobody is on (on=nobody), first page", lambda b: "/?on=nobody"),
            ("queue with a minimum score (min=0.9), first page", lambda b: "/?min=0.9"),
            ("queue of doubtful speakers (conf=0.7), first page", lambda b: "/?status=all&conf=0.7"),
            ("queue of one article (source=), first page", lambda b: "/?status=all&source=" + first_source(a.claimledger, a.big)),
            ("queue of claims seen before (seen=any), first page", lambda b: "/?status=all&seen=any"),
            ("queue of claims seen before as verified (seen=verified), first page", lambda b: "/?status=all&seen=verified"),
            ("article page of one article", lambda b: "/s/" + first_source(a.claimledger, a.big)),
            ("claim page", lambda b: "/c/" + first_claim(a.claimledger, a.big)),
            ("report of one article (CSV)", lambda b: "/report.csv?source=" + first_source(a.claimledger, a.big)),
            ("report page", lambda b: "/reports"),
        ], assigned=200)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Kill `claimledger serve` (SIGKILL) while reviewers' decisions are in flight, and count how many
decisions the desk acknowledged (answered 303) that the ledger does not hold afterwards.

    tools/serve_kill_probe.py CLAIMLEDGER LEDGER TOKEN [--kills N] [--seed S]

LEDGER must hold unverified claims and TOKEN sign a reviewer in. Each round starts `serve` on a
free port, signs in, records "verified" on unverified claims (up to 40 each) one after another from
two reviewers' sessions at once, and kills the server's whole process group after a random delay. Afterwards
every acknowledged decision must be in the ledger and `audit` must pass. Prints one line:
"serve-kill: KEPT/ACKNOWLEDGED acknowledged decisions kept over N kills" and exits 0 only when
nothing acknowledged was lost. Python standard library only.
"""
import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse


class Reviewer:
    """One browser: its cookies and the latest CSRF token a page gave it."""

    def __init__(self, port):
        self.port, self.cookies, self.csrf = port, {}, None

    def send(self, method, path, form=None, extra=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        headers.update(extra or {})
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
                if not self.cookies[name]:
                    del self.cookies[name]
        found = re.search(r'name="csrf" value="([^"]+)"', text)
        if found:
            self.csrf = found.group(1)
        connection.close()
        return response.status, text

    def sign_in(self, token, extra=None):
        """True when the token signed in; see `status` for the answer's code."""
        _, page = self.send("GET", "/login", extra=extra)
        login = re.search(r'name="login" value="([^"]+)"', page).group(1)
        self.status, _ = self.send("POST", "/login", [("login", login), ("token", token)], extra=extra)
        return self.status == 303


def start_server(binary, ledger, *options):
    server = subprocess.Popen([binary, "serve", "--db", ledger, "--port", "0", *options], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, start_new_session=True)
    line, port = "", None
    while port is None:
        line = server.stderr.readline()
        port = re.search(r"desk on http://[^ ]*:(\d+)/", line)
        if not line:
            break
    if not port:
        server.kill()
        raise SystemExit(f"serve-kill: the desk did not start: {line.strip()}")
    # The server's log goes on; read it so a full pipe never stalls the server.
    threading.Thread(target=server.stderr.read, daemon=True).start()
    return server, int(port.group(1))


def unverified(binary, ledger):
    listed = subprocess.run([binary, "list", "--db", ledger, "--status", "unverified", "--format", "json"],
                            capture_output=True, text=True, check=True)
    return [claim["id"] for claim in json.loads(listed.stdout)]


def decide(reviewer, claims, acknowledged, lock):
    """Records "verified" on each claim until the server goes; notes each one answered 303."""
    for claim in claims:
        try:
            reviewer.send("GET", f"/c/{claim}")
            status, _ = reviewer.send("POST", f"/c/{claim}/decide", [
                ("record", "1"), ("status", "verified"), ("expect", "unverified"),
                ("evidence", "https://probe.example/" + claim), ("csrf", reviewer.csrf or "")])
        except (OSError, http.client.HTTPException):
            return
        if status == 303:
            with lock:
                acknowledged.add(claim)


def one_round(binary, ledger, token, rng, acknowledged):
    claims = unverified(binary, ledger)[:80]      # 40 per reviewer: a round uses at most 80 claims
    before = len(acknowledged)
    if len(claims) < 8:
        raise SystemExit("serve-kill: the ledger ran out of unverified claims; give a larger one")
    server, port = start_server(binary, ledger)
    reviewers = [Reviewer(port), Reviewer(port)]
    if not all(r.sign_in(token) for r in reviewers):
        server.kill()
        raise SystemExit("serve-kill: the token did not sign in")
    lock = threading.Lock()
    half = len(claims) // 2
    threads = [threading.Thread(target=decide, args=(r, part, acknowledged, lock))
               for r, part in zip(reviewers, [claims[:half], claims[half:]])]
    for t in threads:
        t.start()
    # The random delay runs from the first acknowledged decision (a slow machine still gets some).
    waited = 0.0
    def none_yet():
        with lock:
            return len(acknowledged) == before
    while none_yet() and waited < 30 and any(t.is_alive() for t in threads):
        time.sleep(0.01)
        waited += 0.01
    time.sleep(rng.uniform(0.0, 0.8))
    os.killpg(server.pid, signal.SIGKILL)
    server.wait()
    for t in threads:
        t.join()


def main(argv):
    if len(argv) < 4:
        print(__doc__)
        return 2
    binary, ledger, token = argv[1:4]
    kills = int(argv[argv.index("--kills") + 1]) if "--kills" in argv else 5
    rng = random.Random(int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 20261202)
    acknowledged = set()
    for _ in range(kills):
        one_round(binary, ledger, token, rng, acknowledged)
    still = set(unverified(binary, ledger))
    kept = len(acknowledged - still)
    audit = subprocess.run([binary, "audit", "--db", ledger], capture_output=True, text=True)
    suffix = "" if audit.returncode == 0 else f"; audit FAILED: {audit.stderr.strip()}"
    print(f"serve-kill: {kept}/{len(acknowledged)} acknowledged decisions kept over {kills} kills{suffix}")
    return 0 if kept == len(acknowledged) and acknowledged and audit.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

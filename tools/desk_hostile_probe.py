#!/usr/bin/env python3
"""The desk's hostile-world cases (issue 30, items 1-3 and 5) against a running `claimledger serve`,
over real sockets, for Scripts/reliability.sh.

    tools/desk_hostile_probe.py CLAIMLEDGER LEDGER TOKEN

LEDGER must hold an unverified claim and TOKEN sign a reviewer in. Starts `serve` on a free port and
checks, each case counted once:
- a right token signs in after 60 wrong ones from the same address (no lock-out);
- behind a trusted proxy, clients are told apart by X-Forwarded-For: one client's wrong tokens
  are answered 429, another's 401, and the first client's right token signs in;
- a form body with a boundary longer than RFC 2046's 70 characters records nothing;
- a form body sent without a session is refused and records nothing;
- a page answers while another process holds the ledger's write lock;
- requests the HTTP parser rejects get a 400 that carries the security headers;
- an uploaded article that overruns its analysis budget is refused, and its analysis stops.
Prints "desk-hostile: OK/TOTAL ..." and exits 0 only when every case held (PROBE_VERBOSE=1 also
prints the overrun case's CPU figures). Standard library only.
"""
import os
import resource
import re
import signal
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from migration_kill_probe import entries  # noqa: E402
from serve_kill_probe import Reviewer, start_server, unverified  # noqa: E402


def raw(port, request, timeout=10):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(request)
        answer = b""
        try:
            while chunk := s.recv(4096):
                answer += chunk
        except socket.timeout:
            pass
    return answer.decode("latin-1")


def no_lockout(port, token, ledger, claim):
    stranger = Reviewer(port)
    for _ in range(60):
        stranger.sign_in("clr_" + "0" * 64)
    return Reviewer(port).sign_in(token)


def proxy_clients_apart(port, token, ledger, claim):
    """Behind the trusted proxy (main starts serve with --trusted-proxy 127.0.0.1) each client is
    its X-Forwarded-For address: one client's wrong tokens slow only that client, and its right
    token still signs in."""
    noisy, other = {"X-Forwarded-For": "203.0.113.7"}, {"X-Forwarded-For": "198.51.100.9"}
    statuses = []
    for _ in range(8):
        attempt = Reviewer(port)
        attempt.sign_in("clr_" + "1" * 64, extra=noisy)
        statuses.append(attempt.status)
    bystander = Reviewer(port)
    bystander.sign_in("clr_" + "2" * 64, extra=other)
    return 429 in statuses and bystander.status == 401 and Reviewer(port).sign_in(token, extra=noisy)


def long_boundary(port, token, ledger, claim):
    reviewer = Reviewer(port)
    reviewer.sign_in(token)
    reviewer.send("GET", f"/c/{claim}")
    before, boundary = entries(ledger), "b" * 8000
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhello\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{reviewer.csrf}\r\n--{boundary}--\r\n")
    request = (f"POST /c/{claim}/note HTTP/1.1\r\nHost: x\r\nCookie: "
               + "; ".join(f"{k}={v}" for k, v in reviewer.cookies.items())
               + f"\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {len(body)}\r\n"
               + "Connection: close\r\n\r\n" + body)
    answer = raw(port, request.encode())
    return answer.startswith("HTTP/1.1 ") and entries(ledger) == before


def body_without_session(port, token, ledger, claim):
    before = entries(ledger)
    status, _ = Reviewer(port).send("POST", f"/c/{claim}/decide", [("record", "1"), ("status", "verified"),
                                                                   ("evidence", "x" * 200_000)])
    return status in (303, 401, 403, 413) and entries(ledger) == before


def page_while_locked(port, token, ledger, claim):
    reviewer = Reviewer(port)
    reviewer.sign_in(token)
    holder = subprocess.Popen(["sqlite3", ledger], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    holder.stdin.write("BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS lock_probe(x); SELECT 'locked';\n")
    holder.stdin.flush()
    holder.stdout.readline()
    try:
        status, page = reviewer.send("GET", "/")
        return status == 200 and "claim" in page.lower()
    finally:
        holder.stdin.write("ROLLBACK;\n")
        holder.stdin.close()
        holder.wait()


def cpu_seconds(pid):
    """User and system CPU time of a process so far (Linux /proc)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def analysis_seconds(binary, text):
    """CPU seconds `claimledger extract` takes on `text` (the whole analysis, never cancelled)."""
    path = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"overrun-slice-{os.getpid()}.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([binary, "extract", path, "--format", "json"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    os.remove(path)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def cpu_until_idle(pid, limit=300):
    """CPU seconds a process uses from now until it idles (two half-seconds under 0.05 s each)."""
    start, quiet, waited = cpu_seconds(pid), 0, 0.0
    while quiet < 2 and waited < limit:
        before = cpu_seconds(pid)
        time.sleep(0.5)
        waited += 0.5
        quiet = quiet + 1 if cpu_seconds(pid) - before < 0.05 else 0
    return cpu_seconds(pid) - start


def overrun_cancelled(port, token, ledger, claim, server_pid, binary):
    """An article over its analysis budget (CLAIMLEDGER_ARTICLE_SECONDS=0.2, set by main; about
    9.5 MB of quotes) is refused, and its analysis stops: after the answer the server uses less than
    a third of what analysing the whole article takes (estimated from a tenth of it: the analysis
    is linear). Uncancelled, it would use all of it."""
    reviewer = Reviewer(port)
    reviewer.sign_in(token)
    reviewer.send("GET", "/ingest")
    paragraph = "\"Exports rose {n} percent,\" Minister Ana Lopes said. She said \"it will never happen again.\"\n\n"
    article = "title: Overrun\n\n" + "".join(paragraph.format(n=n) for n in range(100000))
    whole = 10 * analysis_seconds(binary, "title: Overrun\n\n" + "".join(paragraph.format(n=n) for n in range(10000)))
    boundary = "----probe"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{reviewer.csrf}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
            f"Content-Type: text/plain\r\n\r\n{article}\r\n--{boundary}--\r\n").encode()
    request = (f"POST /ingest HTTP/1.1\r\nHost: x\r\nCookie: " + "; ".join(f"{k}={v}" for k, v in reviewer.cookies.items())
               + f"\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {len(body)}\r\n"
               + "Connection: close\r\n\r\n").encode() + body
    before = entries(ledger)
    answer = raw(port, request, timeout=120)
    if "took too long" not in answer or entries(ledger) != before:
        print(f"  desk-hostile: overrun answered {answer[:300]!r}")
        return False
    burnt = cpu_until_idle(server_pid)
    if burnt >= whole / 3 or os.environ.get("PROBE_VERBOSE"):
        print(f"  desk-hostile: after the overrun the server used {burnt:.2f} s of CPU; the whole analysis takes {whole:.2f} s")
    return burnt < whole / 3


def bare_answers_secured(port, token, ledger, claim):
    for request in [b"NOT HTTP AT ALL\r\n\r\n", b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"]:
        answer = raw(port, request).lower()
        if not (answer.startswith("http/1.1 400") and "content-security-policy: default-src 'none'" in answer
                and "x-content-type-options: nosniff" in answer):
            return False
    return True


def main(argv):
    if len(argv) < 4:
        print(__doc__)
        return 2
    binary, ledger, token = argv[1:4]
    claim = unverified(binary, ledger)[0]
    os.environ["CLAIMLEDGER_ARTICLE_SECONDS"] = "0.2"
    server, port = start_server(binary, ledger, "--trusted-proxy", "127.0.0.1")
    cases = [no_lockout, proxy_clients_apart, long_boundary, body_without_session, page_while_locked, bare_answers_secured,
             overrun_cancelled]
    held = 0
    try:
        for case in cases:
            try:
                ok = (case(port, token, ledger, claim, server.pid, binary) if case is overrun_cancelled
                      else case(port, token, ledger, claim))
            except (OSError, ValueError) as error:
                ok, error_text = False, str(error)
                print(f"  desk-hostile: {case.__name__}: {error_text}")
            if not ok:
                print(f"  desk-hostile case failed: {case.__name__}")
            held += bool(ok)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
    audit = subprocess.run([binary, "audit", "--db", ledger], capture_output=True, text=True)
    print(f"desk-hostile: {held}/{len(cases)} sign-in, bodies, locks, bare answers and overruns held"
          + ("" if audit.returncode == 0 else "; audit FAILED"))
    return 0 if held == len(cases) and audit.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

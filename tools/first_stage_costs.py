#!/usr/bin/env python3
"""What the first stage of matching costs, and two ways around it that were measured and not kept.

The first stage of "seen before" (Schema/q_ledger.sql, index_candidates) asks FTS5 for the 50 claims
with the best BM25 over the search's words, taken rarest first up to 8,000 postings
(LedgerSearch/MatchPlan.swift). This script times that query against two alternatives on a
ledger's search index, on searches made from the ledger's own claims (their distinctive words,
budgeted as MatchPlan does; an approximation of MatchPlan's words, close enough for costs):

  plain      the query as claimledger runs it;
  maxscore   exact pruning: the best 50 among claims holding the rarest words give a floor, and
             claims holding none of the words whose BM25 could reach it are never scored
             (`+rowid IN (...)`, so FTS5 does not run the match once per rowid);
  prefilter  each word's claims summed by its IDF in SQL (UNION ALL, GROUP BY), then BM25 on the best
             200 of them only (approximate: the best 50 can differ).

It prints seconds for each and how many searches give the same 50 as `plain`.
Usage: python3 tools/first_stage_costs.py LEDGER.sqlite [--searches 300] [--seed 2]
Only reads LEDGER (run it on a copy if a claimledger process may be writing it).
"""
import argparse, json, math, random, re, sqlite3, time

PLAIN = ("SELECT rowid, bm25(claim_index, 1.0, 1.0, 1.0) s FROM claim_index "
         "WHERE claim_index MATCH ? AND rowid < ? ORDER BY s LIMIT 50")
SUBSET = ("SELECT rowid, bm25(claim_index, 1.0, 1.0, 1.0) s FROM claim_index "
          "WHERE claim_index MATCH ? AND rowid < ? AND +rowid IN (SELECT value FROM json_each(?)) ORDER BY s LIMIT 50")
RESTRICTED = ("SELECT rowid, bm25(claim_index, 1.0, 1.0, 1.0) s FROM claim_index WHERE claim_index MATCH ? "
              "AND rowid < ? AND +rowid IN (SELECT rowid FROM claim_index WHERE claim_index MATCH ?) ORDER BY s LIMIT 50")
STOP = set("the a an of to and in on for is was that this it with as by at be are were from has have had not "
           "but or he she they we i you his her their our its said".split())


def fts(words):
    return " OR ".join('"%s"' % w for w, _ in words)


def searches(db, n, seed):
    rows = db.execute("SELECT rowid, body, speaker FROM claim_index").fetchall()
    counts = {}

    def count(w):
        if w not in counts:
            counts[w] = db.execute("SELECT count(*) FROM claim_index WHERE claim_index MATCH ?", ('"%s"' % w,)).fetchone()[0]
        return counts[w]

    random.seed(seed)
    out = []
    for seq, body, speaker in random.sample(rows, min(n, len(rows))):
        words = dict.fromkeys(w for w in re.findall(r"[a-z0-9]+", (body + " " + (speaker or "")).lower()) if w not in STOP)
        held = sorted(((w, count(w)) for w in words if count(w) > 0), key=lambda x: (x[1], x[0]))
        chosen, total = [], 0
        for w, c in held:
            if not chosen or total + c <= 8000:
                chosen.append((w, c))
                total += c
        if chosen:
            out.append((seq, chosen))
    return out, len(rows)


def maxscore(db, seq, words, n_rows):
    bound = [2.2 * max(1e-6, math.log((n_rows - c + 0.5) / (c + 0.5))) for _, c in words]
    rare, total = [], 0
    for w, c in words:
        if not rare or total + c <= 300:
            rare.append((w, c))
            total += c
    if len(rare) < len(words):
        first = db.execute(RESTRICTED, (fts(words), seq, fts(rare))).fetchall()
        if len(first) == 50:
            floor, k, tail = -first[-1][1], len(words), 0.0
            while k > 0 and tail + bound[k - 1] < floor:
                tail += bound[k - 1]
                k -= 1
            if k < len(words):
                return db.execute(RESTRICTED, (fts(words), seq, fts(words[:k]))).fetchall()
    return db.execute(PLAIN, (fts(words), seq)).fetchall()


def prefilter(db, seq, words, n_rows):
    parts, args = [], []
    for w, c in words:
        parts.append("SELECT rowid r, ? w FROM claim_index WHERE claim_index MATCH ? AND rowid < ?")
        args += [max(1e-6, math.log((n_rows - c + 0.5) / (c + 0.5))), '"%s"' % w, seq]
    best = db.execute("SELECT r, sum(w) s FROM (" + " UNION ALL ".join(parts) + ") GROUP BY r ORDER BY s DESC LIMIT 200",
                      args).fetchall()
    return db.execute(SUBSET, (fts(words), seq, json.dumps([r for r, _ in best]))).fetchall()


def main():
    a = argparse.ArgumentParser()
    a.add_argument("ledger")
    a.add_argument("--searches", type=int, default=300)
    a.add_argument("--seed", type=int, default=2)
    args = a.parse_args()
    db = sqlite3.connect("file:%s?mode=ro" % args.ledger, uri=True)
    work, n_rows = searches(db, args.searches, args.seed)
    print("%d searches over %d index rows, %.0f postings a search on average" % (
        len(work), n_rows, sum(sum(c for _, c in w) for _, w in work) / max(1, len(work))))
    plain = None
    for name, run in (("plain", lambda s, w: db.execute(PLAIN, (fts(w), s)).fetchall()),
                      ("maxscore", lambda s, w: maxscore(db, s, w, n_rows)),
                      ("prefilter", lambda s, w: prefilter(db, s, w, n_rows))):
        start = time.time()
        found = [run(s, w) for s, w in work]
        took = time.time() - start
        plain = plain or found
        same = sum(1 for x, y in zip(plain, found) if x == y)
        print("%-10s %.3f s (%.2f ms a search), the same 50 as plain: %d of %d" % (
            name, took, 1000 * took / max(1, len(work)), same, len(work)))


if __name__ == "__main__":
    main()

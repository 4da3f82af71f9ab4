#!/usr/bin/env python3
"""Train the "seen before" decision (Sources/ClaimMatching/SeenBeforeModel.swift).

Data: CLEF CheckThat! 2022 task 2A (English) train and dev query-claim pairs, from a checkout of
the public repository Alihoe/CLEFCheckThat2aSimBa (never committed: no licence; its test queries are
never read). Each query's top five results from `claimledger similar`, with the query's verified
claims as the positives and the other results as hard negatives, are written by
  python3 tools/checkthat_map.py --data CHECKOUT --split train --pairs train.jsonl
  python3 tools/checkthat_map.py --data CHECKOUT --split dev --pairs dev.jsonl
Every query counts twice: as ranked, and without its verified claims (re-ranked), as in a ledger
that never checked it, where the best result is a hard negative. Features (computed by claimledger itself): similarity, containment, a shared clause, shared and
shorter word counts, whether the result ranks first, its relevance against the first result's, and
its lead over the next result. Model: logistic regression (scikit-learn 1.5.2, lbfgs, C=1, fixed
seed). The threshold is the lowest whose precision on train reaches 0.92; dev is scored once.

With --claims, also how often a distinct claim would be flagged: verified claims drawn at random, each
searched for among the others without its own text (claim against claim, as one article's claim
against another's; every result is a different fact-check, bar a few reviewed twice in other words),
written by
  python3 tools/checkthat_map.py --data CHECKOUT --claims-against-claims 3000 --pairs claims.jsonl
They are only scored, never trained on (as negatives they taught the model that being more alike
counts against, and an identical wire copy fell under the threshold).

Usage: python tools/train/seen_before.py --train train.jsonl --dev dev.jsonl [--claims claims.jsonl]
Writes the Swift model and Tests/ClaimMatchingTests/Oracle/seen_before_oracle.json.
"""
import argparse, collections, json, os, random

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = 20261202
NAMES = ["similarity", "containment", "sharesClause", "sharedWords", "shorterWords", "first", "relevanceShare", "lead"]


def features(r, top, following):
    """The same figures as `SeenBeforeModel.features` in Swift."""
    top = top if top > 0 else 1e-9
    return [r["similarity"], r["containment"], float(r["shares_clause"]), min(r["shared_words"], 10) / 10,
            min(r["shorter_words"], 20) / 20, float(r["rank"] == 1), r["relevance"] / top, (r["relevance"] - following) / top]


CLAUSE_WORDS = 4


def load(path):
    """Each query's results as `similar` ranked them, and the same results without the query's
    verified claims, ranked again: a ledger where the claim was never checked (there the best
    result is only the least unlike, and must not count as seen before)."""
    by_query = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        by_query[r["query"]].append(r)
    x, y, queries, clause = [], [], [], []
    for query, rows in by_query.items():
        rows.sort(key=lambda r: r["rank"])
        unseen = [dict(r, rank=k + 1) for k, r in enumerate(r for r in rows if not r["right"])]
        for name, group in ((query, rows), (query + "/unseen", unseen)):
            for i, r in enumerate(group):
                x.append(features(r, group[0]["relevance"], group[i + 1]["relevance"] if i + 1 < len(group) else 0.0))
                y.append(int(r["right"]))
                queries.append(name)
                clause.append(r["clause_words"] >= CLAUSE_WORDS and r["rank"] == 1)
    return np.array(x), np.array(y), queries, np.array(clause)


def flagged_claims(path, model, threshold):
    """Of the claims searched among the others, the share with a result flagged as seen before (as
    claimledger decides), and how many were searched."""
    by_query = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        by_query[r["query"]].append(r)
    flagged = 0
    for rows in by_query.values():
        rows.sort(key=lambda r: r["rank"])
        x = np.array([features(r, rows[0]["relevance"], rows[i + 1]["relevance"] if i + 1 < len(rows) else 0.0)
                      for i, r in enumerate(rows)])
        clause = np.array([r["clause_words"] >= CLAUSE_WORDS and r["rank"] == 1 for r in rows])
        guard = (np.rint(x[:, 3] * 10) >= 2) & (np.rint(x[:, 4] * 20) >= 3)
        flagged += bool((guard & ((model.predict_proba(x)[:, 1] >= threshold) | clause)).any())
    return flagged / max(1, len(by_query)), len(by_query)


def figures(p, y, queries, t):
    """Precision over every flagged result (the unseen groups included); recall over the queries
    that have a verified claim."""
    flagged = p >= t
    precision = y[flagged].sum() / max(1, flagged.sum())
    found = len({q for q, f, right in zip(queries, flagged, y) if f and right})
    return precision, found / len({q for q in queries if not q.endswith("/unseen")})


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--train", required=True)
    a.add_argument("--dev", required=True)
    a.add_argument("--claims", help="claims against claims (checkthat_map.py --claims-against-claims), only scored")
    args = a.parse_args()
    xt, yt, qt, ct = load(args.train)
    xd, yd, qd, cd = load(args.dev)
    model = LogisticRegression(C=1.0, max_iter=2000, random_state=SEED).fit(xt, yt)
    pt, pd = model.predict_proba(xt)[:, 1], model.predict_proba(xd)[:, 1]
    threshold = min(t for t in np.arange(0.30, 0.96, 0.01) if figures(pt, yt, qt, t)[0] >= 0.92)
    print("threshold %.2f: train precision %.3f recall %.3f | dev precision %.3f recall %.3f"
          % ((threshold,) + figures(pt, yt, qt, threshold) + figures(pd, yd, qd, threshold)))
    # As claimledger decides: the model, or a shared clause of at least CLAUSE_WORDS distinctive words
    # in the first result (the smallest that keeps train's precision at 0.90); never on fewer than
    # two shared words or a text of fewer than three.
    for name, x, y, q, p, c in (("train", xt, yt, qt, pt, ct), ("dev", xd, yd, qd, pd, cd)):
        guard = (np.rint(x[:, 3] * 10) >= 2) & (np.rint(x[:, 4] * 20) >= 3)
        flagged = guard & ((p >= threshold) | c)
        found = len({qq for qq, f, right in zip(q, flagged, y) if f and right})
        queries = len({qq for qq in q if not qq.endswith("/unseen")})
        print("%s, as claimledger decides: precision %.3f recall %.3f" % (name, y[flagged].sum() / max(1, flagged.sum()), found / queries))
    if args.claims:
        print("claims against claims: %.3f of %d distinct claims would be flagged as seen before another"
              % flagged_claims(args.claims, model, threshold))
    weights = ",\n        ".join("%r" % float(w) for w in model.coef_[0])
    path = os.path.join(ROOT, "Sources/ClaimMatching/SeenBeforeModel.swift")
    with open(path, "w", encoding="utf-8") as f:
        f.write("// Generated by tools/train/seen_before.py (scikit-learn logistic regression, seed %d) from CLEF\n"
                "// CheckThat! 2022 2A train query-claim pairs (%d). Do not edit by hand.\n"
                "extension SeenBeforeModel {\n    /// Weights of %s, in that order.\n"
                "    static let weights: [Double] = [\n        %s,\n    ]\n    static let bias = %r\n"
                "    /// From this probability on, a match is \"seen before\".\n    public static let threshold = %r\n}\n"
                % (SEED, len(yt), ", ".join(NAMES), weights, float(model.intercept_[0]), round(float(threshold), 2)))
    rng = random.Random(SEED)
    sample = [[rng.random(), rng.random(), float(rng.random() < 0.3), rng.randint(0, 10) / 10, rng.randint(0, 20) / 20,
               float(rng.random() < 0.5), rng.random(), rng.random() * 0.5] for _ in range(50)]
    oracle = os.path.join(ROOT, "Tests/ClaimMatchingTests/Oracle/seen_before_oracle.json")
    os.makedirs(os.path.dirname(oracle), exist_ok=True)
    with open(oracle, "w", encoding="utf-8") as f:
        json.dump([{"features": s, "probability": float(p)} for s, p in zip(sample, model.predict_proba(np.array(sample))[:, 1])], f, indent=1)
    print("wrote", path, "and", oracle)


if __name__ == "__main__":
    main()

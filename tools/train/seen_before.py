#!/usr/bin/env python3
"""Train the "seen before" decision (Sources/ClaimMatching/SeenBeforeModel.swift).

Data: CLEF CheckThat! 2022 task 2A (English) train and dev query-claim pairs, from a checkout of
the public repository Alihoe/CLEFCheckThat2aSimBa (never committed: no licence; its test queries are
never read). Each query's top five results from `claimledger similar`, with the query's verified
claims as the positives and the other results as hard negatives, are written by
  python3 tools/checkthat_map.py --data CHECKOUT --split train --pairs train.jsonl
  python3 tools/checkthat_map.py --data CHECKOUT --split dev --pairs dev.jsonl
Every query counts twice: as ranked, and without its verified claims (re-ranked), as in a ledger
that never checked it, where the best result is a hard negative. Claims against claims, as one
article's claim against another's: 3,000 of the verified claims drawn at random, each searched for
among the others (its own text left out), every result a negative (distinct fact-checks, "Koalas are
functionally extinct" against "A photograph shows a koala being treated"; a few are the same claim
reviewed twice in other words, so this is a little noisy), written by
  python3 tools/checkthat_map.py --data CHECKOUT --claims-against-claims 3000 --pairs claims.jsonl
A fifth of them (by a hash of the claim's URL) are held out; the rest join train with a weight.
News claims against news claims (tools/news_pairs.py: PolNeAR articles, results under 60% alike, all
negatives) are not trained on: with --news the share of them flagged is reported, with and without
the floor an article's sentence must reach (ARTICLE_SIMILARITY, chosen by reading stored matches).

Features (computed by claimledger itself): similarity, containment, a shared clause, shared and
shorter word counts, whether the result ranks first, its relevance against the first result's, and
its lead over the next result with another text. Model: logistic regression (L2, C=1, the log loss
minimised by scipy's L-BFGS-B) whose weights for how alike the two are (similarity, containment, words in
common) may not be negative: being more alike never counts against a match (unconstrained, the
distinct claims taught it that similarity does, and an identical text in second place fell to 0.07).
Besides the model, a text at least SAME_TEXT alike is the same text (a wire copy), seen before at any
place. The threshold is the lowest whose precision on train's tweets reaches 0.92. The claims'
weight is the one (of 0 to 10) that maximises train's recall minus the share of train's claims that
would be flagged (a repeat missed and a distinct claim flagged cost the same); dev and the held-out
claims are scored once.

Usage: python tools/train/seen_before.py --train train.jsonl --dev dev.jsonl --claims claims.jsonl \
       [--news news.jsonl news-dev.jsonl]
Writes the Swift model and Tests/ClaimMatchingTests/Oracle/seen_before_oracle.json.
"""
import argparse, collections, json, os, random, zlib

import numpy as np
from scipy.optimize import minimize

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = 20261202
NAMES = ["similarity", "containment", "sharesClause", "sharedWords", "shorterWords", "first", "relevanceShare", "lead"]


def features(r, top, following):
    """The same figures as `SeenBeforeModel.features` in Swift."""
    top = top if top > 0 else 1e-9
    return [r["similarity"], r["containment"], float(r["shares_clause"]), min(r["shared_words"], 10) / 10,
            min(r["shorter_words"], 20) / 20, float(r["rank"] == 1), r["relevance"] / top, (r["relevance"] - following) / top]


def following(group, i):
    """The relevance of the next result with another text (copies of one text are one result to
    the lead: `CandidateSearch.placed` in Swift, which compares the indexed words where the pairs
    file has the texts), 0 when there is none."""
    return next((r["relevance"] for r in group[i + 1:] if r["text"] != group[i]["text"]), 0.0)


CLAUSE_WORDS = 4
SAME_TEXT = 0.95
# `SeenBeforeModel.articleSimilarity`: chosen by reading stored news matches (its comment there).
ARTICLE_SIMILARITY = 0.5
# Similarity, containment and shared words: their weights are kept at zero or above.
NOT_NEGATIVE = (0, 1, 3)


class Regression:
    """L2-regularised logistic regression (C=1, intercept unpenalised) with some weights kept at
    zero or above, fitted by scipy's L-BFGS-B from zeros (deterministic)."""

    def __init__(self, x, y, sample_weight, c=1.0):
        n = x.shape[1]

        def loss(theta):
            z = x @ theta[:n] + theta[n]
            g = c * sample_weight * (1 / (1 + np.exp(-z)) - y)
            value = c * np.sum(sample_weight * (np.logaddexp(0, z) - y * z)) + 0.5 * theta[:n] @ theta[:n]
            return value, np.concatenate([x.T @ g + theta[:n], [g.sum()]])

        bounds = [(0, None) if i in NOT_NEGATIVE else (None, None) for i in range(n)] + [(None, None)]
        theta = minimize(loss, np.zeros(n + 1), jac=True, method="L-BFGS-B", bounds=bounds,
                         options=dict(maxiter=10000, gtol=1e-10)).x
        self.coef, self.intercept = theta[:n], float(theta[n])

    def probability(self, x):
        return 1 / (1 + np.exp(-(np.asarray(x) @ self.coef + self.intercept)))


def grouped(path):
    """The pairs file's rows by query, each query's in `similar`'s order."""
    by_query = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        by_query[r["query"]].append(r)
    for rows in by_query.values():
        rows.sort(key=lambda r: r["rank"])
    return by_query


def group_figures(group):
    """Each result's figures within its group, and whether the shared-clause rule takes it (a clause
    of CLAUSE_WORDS whose words in common hold a figure, in the first result)."""
    x = [features(r, group[0]["relevance"], following(group, i)) for i, r in enumerate(group)]
    return x, [r["figure_clause_words"] >= CLAUSE_WORDS and r["rank"] == 1 for r in group]


def load(path):
    """Each query's results as `similar` ranked them, and the same results without the query's
    verified claims, ranked again: a ledger where the claim was never checked (there the best
    result is only the least unlike, and must not count as seen before)."""
    x, y, queries, clause = [], [], [], []
    for query, rows in grouped(path).items():
        unseen = [dict(r, rank=k + 1) for k, r in enumerate(r for r in rows if not r["right"])]
        for name, group in ((query, rows), (query + "/unseen", unseen)):
            gx, gc = group_figures(group)
            x += gx
            clause += gc
            y += [int(r["right"]) for r in group]
            queries += [name] * len(group)
    return np.array(x), np.array(y), queries, np.array(clause)


def load_claims(path):
    """Claims against claims: each drawn claim's results (ranked without its own text), all
    negatives; and whether the claim is held out."""
    x, queries, clause = [], [], []
    for query, rows in grouped(path).items():
        gx, gc = group_figures(rows)
        x += gx
        clause += gc
        queries += [query] * len(rows)
    held_out = np.array([zlib.crc32(q.encode()) % 5 == 0 for q in queries])
    return np.array(x), queries, np.array(clause), held_out


def decided(p, x, clause, t, between_articles=False):
    """As claimledger decides: the model, or a shared clause of at least CLAUSE_WORDS distinctive
    words with a figure among those in common, in the first result, and against an article's
    sentence (`between_articles`) at least ARTICLE_SIMILARITY alike; or the same text (SAME_TEXT alike);
    never on fewer than two shared words or a text of fewer than three. The CheckThat! claims are
    imported fact-checks, never an article's sentences."""
    guard = (np.rint(x[:, 3] * 10) >= 2) & (np.rint(x[:, 4] * 20) >= 3)
    alike_enough = (not between_articles) | (x[:, 0] >= ARTICLE_SIMILARITY)
    return guard & ((alike_enough & ((p >= t) | clause)) | (x[:, 0] >= SAME_TEXT))


def flagged_share(p, x, clause, queries, t, chosen, between_articles=False):
    """The share of the chosen claims that would be flagged as seen before (each is a distinct claim)."""
    flagged = decided(p, x, clause, t, between_articles) & chosen
    return len({q for q, f in zip(queries, flagged) if f}) / max(1, len({q for q, c in zip(queries, chosen) if c}))


def fit(xt, yt, qt, xc, held_out, weight):
    """The regression on train's pairs and the kept claims' (at `weight`), and its threshold."""
    kept = ~held_out
    x = np.vstack([xt, xc[kept]])
    y = np.concatenate([yt, np.zeros(kept.sum(), dtype=int)])
    w = np.concatenate([np.ones(len(yt)), np.full(kept.sum(), weight)])
    model = Regression(x[w > 0], y[w > 0], w[w > 0])
    pt = model.probability(xt)
    threshold = min(t for t in np.arange(0.05, 0.96, 0.01) if figures(pt, yt, qt, t)[0] >= 0.92)
    return model, round(float(threshold), 2)


def precision_recall(flagged, y, queries):
    """Precision over every flagged result (the unseen groups included); recall over the queries
    that have a verified claim."""
    found = len({q for q, f, right in zip(queries, flagged, y) if f and right})
    return y[flagged].sum() / max(1, flagged.sum()), found / len({q for q in queries if not q.endswith("/unseen")})


def figures(p, y, queries, t):
    """Precision and recall of the model alone at threshold `t`."""
    return precision_recall(p >= t, y, queries)


def choose_weight(xt, yt, qt, ct, xc, qc, cc, held_out):
    """The claims' weight (and its model and threshold) that maximises train's recall minus the
    share of the kept claims that would be flagged."""
    best = None
    for weight in (0.0, 0.03, 0.1, 0.3, 1.0, 2.0, 3.0, 5.0, 10.0):
        model, threshold = fit(xt, yt, qt, xc, held_out, weight)
        _, recall = precision_recall(decided(model.probability(xt), xt, ct, threshold), yt, qt)
        share = flagged_share(model.probability(xc), xc, cc, qc, threshold, ~held_out)
        print("claims' weight %.2f: threshold %.2f, train recall %.3f, train claims flagged %.3f: %.3f"
              % (weight, threshold, recall, share, recall - share))
        if best is None or recall - share > best[0]:
            best = (recall - share, weight, model, threshold)
    return best[1:]


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--train", required=True)
    a.add_argument("--dev", required=True)
    a.add_argument("--claims", required=True, help="claims against claims (checkthat_map.py --claims-against-claims)")
    a.add_argument("--news", nargs="*", default=[],
                   help="news claims against news claims (tools/news_pairs.py): the share flagged is reported")
    args = a.parse_args()
    xt, yt, qt, ct = load(args.train)
    xd, yd, qd, cd = load(args.dev)
    xc, qc, cc, held_out = load_claims(args.claims)
    weight, model, threshold = choose_weight(xt, yt, qt, ct, xc, qc, cc, held_out)
    print("chosen: claims' weight %.2f, threshold %.2f" % (weight, threshold))
    for name, x, y, q, c in (("train", xt, yt, qt, ct), ("dev", xd, yd, qd, cd)):
        flagged = decided(model.probability(x), x, c, threshold)
        print("%s, as claimledger decides: precision %.3f recall %.3f" % ((name,) + precision_recall(flagged, y, q)))
    print("held-out claims flagged as seen before another (distinct) claim: %.3f of %d"
          % (flagged_share(model.probability(xc), xc, cc, qc, threshold, held_out), len({q for q, h in zip(qc, held_out) if h})))
    for path in args.news:
        xn, qn, cn, _ = load_claims(path)
        everyone = np.ones(len(qn), dtype=bool)
        shares = [flagged_share(model.probability(xn), xn, cn, qn, threshold, everyone, floor) for floor in (False, True)]
        print("%s: news claims flagged as seen before another claim: %.3f of %d (%.3f without the article floor)"
              % (path, shares[1], len(set(qn)), shares[0]))
    weights = ",\n        ".join("%r" % float(w) for w in model.coef)
    path = os.path.join(ROOT, "Sources/ClaimMatching/SeenBeforeModel.swift")
    with open(path, "w", encoding="utf-8") as f:
        f.write("// Generated by tools/train/seen_before.py (logistic regression, the weights for how alike two\n"
                "// texts are not negative; oracle seed %d) from CLEF CheckThat! 2022 2A train query-claim pairs\n"
                "// (%d), and claims against claims at weight %r. Do not edit by hand.\n"
                "extension SeenBeforeModel {\n    /// Weights of %s, in that order.\n"
                "    static let weights: [Double] = [\n        %s,\n    ]\n    static let bias = %r\n"
                "    /// From this probability on, a match is \"seen before\".\n    public static let threshold = %r\n}\n"
                % (SEED, len(yt), weight, ", ".join(NAMES), weights, model.intercept, threshold))
    rng = random.Random(SEED)
    sample = [[rng.random(), rng.random(), float(rng.random() < 0.3), rng.randint(0, 10) / 10, rng.randint(0, 20) / 20,
               float(rng.random() < 0.5), rng.random(), rng.random() * 0.5] for _ in range(50)]
    oracle = os.path.join(ROOT, "Tests/ClaimMatchingTests/Oracle/seen_before_oracle.json")
    os.makedirs(os.path.dirname(oracle), exist_ok=True)
    with open(oracle, "w", encoding="utf-8") as f:
        json.dump([{"features": s, "probability": float(p)} for s, p in zip(sample, model.probability(np.array(sample)))], f, indent=1)
    print("wrote", path, "and", oracle)


if __name__ == "__main__":
    main()

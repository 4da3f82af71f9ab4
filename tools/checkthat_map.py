#!/usr/bin/env python3
"""CLEF CheckThat! 2022 task 2A (English) through the ClaimLedger CLI, as a user would run it.

1. The 14,231 Snopes verified claims become schema.org ClaimReview JSON-LD (claimReviewed = the claim,
   headline = the article title, description = its subtitle, author = Snopes, datePublished, and a URL
   made from the claim's ID, since the data set has none). No rating is invented: they import unverified.
2. `claimledger import` records them in a fresh ledger.
3. For each query tweet of the chosen split, `claimledger similar --text TWEET --limit 5 --format json`;
   the official measure, MAP@5, is printed.

Only the train and dev queries are read (training_data/); the test queries are kept for judging.
The data is never committed (no licence): get it with git from github.com/Alihoe/CLEFCheckThat2aSimBa.

Usage: tools/checkthat_map.py --data CHECKOUT [--split dev|train] [--claimledger .build/release/claimledger]
       [--db postgresql://…]   (the same run on a ledger on PostgreSQL: an empty database)
       tools/checkthat_map.py --data CHECKOUT --claims-against-claims N --pairs claims.jsonl
           (N verified claims drawn at random, each searched for among the others: claim against
           claim, as one article's claim against another's; results with the claim's own text are
           left out, and every other result is written as a negative: distinct fact-checks)
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import random
import tempfile
import time

TRAINING = "data/original_twitter_data/training_data"
QRELS = {"train": "CT2022-Task2A-EN-Train_QRELs.tsv", "dev": "CT2022-Task2A-EN-Dev_QRELs.tsv"}


def review_url(vclaim_id):
    return "https://www.snopes.com/fact-check/%s/" % vclaim_id.replace("vclaim-sno-", "", 1)


def claim_reviews(vclaims_dir):
    reviews, by_text_title = [], {}
    for path in sorted(glob.glob(os.path.join(vclaims_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            v = json.load(f)
        review = {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": v["vclaim"],
                  "url": review_url(v["vclaim_id"]), "author": {"@type": "Organization", "name": "Snopes"}}
        if v.get("title"):
            review["headline"] = v["title"]
        if v.get("subtitle"):
            review["description"] = v["subtitle"]
        if v.get("date"):
            review["datePublished"] = v["date"]
        reviews.append(review)
        # A listing shows a claim's text and its source's title; 20 pairs of reviews share both (the
        # same claim checked twice), so a result stands for either of them.
        by_text_title.setdefault((v["vclaim"].strip(), (v.get("title") or "").strip()), set()).add(v["vclaim_id"])
    return reviews, by_text_title


def read_queries(data):
    queries = {}
    with open(os.path.join(data, TRAINING, "CT2022-Task2A-EN-Train-Dev_Queries.tsv"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                queries[parts[0]] = parts[1]
    return queries


def read_qrels(data, split):
    relevant = {}
    with open(os.path.join(data, TRAINING, QRELS[split]), encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) >= 3:
                relevant.setdefault(fields[0], set()).add(fields[2])
    return relevant


def average_precision(ranked_sets, relevant, k=5):
    hits, total = 0, 0.0
    for rank, ids in enumerate(ranked_sets[:k], start=1):
        if ids & relevant:
            hits += 1
            total += hits / rank
    return total / min(len(relevant), k)


def pair_line(query, rank, right, query_text, result):
    """One (query, result) pair of a `--pairs` file: what `similar` measured, and whether it is right."""
    return json.dumps({"query": query, "rank": rank, "right": right, "query_text": query_text, "text": result["text"],
                       **{k: result[k] for k in ("similarity", "shares_clause", "containment", "shared_words",
                                                 "shorter_words", "clause_words", "figure_clause_words", "relevance")}}) + "\n"


def claims_against_claims(args, env, reviews):
    """Writes each drawn claim's results among the other claims as negative pairs (ranked again
    from 1 without the results that have the claim's own text: itself, or the same claim reviewed
    twice)."""
    drawn = random.Random(20261202).sample(reviews, min(args.claims_against_claims, len(reviews)))
    with open(args.pairs, "a", encoding="utf-8") as f:
        for review in drawn:
            text = review["claimReviewed"].strip()
            out = subprocess.run([args.claimledger, "similar", "--text", text, "--limit", str(max(6, args.limit)),
                                  "--format", "json"], env=env, check=True, capture_output=True, text=True).stdout
            others = [c for c in json.loads(out) if c["text"].strip() != text][:max(5, args.limit)]
            for rank, c in enumerate(others, start=1):
                f.write(pair_line("claim:" + review["url"], rank, False, text, c))
    print("claims against claims: %d claims' results written to %s" % (len(drawn), args.pairs))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="a checkout of Alihoe/CLEFCheckThat2aSimBa")
    parser.add_argument("--split", choices=["dev", "train"], default="dev")
    parser.add_argument("--claimledger", default=".build/release/claimledger")
    parser.add_argument("--work", help="folder for the ledger and the JSON-LD (default: a temporary one)")
    parser.add_argument("--db", help="a ledger address to use instead of the work folder's SQLite file, e.g. an empty "
                        "PostgreSQL database (postgresql://…): the claims are imported into it, a local copy kept in --work")
    parser.add_argument("--pairs", help="also write every (query, result) pair's match figures and whether it is right, as JSON lines")
    parser.add_argument("--limit", type=int, default=5, help="results asked of `similar` per query (MAP@5 reads the first five)")
    parser.add_argument("--claims-against-claims", type=int, metavar="N",
                        help="instead of the tweets, search N verified claims among the others (needs --pairs)")
    args = parser.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="checkthat-")
    db = args.db or os.path.join(work, "checkthat.sqlite")
    env = dict(os.environ, CLAIMLEDGER_DB=db, CLAIMLEDGER_REVIEWER="checkthat", NO_COLOR="1",
               CLAIMLEDGER_LOCAL_COPY=os.path.join(work, "checkthat-local-copy.sqlite"))
    reviews, by_text_title = claim_reviews(os.path.join(args.data, "data", "vclaims"))
    jsonld = os.path.join(work, "snopes-claimreviews.json")
    with open(jsonld, "w", encoding="utf-8") as f:
        json.dump(reviews, f, ensure_ascii=False)

    if args.db or not os.path.exists(db):
        started = time.monotonic()
        subprocess.run([args.claimledger, "import", jsonld], env=env, check=True, stdout=subprocess.DEVNULL)
        print("import: %d reviews in %.1f s" % (len(reviews), time.monotonic() - started))

    if args.claims_against_claims:
        return claims_against_claims(args, env, reviews)
    queries, relevant = read_queries(args.data), read_qrels(args.data, args.split)
    total, started = 0.0, time.monotonic()
    flagged = flagged_right = queries_found = 0
    # The rule before the word-count floor (similarity >= 0.35 or a shared clause), for comparison.
    old_flagged = old_right = old_found = 0
    for n, (query_id, gold) in enumerate(sorted(relevant.items())):
        out = subprocess.run([args.claimledger, "similar", "--text", queries[query_id], "--limit", str(max(5, args.limit)), "--format", "json"],
                             env=env, check=True, capture_output=True, text=True).stdout
        results = json.loads(out)
        ranked = [by_text_title.get((c["text"].strip(), (c.get("source_title") or "").strip()), set()) for c in results]
        if args.pairs:
            with open(args.pairs, "a", encoding="utf-8") as f:
                for ids, c in zip(ranked, results):
                    f.write(pair_line(query_id, c["rank"], bool(ids & gold), queries[query_id], c))
        total += average_precision(ranked, gold)
        # "Seen before": a flagged result is right when it is one of the query's verified claims.
        seen = [bool(ids & gold) for ids, c in zip(ranked, results) if c.get("seen_before")]
        flagged += len(seen)
        flagged_right += sum(seen)
        queries_found += any(seen)
        old = [bool(ids & gold) for ids, c in zip(ranked, results) if c["similarity"] >= 0.35 or c["shares_clause"]]
        old_flagged, old_right, old_found = old_flagged + len(old), old_right + sum(old), old_found + any(old)
        if sys.stderr.isatty():
            sys.stderr.write("\r%d/%d" % (n + 1, len(relevant)))
    if sys.stderr.isatty():
        sys.stderr.write("\r")
    elapsed = time.monotonic() - started
    print("%s: MAP@5 %.4f over %d queries (%.1f ms per `similar` process)"
          % (args.split, total / len(relevant), len(relevant), 1000 * elapsed / len(relevant)))
    print("%s: seen before: precision %.3f (%d of %d flagged results are the query's claim), recall %.3f (%d of %d queries)"
          % (args.split, flagged_right / max(1, flagged), flagged_right, flagged, queries_found / len(relevant),
             queries_found, len(relevant)))
    print("%s: seen before without the word-count floor: precision %.3f (%d of %d), recall %.3f"
          % (args.split, old_right / max(1, old_flagged), old_right, old_flagged, old_found / len(relevant)))


if __name__ == "__main__":
    main()

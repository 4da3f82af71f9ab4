#!/usr/bin/env python3
"""News claims against news claims, as "seen before" meets them at ingest: negative pairs for
tools/train/seen_before.py.

The CheckThat! pairs teach the model what a repeat looks like between a tweet and a fact-check, and
its claims-against-claims negatives are distinct fact-checks on unlike subjects. Ingest meets
another shape: one campaign's coverage, where the best result is a claim on the same subject with
the same names (delegates, polls, the same candidates) and is almost never the same claim. Reading
stored matches of PolNeAR articles at random (tools/sample_matches.py) found nearly every match
under 60% alike wrong, and nearly every one above it a copy of the same text.

1. The articles of the folders given are ingested into a new ledger (`claimledger ingest --json`),
   those of --held-out last; which article each claim came from is kept.
2. N claims (quotes and claims) of each part are drawn at random (fixed seed); each is searched
   for with `claimledger similar ID --limit 6 --format json` (claims of other articles).
3. Results with the claim's own text or at least --ambiguous alike (0.6: copies of the same text,
   or a long part of it, that the model should be free to call seen before) are left out; every
   other result is written as a negative, the train part to --pairs, the held-out part to
   --held-out-pairs. A few are the same claim in other words, so the negatives are a little noisy,
   as the CheckThat! claims against claims are.

The articles are never committed (no licence). PolNeAR's train and dev texts as
../shared/eval/polnear.py writes them:
  python3 tools/news_pairs.py --articles /tmp/polnear-train/articles --held-out /tmp/polnear-dev/articles \\
      --claims 3000 --pairs news.jsonl --held-out-pairs news-dev.jsonl
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkthat_map import pair_line  # noqa: E402

SEED = 20261207


def ingest(claimledger, env, folder):
    """The source IDs of the folder's articles, as ingest recorded them."""
    out = subprocess.run([claimledger, "ingest", folder, "--json"], env=env, check=True, capture_output=True,
                         text=True).stdout
    return {json.loads(line)["source"] for line in out.splitlines() if line.startswith("{")}


def claims_of(claimledger, env):
    out = subprocess.run([claimledger, "list", "--format", "ndjson"], env=env, check=True,
                         capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def write_pairs(claimledger, env, drawn, path, ambiguous):
    with open(path, "w", encoding="utf-8") as f:
        for claim in drawn:
            text = " ".join(claim["text"].split())
            out = subprocess.run([claimledger, "similar", claim["id"], "--limit", "6", "--format", "json"], env=env,
                                 check=True, capture_output=True, text=True).stdout
            others = [c for c in json.loads(out)
                      if " ".join(c["text"].split()) != text and c["similarity"] < ambiguous]
            for rank, c in enumerate(others[:5], start=1):
                f.write(pair_line("news:" + claim["id"], rank, False, claim["text"], c))
    print("%d claims' results written to %s" % (len(drawn), path))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", nargs="+", required=True, help="folders of articles (the train part)")
    parser.add_argument("--held-out", required=True, help="a folder of articles whose claims are held out")
    parser.add_argument("--claims", type=int, default=3000, help="claims drawn from each part (at most)")
    parser.add_argument("--pairs", required=True)
    parser.add_argument("--held-out-pairs", required=True)
    parser.add_argument("--ambiguous", type=float, default=0.6, help="results at least this alike are left out")
    parser.add_argument("--claimledger", default=".build/release/claimledger")
    parser.add_argument("--work", help="folder for the ledger (default: a temporary one)")
    args = parser.parse_args()
    claimledger = os.path.abspath(args.claimledger)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or tmp
        env = dict(os.environ, CLAIMLEDGER_DB=os.path.join(work, "news.sqlite"))
        train_sources = set()
        for folder in args.articles:
            train_sources |= ingest(claimledger, env, folder)
        held_out_sources = ingest(claimledger, env, args.held_out)
        claims = claims_of(claimledger, env)
        rng = random.Random(SEED)
        for sources, path in ((train_sources, args.pairs), (held_out_sources, args.held_out_pairs)):
            part = [c for c in claims if c["source"] in sources]
            write_pairs(claimledger, env, rng.sample(part, min(args.claims, len(part))), path, args.ambiguous)


if __name__ == "__main__":
    main()

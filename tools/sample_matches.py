#!/usr/bin/env python3
"""Prints stored "seen before" matches of a ledger at random, with the figures the search gave, to be
read and judged by a person (is the later claim the same claim as the earlier one?).

Usage: python3 tools/sample_matches.py LEDGER.sqlite [--count 30] [--seed 11]
The figures are those of `claim_match` (Schema/v014_claim_matches.sql); the sample is ordered by
similarity, most alike first, so where right turns to wrong is easy to see.
"""
import argparse
import random
import sqlite3


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ledger")
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--width", type=int, default=160, help="characters of each text shown")
    args = parser.parse_args()
    db = sqlite3.connect("file:%s?mode=ro" % args.ledger, uri=True)
    text = dict(db.execute("SELECT seq, text FROM claim"))
    rows = list(db.execute("SELECT claim_seq, earlier_seq, similarity, containment, clause_words, shared_words,"
                           " shorter_words, place FROM claim_match ORDER BY claim_seq, earlier_seq"))
    print("%d stored matches on %d claims" % (len(rows), len({r[0] for r in rows})))
    sample = random.Random(args.seed).sample(rows, min(args.count, len(rows)))
    for r in sorted(sample, key=lambda r: -r[2]):
        print("%.2f alike, contains %.2f, clause %d, words %d of %d, place %d" % r[2:])
        print("   later:   " + " ".join(text[r[0]].split())[:args.width])
        print("   earlier: " + " ".join(text[r[1]].split())[:args.width])


if __name__ == "__main__":
    main()

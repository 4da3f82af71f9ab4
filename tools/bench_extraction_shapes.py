#!/usr/bin/env python3
"""Extraction time on article shapes that used to be superlinear (prints figures; no assertions).

  python3 tools/bench_extraction_shapes.py --claimledger .build/release/claimledger

- people: N distinct people named, each followed by a quote attributed by pronoun ("…," he said):
  speaker resolution asked every person per pronoun (people x quotes).
- quotes: one paragraph of N quotation pairs ("a," she said, "b," …): quote pairing and attribution
  within one block.
Each row is one whole `claimledger extract --format json` process, best of 3.
"""
import argparse, os, subprocess, tempfile, time

FIRST = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas"]
LAST = ["Adler", "Berg", "Costa", "Dahl", "Evans", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen"]


def people(n):
    paragraphs = []
    for k in range(n):
        name = "%s %s%d" % (FIRST[k % 10], LAST[(k // 10) % 10], k)
        pronoun = "she" if k % 2 == 0 else "he"
        paragraphs.append('%s spoke at the hearing on Monday. "We will look at figure %d," %s said.' % (name, k, pronoun))
    return "People at the hearing\n\n" + "\n\n".join(paragraphs) + "\n"


def quotes(n):
    parts = ['"point number %d is settled," she said' % k for k in range(n)]
    return "One long paragraph\n\nMaria Lopez spoke. " + ", and ".join(parts) + ".\n"


def timed(binary, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(text)
    best = None
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([binary, "extract", f.name, "--format", "json"], check=True, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    os.unlink(f.name)
    return best, len(text.encode())


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--claimledger", default=".build/release/claimledger")
    args = a.parse_args()
    for n in (1000, 2000, 4000, 8000):
        t, size = timed(args.claimledger, people(n))
        print("people named, each quoted by pronoun: %5d people  %8.0f KB  %6.2f s" % (n, size / 1024, t))
    for n in (1000, 2000, 4000, 8000):
        t, size = timed(args.claimledger, quotes(n))
        print("quotes in one paragraph:              %5d pairs   %8.0f KB  %6.2f s" % (n, size / 1024, t))


if __name__ == "__main__":
    main()

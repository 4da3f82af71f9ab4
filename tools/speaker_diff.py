#!/usr/bin/env python3
"""Every quote and claim whose speaker differs between two builds of claimledger, to be read before
a change to attribution lands (a rule that fixes one sentence can move dozens of others).

Each text is extracted by both binaries (`claimledger extract FILE --format json`); items are paired
by kind and start offset, and every pair whose speaker differs, or that only one build found, is
printed under its file, with the count at the end.

Usage: python3 tools/speaker_diff.py OLD_BINARY NEW_BINARY PATH [PATH …]
  PATH: a text file, or a folder whose files are all read (e.g. /tmp/polnear-dev/articles, as
  ../shared/eval/polnear.py writes a PolNeAR split; ../shared/devcorpus; seeds).
Runs two files at a time.
"""
import argparse
import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor


def items(binary, path):
    out = subprocess.run([binary, "extract", path, "--format", "json"], capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError("%s failed on %s: %s" % (binary, path, out.stderr.strip()))
    d = json.loads(out.stdout)
    return {(kind, x["start"]): x for kind in ("quotes", "claims") for x in d.get(kind, [])}


def differences(old, new, path):
    a, b = items(old, path), items(new, path)
    found = []
    for key in sorted(set(a) | set(b)):
        x, y = a.get(key), b.get(key)
        if x is None or y is None or x.get("speaker") != y.get("speaker"):
            text = (x or y)["text"]
            found.append("  %s %d: %r -> %r | %s" % (key[0][0], key[1], x.get("speaker") if x else "(none)",
                                                      y.get("speaker") if y else "(none)", " ".join(text.split())[:90]))
    return path, found


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            yield from sorted(os.path.join(p, f) for f in os.listdir(p) if os.path.isfile(os.path.join(p, f)))
        else:
            yield p


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    texts = list(files(args.paths))
    changed = changed_texts = 0
    with ThreadPoolExecutor(2) as pool:
        for path, found in pool.map(lambda p: differences(args.old, args.new, p), texts):
            if found:
                changed_texts += 1
                changed += len(found)
                print("== " + os.path.basename(path))
                print("\n".join(found))
    print("%d items changed speaker (or were found by one build only) in %d of %d texts" % (changed, changed_texts, len(texts)))


if __name__ == "__main__":
    main()

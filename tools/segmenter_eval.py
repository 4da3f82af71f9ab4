#!/usr/bin/env python3
"""How the extractor's sentences agree with CoreNLP's on PolNeAR (issue 28: one segmenter, checked).

PolNeAR ships each article with Stanford CoreNLP's annotation (data/SPLIT/corenlp/*.xml). A sentence
boundary here is where a sentence starts inside a line (every line is a paragraph for both, so line
starts are not counted). The script prints precision and recall of our boundaries against CoreNLP's,
and with --verbose the words before the most common disagreements and a few of each in context.

Usage: python3 tools/segmenter_eval.py --polnear GIT_DIR [--split dev|train] [--features BIN] [--verbose]
GIT_DIR is a bare git copy of networkdynamics/PolNeAR (never committed: no licence). The test split is
kept for judging and is refused.
"""
import argparse, collections, json, os, re, subprocess, sys, tempfile


def git(git_dir, *args):
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True, capture_output=True).stdout


def code_point_offsets(text):
    """Maps CoreNLP's UTF-16 offsets to code point offsets."""
    table, unit = {}, 0
    for k, c in enumerate(text):
        table[unit] = k
        unit += 2 if ord(c) > 0xFFFF else 1
    table[unit] = len(text)
    return table


def corenlp_starts(xml, text):
    utf16 = code_point_offsets(text)
    starts = []
    for sentence in re.findall(r"<sentence id=.*?</sentence>", xml, flags=re.S):
        first = re.search(r"<CharacterOffsetBegin>(\d+)</CharacterOffsetBegin>", sentence)
        if first:
            starts.append(utf16[int(first.group(1))])
    return starts


OPENING = set("\"'\u2018\u201c\u00ab ")


def inside_line(text, starts):
    """The starts that are not the first character of a line, each moved past the quotation marks that
    open it: CoreNLP reads the doubled single mark '' as closing the sentence before, so its sentence
    starts after the mark where ours starts at it; either way the boundary is the same."""
    kept = set()
    for p in starts:
        line = text.rfind("\n", 0, p) + 1
        if text[line:p].strip("".join(OPENING) + "\t"):
            while p < len(text) and text[p] in OPENING:
                p += 1
            kept.add(p)
    return kept


def word_before(text, p):
    return text[max(0, text.rfind(" ", 0, p - 1) + 1):p].strip()[-12:]


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--polnear", required=True, help="bare git copy of networkdynamics/PolNeAR")
    a.add_argument("--split", default="dev", choices=["dev", "train"])
    a.add_argument("--features", default=".build/release/claimledger-features")
    a.add_argument("--verbose", action="store_true")
    args = a.parse_args()
    names = [n.decode().rsplit("/", 1)[1] for n in git(args.polnear, "ls-tree", "--name-only", "HEAD", "data/%s/text/" % args.split).split()]
    annotated = {n.decode().rsplit("/", 1)[1] for n in git(args.polnear, "ls-tree", "--name-only", "HEAD", "data/%s/corenlp/" % args.split).split()}
    names = [n for n in names if n + ".xml" in annotated]
    texts, gold, missing = {}, {}, 0
    with tempfile.TemporaryDirectory() as work:
        paths = []
        for name in names:
            text = git(args.polnear, "show", "HEAD:data/%s/text/%s" % (args.split, name)).decode("utf-8")
            try:
                xml = git(args.polnear, "show", "HEAD:data/%s/corenlp/%s.xml" % (args.split, name)).decode("utf-8")
            except subprocess.CalledProcessError:
                missing += 1  # a copy may list its largest files without holding them
                continue
            path = os.path.join(work, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            paths.append(path)
            texts[path], gold[path] = text, inside_line(text, corenlp_starts(xml, text))
        out = subprocess.run([args.features, "sentences", *paths], check=True, capture_output=True, text=True).stdout
    ours = {}
    for line in out.splitlines():
        row = json.loads(line)
        ours[row["article"]] = inside_line(texts[row["article"]], [s for s, _ in row["sentences"]])
    agree = sum(len(ours[p] & gold[p]) for p in gold)
    found, wanted = sum(len(ours[p]) for p in gold), sum(len(gold[p]) for p in gold)
    precision, recall = agree / max(1, found), agree / max(1, wanted)
    if missing:
        print("%s: %d articles' CoreNLP files are not in this copy, left out" % (args.split, missing))
    print("%s: %d articles; sentence boundaries inside a line: CoreNLP %d, ours %d, agreeing %d" % (args.split, len(gold), wanted, found, agree))
    print("%s: precision %.3f recall %.3f F1 %.3f" % (args.split, precision, recall, 2 * precision * recall / max(1e-9, precision + recall)))
    if args.verbose:
        for label, pick in (("split by us only", lambda p: ours[p] - gold[p]), ("split by CoreNLP only", lambda p: gold[p] - ours[p])):
            cases = [(p, k) for p in gold for k in sorted(pick(p))]
            print("\n%s: %d; words before the most common:" % (label, len(cases)))
            print("  " + ", ".join("%s %d" % w for w in collections.Counter(word_before(texts[p], k) for p, k in cases).most_common(25)))
            for p, k in cases[:: max(1, len(cases) // 25)]:
                print("  …%s|%s…" % (texts[p][max(0, k - 50):k].replace("\n", " "), texts[p][k:k + 30].replace("\n", " ")))


if __name__ == "__main__":
    sys.exit(main())

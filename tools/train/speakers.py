#!/usr/bin/env python3
"""Train the speaker ranker (Sources/ClaimExtraction/SpeakerModel.swift).

Data: PolNeAR (github networkdynamics/PolNeAR, no licence: never committed), converted with
../shared/eval/polnear.py into articles and gold (direct quotes, the annotated source's name).
Only the train split is trained on; dev is scored once at the end; test is never read.

Each quote's candidates (the entities named around it, the rules' choice, the previous quote's
speaker) and their features come from the extractor itself (`claimledger-features speakers`), so
training and use agree. A candidate is positive when its name matches the gold speaker as
score.py matches speakers; quotes whose gold source is a pronoun or a description (`*`) are left
out. Model: gradient-boosted trees (scikit-learn GradientBoostingClassifier, log-loss, depth 3,
subsampled, fixed seed); at run time the likeliest candidate is the speaker, its probability the
confidence. The number of trees is chosen by 5-fold cross-validation on train, grouped by article.

Usage (a virtualenv outside the repository; pinned: scikit-learn==1.5.2 numpy):
  python3 ../shared/eval/polnear.py POLNEAR_GIT /tmp/polnear-train train 1000
  python3 ../shared/eval/polnear.py POLNEAR_GIT /tmp/polnear-dev dev 1000
  python tools/train/speakers.py --train /tmp/polnear-train --dev /tmp/polnear-dev \
      --features .build/release/claimledger-features
Writes Sources/ClaimExtraction/SpeakerModel.swift and Tests/ClaimExtractionTests/Oracle/speaker_oracle.json
(the library's probabilities for the seeds' candidates, which the Swift evaluation must reproduce).
"""
import argparse, glob, json, os, re, subprocess, sys
from collections import Counter, defaultdict

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = 20261202
TITLES = {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "the", "russian", "vietnamese",
          "general", "secretary", "director", "senator", "sen", "rep", "gov", "governor", "chancellor"}


def tokens(text):
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.findall(r"[\w']+", text)


def overlap(a, b):
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    if not ta or not tb:
        return 0.0
    return sum((ta & tb).values()) / max(sum(ta.values()), sum(tb.values()))


def same_speaker(gold, pred):
    """As ../shared/eval/score.py compares speakers."""
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = set(tokens(gold)) - TITLES, set(tokens(pred)) - TITLES
    if not g or not p:
        return set(tokens(gold)) == set(tokens(pred))
    return g <= p or p <= g


def candidate_rows(binary, articles):
    out = subprocess.run([binary, "speakers", *articles], capture_output=True, text=True, check=True).stdout.splitlines()
    names = json.loads(out[0])["featureNames"]
    return names, [json.loads(line) for line in out[1:]]


def gold_speakers(corpus, rows):
    """Each row's gold speaker (matched as score.py matches quotes), or None when unscored."""
    by_article = defaultdict(list)
    for i, row in enumerate(rows):
        by_article[row["article"]].append(i)
    gold_of = [None] * len(rows)
    for article, indices in by_article.items():
        gold = json.load(open(os.path.join(corpus, "gold", article[:-4] + ".json")))["quotes"]
        pairs = sorted(((overlap(g["text"], rows[i]["text"]), gi, i) for gi, g in enumerate(gold) for i in indices), reverse=True)
        used_g, used_p = set(), set()
        for s, gi, i in pairs:
            if s < 0.5 or gi in used_g or i in used_p:
                continue
            used_g.add(gi); used_p.add(i)
            if gold[gi]["speaker"] != "*":
                gold_of[i] = gold[gi]["speaker"]
    return gold_of


def matrix(rows, gold_of):
    X, y, quote, article = [], [], [], []
    for i, row in enumerate(rows):
        if gold_of[i] is None:
            continue
        for c in row["candidates"]:
            X.append(c["features"]); y.append(int(same_speaker(gold_of[i], c["name"])))
            quote.append(i); article.append(row["article"])
    return np.array(X, dtype=np.float64), np.array(y), np.array(quote), np.array(article)


def accuracy(rows, gold_of, probabilities=None, quote_of=None):
    """Right speakers among the scored quotes: the rules', the model's, and the best any candidate gives."""
    chosen = {}
    if probabilities is not None:
        for q in sorted(set(quote_of)):
            idx = np.where(quote_of == q)[0]
            best = idx[int(np.argmax(probabilities[idx]))]
            chosen[q] = (rows[q]["candidates"][best - idx[0]]["name"], probabilities[best])
    n = rule = model = ceiling = 0
    for i, row in enumerate(rows):
        if gold_of[i] is None:
            continue
        n += 1
        rule += same_speaker(gold_of[i], row.get("ruleSpeaker"))
        ceiling += any(same_speaker(gold_of[i], c["name"]) for c in row["candidates"])
        if i in chosen:
            name, p = chosen[i]
            model += same_speaker(gold_of[i], name if row.get("ruleSpeaker") is not None or p >= ABSTAIN else None)
        else:
            model += same_speaker(gold_of[i], None)
    return n, rule / n, model / n, ceiling / n


ABSTAIN = 0.5  # set by choose_abstain
# A quote the rules could not attribute is given the ranker's choice only when that choice is likely
# enough to be right: a wrong name costs WRONG_NAME_COST times what a right one gains (a name nobody
# can check is worse than none), so a name is worth giving when P(right) >= cost / (1 + cost) = 0.80.
WRONG_NAME_COST = 4.0


def fit(X, y, trees):
    return GradientBoostingClassifier(n_estimators=trees, max_depth=3, learning_rate=0.1, subsample=0.8,
                                      min_samples_leaf=20, random_state=SEED).fit(X, y)


def choose_trees(X, y, quote, article, rows, gold_of):
    rules = sum(same_speaker(gold_of[q], rows[q].get("ruleSpeaker")) for q in set(quote))
    print(f"  rules: right speakers {rules}/{len(set(quote))}", file=sys.stderr)
    scores = []
    for trees in (50, 100, 200, 400):
        right = 0
        for tr, te in GroupKFold(n_splits=5).split(X, y, article):
            model = fit(X[tr], y[tr], trees)
            sub_rows = {q for q in quote[te]}
            p = model.predict_proba(X[te])[:, 1]
            for q in sub_rows:
                idx = np.where(quote[te] == q)[0]
                name = rows[q]["candidates"][int(np.argmax(p[idx]))]["name"]
                right += same_speaker(gold_of[q], name)
        print(f"  {trees} trees: cross-validated right speakers {right}/{len(set(quote))}", file=sys.stderr)
        scores.append((trees, right))
    # The fewest trees within 0.1% of the best count: more trees that gain nothing cost time at run time.
    top = max(right for _, right in scores)
    return min(trees for trees, right in scores if right >= top - 0.001 * len(set(quote)))


def logit(p):
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def out_of_fold_picks(X, y, quote, article, rows, gold_of, trees):
    """The ranker's choice for each quote the rules left unattributed, with its probability and whether
    it is right, cross-validated by article five times, each with the articles split another way."""
    picks = []
    rng = np.random.RandomState(SEED)
    names = sorted(set(article))
    for repeat in range(5):
        groups = dict(zip(names, rng.permutation(len(names))))
        for tr, te in GroupKFold(n_splits=5).split(X, y, [groups[a] for a in article]):
            p = fit(X[tr], y[tr], trees).predict_proba(X[te])[:, 1]
            for q in sorted({q for q in quote[te] if rows[q].get("ruleSpeaker") is None}):
                idx = np.where(quote[te] == q)[0]
                best = int(np.argmax(p[idx]))
                picks.append((p[idx][best], same_speaker(gold_of[q], rows[q]["candidates"][best]["name"])))
    return picks


def choose_abstain(X, y, quote, article, rows, gold_of, trees):
    """The probability at which a pick's chance of being right reaches cost / (1 + cost).

    That chance is read from a two-parameter logistic fit of right-or-wrong on the logit of the
    ranker's probability over the out-of-fold picks (not from a threshold's cumulative precision,
    whose curve is flat and noisy over a few hundred picks, so that a small change to the features
    moved the choice by 0.15)."""
    picks = out_of_fold_picks(X, y, quote, article, rows, gold_of, trees)
    probs = np.array([prob for prob, _ in picks]); right = np.array([int(r) for _, r in picks])
    fit_ = LogisticRegression(C=1.0).fit(logit(probs).reshape(-1, 1), right)
    a, b = float(fit_.intercept_[0]), float(fit_.coef_[0, 0])
    target = WRONG_NAME_COST / (1 + WRONG_NAME_COST)
    for t in np.arange(0.30, 0.96, 0.05):
        kept = right[probs >= t]
        print(f"  picks at or above {t:.2f}: {len(kept)}/{len(picks)}, {kept.mean() if len(kept) else 0:.3f} right; "
              f"fitted chance at {t:.2f}: {1 / (1 + np.exp(-(a + b * logit(t)))):.3f}", file=sys.stderr)
    if b <= 0:
        return 0.95
    threshold = 1 / (1 + np.exp(-((logit(target) - a) / b)))
    return round(float(min(0.95, max(0.05, threshold))), 2)


def swift_model(model, names, trees, n_rows):
    roots, feature, threshold, left, right, value = [], [], [], [], [], []
    for estimator in model.estimators_[:, 0]:
        t = estimator.tree_
        base = len(feature)
        roots.append(base)
        for k in range(t.node_count):
            leaf = t.children_left[k] < 0
            feature.append(0 if leaf else int(t.feature[k]))
            threshold.append(0.0 if leaf else float(t.threshold[k]))
            left.append(-1 if leaf else base + int(t.children_left[k]))
            right.append(-1 if leaf else base + int(t.children_right[k]))
            value.append(float(t.value[k][0][0]))
    initial = float(model._raw_predict_init(np.zeros((1, len(names))))[0][0])
    fmt = lambda xs: ", ".join(repr(x) for x in xs)
    return f"""// Generated by tools/train/speakers.py (scikit-learn GradientBoostingClassifier, {trees} trees of depth 3,
// seed {SEED}) from PolNeAR train ({n_rows} candidates of quotes with a named source). Do not edit by hand.
// Features, in order: {", ".join(names)}.
// swift-format-ignore-file
enum SpeakerModel {{
    /// A quote the rules found no attribution for gets a speaker only from this probability.
    static let abstain = {ABSTAIN}
    static let trees = TreeEnsemble(
        initial: {initial!r}, rate: {model.learning_rate!r}, roots: [{fmt(roots)}],
        feature: [{fmt(feature)}],
        threshold: [{fmt(threshold)}],
        left: [{fmt(left)}],
        right: [{fmt(right)}],
        value: [{fmt(value)}])
}}
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--dev", required=True)
    ap.add_argument("--features", required=True)
    ap.add_argument("--trees", type=int, help="skip the cross-validation")
    args = ap.parse_args()
    names, train_rows = candidate_rows(args.features, sorted(glob.glob(os.path.join(args.train, "articles", "*.txt"))))
    train_gold = gold_speakers(args.train, train_rows)
    X, y, quote, article = matrix(train_rows, train_gold)
    print(f"train: {len(set(quote))} quotes with a named speaker, {len(y)} candidates, {y.sum()} right", file=sys.stderr)
    trees = args.trees or choose_trees(X, y, quote, article, train_rows, train_gold)
    global ABSTAIN
    ABSTAIN = choose_abstain(X, y, quote, article, train_rows, train_gold, trees)
    print(f"  abstain below {ABSTAIN}", file=sys.stderr)
    model = fit(X, y, trees)
    _, dev_rows = candidate_rows(args.features, sorted(glob.glob(os.path.join(args.dev, "articles", "*.txt"))))
    dev_gold = gold_speakers(args.dev, dev_rows)
    Xd, yd, qd, _ = matrix(dev_rows, dev_gold)
    n, rule, learned, ceiling = accuracy(dev_rows, dev_gold, model.predict_proba(Xd)[:, 1], qd)
    print(f"dev: {n} quotes with a named speaker; right speaker: rules {rule:.3f}, model {learned:.3f}, "
          f"best candidate {ceiling:.3f}", file=sys.stderr)
    for name, importance in sorted(zip(names, model.feature_importances_), key=lambda x: -x[1]):
        print(f"  {name:20s} {importance:.3f}", file=sys.stderr)
    with open(os.path.join(ROOT, "Sources/ClaimExtraction/SpeakerModel.swift"), "w") as f:
        f.write(swift_model(model, names, trees, len(y)))
    seeds = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    _, seed_rows = candidate_rows(args.features, seeds)
    oracle = [{"features": c["features"], "probability": float(model.predict_proba(np.array([c["features"]]))[0, 1])}
              for row in seed_rows for c in row["candidates"]]
    os.makedirs(os.path.join(ROOT, "Tests/ClaimExtractionTests/Oracle"), exist_ok=True)
    with open(os.path.join(ROOT, "Tests/ClaimExtractionTests/Oracle/speaker_oracle.json"), "w") as f:
        json.dump(oracle, f, indent=0)


if __name__ == "__main__":
    main()

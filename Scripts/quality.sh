#!/usr/bin/env bash
# Scores `claimledger extract` against hand-made gold and enforces the quality gate.
#
#   Scripts/quality.sh [path/to/claimledger]
#
# Gold sets live in Tests/ClaimExtractionTests/DevSet/<set>/: NAME.txt articles beside NAME.json gold.
# "seeds" is the sample articles' gold (copied from shared/eval); "dev" is our own annotated set.
# The gate (issue 7) applies to the seeds: quote F1 >= 0.90, attributed >= 0.85, claim recall >= 0.80.
# The dev set is reported, not gated. CLAIMS=rules (SPEAKERS=rules) scores the claims (speakers) of the
# rules alone: the ablation in README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/claimledger}
[ -x "$bin" ] || { echo "quality: no claimledger binary at $bin; run swift build first" >&2; exit 2; }
# tools/score.py is ../shared/eval/score.py extended with the claims' speaker figure (issue 12);
# every other figure is computed the same way.
scorer=tools/score.py

score_set() {
  local set=$1 tmp
  tmp=$(mktemp -d)
  local gold="$tmp/gold" pred="$tmp/pred"
  mkdir -p "$gold" "$pred"
  for article in Tests/ClaimExtractionTests/DevSet/"$set"/*.txt; do
    name=$(basename "$article" .txt)
    cp "Tests/ClaimExtractionTests/DevSet/$set/$name.json" "$gold/$name.json"
    "$bin" extract "$article" --format json ${CLAIMS:+--claims "$CLAIMS"} ${SPEAKERS:+--speakers "$SPEAKERS"} > "$pred/$name.json"
  done
  python3 "$scorer" "$gold" "$pred" ${VERBOSE:+--verbose} | tail -n ${LINES_SHOWN:-1}
  rm -rf "$tmp"
}

seeds=$(score_set seeds | tail -n 1)
echo "quality seeds: $seeds"
if compgen -G "Tests/ClaimExtractionTests/DevSet/dev/*.json" > /dev/null; then
  echo "quality dev:   $(score_set dev | tail -n 1)"
fi

python3 - "$seeds" <<'PY'
import re, sys
line = sys.argv[1]
f1 = float(re.search(r"F1=([\d.]+)", line).group(1))
attributed = float(re.search(r"attributed=([\d.]+)", line).group(1))
recall = float(re.search(r"claims P=[\d.]+ R=([\d.]+)", line).group(1))
failures = [name for name, value, floor in [("quote F1", f1, 0.90), ("attributed", attributed, 0.85),
                                            ("claim recall", recall, 0.80)] if value < floor]
if failures:
    print("quality gate FAILED on the seeds: " + ", ".join(failures))
    sys.exit(1)
print("quality gate passed on the seeds")
PY

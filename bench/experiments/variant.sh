#!/usr/bin/env bash
# EXPERIMENT: measures a proposed change without touching the working tree. Copies the committed app (HEAD) and the
# current bench/ to a temporary directory, applies the patches, and runs the benchmark there (its own .next build;
# node_modules are hard links to ours, the same files). The result lands in bench/results/variant-<label>.json.tmp.
#   bash bench/experiments/variant.sh none delivery                        # HEAD as committed, for reference
#   bash bench/experiments/variant.sh bench/experiments/delivery-pipeline.patch delivery
#   bash bench/experiments/variant.sh bench/experiments/a.patch,bench/experiments/b.patch page,errors
# KEEP=1 keeps the copy for inspection; BENCH_FLAGS="--quick --profile" adds flags to bench/run.ts.
set -euo pipefail
cd "$(dirname "$0")/../.."
IFS=, read -r -a patches <<< "$1"
sections="${2:-delivery,errors,page,signup}"
label="$(for patch in "${patches[@]}"; do basename "$patch" .patch; done | paste -sd+)"
dir="$(mktemp -d -t console-variant-XXXXXX)"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$dir"' EXIT
git archive HEAD | tar -x -C "$dir"
mkdir -p "$dir/bench" && tar -c --exclude=results bench | tar -x -C "$dir"
cp -al node_modules "$dir/node_modules"
cp -r lib/generated "$dir/lib/generated"
for patch in "${patches[@]}"; do
  [ "$patch" = none ] || git -C "$dir" apply "$(realpath "$patch")"
done
echo "variant of $(git rev-parse --short HEAD) with $1 in $dir"
(cd "$dir" && BENCH_REVISION="$(git -C "$OLDPWD" rev-parse --short HEAD)$([ "$label" = none ] || echo "+$label")" npx tsx bench/run.ts --only="$sections" ${BENCH_FLAGS:-})
cp "$dir/bench/results/partial.json.tmp" "bench/results/variant-$label.json.tmp"

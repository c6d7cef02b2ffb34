#!/usr/bin/env bash
# The short fuzz pass of the test suite: builds the harnesses with clang (build.sh) and runs
# each for SECONDS_EACH seconds from the committed corpus and regressions. New inputs go to a
# scratch folder, never into the source tree. Exits 77 (skipped) without clang/libFuzzer.
#
#   tests/fuzz/run-fuzz.sh BUILD_DIR [SECONDS_EACH]
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build_dir=$1
seconds=${2:-30}
out=$build_dir/tests/fuzz-clang

"$here/build.sh" "$build_dir" "$out" >/dev/null
status=$?
[ $status -ne 0 ] && exit $status

failed=0
for harness in search dataset explain; do
  scratch=$(mktemp -d)
  extra=()
  [ "$harness" = dataset ] && extra=(-dict="$here/dataset.dict")
  "$out/fuzz-$harness" -max_total_time="$seconds" -max_len=8192 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$out/$harness-" "${extra[@]}" \
    "$scratch" "$here/corpus/$harness" "$here/regressions/$harness" >"$out/$harness.log" 2>&1
  result=$?
  runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$out/$harness.log")
  if [ $result -ne 0 ]; then
    echo "fuzz-$harness FAILED after ${runs:-?} executions: see $out/$harness.log"
    grep -E "ERROR|SUMMARY|Test unit written" "$out/$harness.log" | head -n 5
    failed=1
  else
    echo "fuzz-$harness: ${runs:-?} executions in ${seconds} s, no crash"
  fi
  rm -rf "$scratch"
done
exit $failed

#!/usr/bin/env bash
# Builds the runtime benchmarks (Release, clang++-19), runs the C++ program and
# the Python comparators RUNS times interleaved, and writes the medians and
# ratios to bench/RESULTS-runtime.md. Usage: bench/runtime/run.sh [RUNS] [quick]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
mode=${2:-}
build=$root/build-rt-bench
cmake -S "$root/bench/runtime" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld >/dev/null
cmake --build "$build" -j2 >/dev/null
out=$(mktemp)
for i in $(seq "$runs"); do
  "$build/bench_runtime" $mode >>"$out"
  python3 "$root/bench/runtime/ppe_bench.py" >>"$out"
done
python3 "$root/bench/runtime/summarize.py" "$out" "$runs" "bench/runtime/run.sh $runs $mode" >"$root/bench/RESULTS-runtime.md"
cat "$root/bench/RESULTS-runtime.md"

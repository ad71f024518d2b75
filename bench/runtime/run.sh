#!/usr/bin/env bash
# Builds the runtime benchmarks (Release, clang++-19), runs the C++ program and
# the Python comparators RUNS times interleaved, and writes the medians and
# ratios to bench/RESULTS-runtime.md.
# Usage: bench/runtime/run.sh [RUNS] [quick] [section...]
#   sections (default all): empty fanout reduce chunks roundtrip timers
#   looppool pp tcp idle (pp runs bench_process_pool). With sections given, the table is printed only
#   (bench/RESULTS-runtime.md is left alone). CONCUR_BENCH_BUILD overrides
#   the build directory (default build-rt-bench).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
shift || true
args=("$@")
sections=0
for a in "${args[@]}"; do [[ $a != quick ]] && sections=1; done
build=${CONCUR_BENCH_BUILD:-$root/build-rt-bench}
cmake -S "$root/bench/runtime" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld >/dev/null
cmake --build "$build" -j2 >/dev/null
out=$(mktemp)
# The process pool has its own program (run for "pp" or everything); the
# Python comparators run in the same round.
want() { [[ $sections == 0 ]] || [[ " ${args[*]} " == *" $1 "* ]]; }
quick=() others=$sections
for a in "${args[@]}"; do [[ $a == quick ]] && quick=(quick); done
[[ $sections == 1 ]] && { others=0; for a in "${args[@]}"; do [[ $a != quick && $a != pp ]] && others=1; done; }
for i in $(seq "$runs"); do
  if [[ $sections == 0 || $others == 1 ]]; then "$build/bench_runtime" "${args[@]}" >>"$out"; fi
  if want pp; then "$build/bench_process_pool" "${quick[@]}" >>"$out"; fi
  if want pp || want looppool; then /usr/bin/python3 "$root/bench/runtime/ppe_bench.py" >>"$out"; fi
done
cmd="bench/runtime/run.sh $runs${args[*]:+ ${args[*]}}"
if [[ $sections == 0 ]]; then
  /usr/bin/python3 "$root/bench/runtime/summarize.py" "$out" "$runs" "$cmd" >"$root/bench/RESULTS-runtime.md"
  cat "$root/bench/RESULTS-runtime.md"
else
  /usr/bin/python3 "$root/bench/runtime/summarize.py" "$out" "$runs" "$cmd"
fi
rm -f "$out"

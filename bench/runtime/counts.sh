#!/usr/bin/env bash
# Counted (not timed) runtime benchmarks, concur vs standalone Asio 1.22:
# callgrind instructions per coroutine operation and system calls per TCP
# echo request. Counts do not swing with the load of this shared machine the
# way wall-clock ratios do, so they serve as regression gates (spec:
# runtime.md, "Measuring on a noisy machine"). Prints a markdown table and
# writes it to bench/RESULTS-counts.md.
# Usage: bench/runtime/counts.sh   (CONCUR_COUNT_BUILD overrides the build
#   directory, default build-rt-count; needs valgrind, strace, libasio-dev;
#   perf, if it may read syscall tracepoints, adds an untraced syscall count)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${CONCUR_COUNT_BUILD:-$root/build-rt-count}
cmake -S "$root/bench/runtime" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld >/dev/null
cmake --build "$build" -j2 --target count_coro count_echo >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Instructions per operation: callgrind counts only inside count_coro's
# toggled region; (I(N2) - I(N1)) / (N2 - N1) cancels the region's fixed cost.
N1=1000 N2=2000
instr() {
  valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$tmp/cg" \
    "$build/count_coro" "$@" >/dev/null 2>&1
  awk '/^summary:/ {print $2}' "$tmp/cg"
}
per_op() {
  local a b
  a=$(instr "$1" "$2" $N1) b=$(instr "$1" "$2" $N2)
  awk -v a="$a" -v b="$b" -v n=$((N2 - N1)) 'BEGIN {printf "%.0f", (b - a) / n}'
}

# Syscalls per echo request: the server runs alone in its own process under
# the counting tool; two request counts again cancel start-up, accepts and
# closes. Prints "name calls errors" lines.
C=16 P1=250 P2=1250 REPS=3
serve() {  # impl per_conn tool
  rm -f "$tmp/port"
  if [[ $3 == strace ]]; then
    strace -f -c -S calls -o "$tmp/sys" "$build/count_echo" server "$1" $C >"$tmp/port" &
  else  # in-kernel tracepoint counter: the server is not stopped at each call
    perf stat -x, -e raw_syscalls:sys_enter -o "$tmp/sys" "$build/count_echo" server "$1" $C >"$tmp/port" &
  fi
  local pid=$! i
  for ((i = 0; i < 200; ++i)); do [[ -s $tmp/port ]] && break; sleep 0.05; done
  if ! "$build/count_echo" client "$(cat "$tmp/port")" $C "$2" >/dev/null; then
    kill $pid
    echo "counts.sh: the $1 echo server did not serve every request" >&2
    exit 1
  fi
  wait $pid
  if [[ $3 == strace ]]; then  # the errors column is blank when zero
    awk '$1 ~ /^[0-9.]+$/ {print $NF, $4, (NF == 6 ? $5 : 0)}' "$tmp/sys"
  else
    awk -F, '!/^#/ && NF > 2 {print "total", $1, 0}' "$tmp/sys"
  fi
}
per_request() {  # impl tool -> "total<TAB>breakdown"
  serve "$1" $P1 "$2" >"$tmp/a"
  serve "$1" $P2 "$2" >"$tmp/b"
  awk -v r=$((C * (P2 - P1))) '
    NR == FNR { c[$1] = $2; e[$1] = $3; next }
    { d = ($2 - c[$1]) / r; f = ($3 - e[$1]) / r
      if ($1 == "total") t = d
      else if (d >= 0.005) s = s (s == "" ? "" : ", ") sprintf("%s %.2f", $1, d) (f >= 0.005 ? sprintf(" (%.2f failed)", f) : "") }
    END { printf "%.2f\t%s\n", t, s }' "$tmp/a" "$tmp/b"
}
median_request() {  # the median of REPS runs, with that run's breakdown
  local i
  for ((i = 0; i < REPS; ++i)); do per_request "$1" "$2"; done | sort -n | sed -n "$(((REPS + 1) / 2))p"
}

row() {  # label concur asio target
  local met
  met=$(awk -v v="$2" -v t="$4" 'BEGIN {print (v != "" && v + 0 <= t + 0) ? "met" : "missed"}')
  echo "| $1 | $2 | $3 | ≤ $4 | $met |"
}
table=$(
  echo "| count | concur | Asio | target | |"
  echo "|---|---:|---:|---:|---|"
  row "coroutine create + co_await of a trivial task (instructions/op)" "$(per_op concur await)" "$(per_op asio await)" 250
  row "spawn onto the loop and run (instructions/op; Asio: co_spawn + run)" "$(per_op concur spawn)" "$(per_op asio spawn)" 1000
  row "yield to the loop (instructions/op; Asio: co_await post(executor))" "$(per_op concur yield)" "$(per_op asio yield)" 600
  IFS=$'\t' read -r sc bc < <(median_request concur strace)
  IFS=$'\t' read -r sa ba < <(median_request asio strace)
  row "syscalls per echo request, $C connections, 64 B (strace -f -c)" "$sc" "$sa" 2.2
  if perf stat -e raw_syscalls:sys_enter true >/dev/null 2>&1; then
    row "the same, untraced (perf stat, raw_syscalls:sys_enter)" \
      "$(median_request concur perf | cut -f1)" "$(median_request asio perf | cut -f1)" 2.2
  fi
  echo
  echo "Per request under strace (median run): concur: $bc; Asio: $ba."
)
{
  echo "# Counted runtime benchmarks (concur vs Asio 1.22)"
  echo
  echo "Command: \`bench/runtime/counts.sh\` ($(date +%F); clang++-19 -O2, $(valgrind --version), $(strace -V | head -1))."
  echo
  echo "$table"
  echo
  cat <<'EOF'
How: instructions are callgrind's, counted only between two
`CALLGRIND_TOGGLE_COLLECT`s around N operations that follow N warm-up ones
(`count_coro.cpp`), for N = 1000 and 2000: per op = difference / 1000. Spawn
is N tasks handed to an idle loop, then the loop run until they finish.
Syscalls are those of the echo server process alone (`count_echo.cpp`, one
coroutine per connection; the client is a plain epoll program in another
process, one outstanding 64-byte request per connection), for 4 000 and
20 000 requests: per request = difference / 16 000, median of 3. strace stops
the server at every call, so it falls behind the client and finds the next
request already there more often than an untraced server; perf's in-kernel
counter does not slow it, hence the second row.
EOF
} >"$root/bench/RESULTS-counts.md"
cat "$root/bench/RESULTS-counts.md"

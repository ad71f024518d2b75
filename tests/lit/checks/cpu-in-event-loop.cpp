// RUN: %concur check --checks='-*,concur-cpu-in-event-loop' --quiet %s -- %mockflags \
// RUN:   | FileCheck %s --implicit-check-not='[concur-cpu-in-event-loop]'
// RUN: %concur check --checks='-*,concur-cpu-in-event-loop' --quiet --config-file=%S/Inputs/cpu-threshold.yaml %s -- %mockflags \
// RUN:   | FileCheck %s --check-prefix=LOWER --implicit-check-not='[concur-cpu-in-event-loop]'

#include <concur/concur.hpp>
#include <task.h>
#include <vector>

task<int> fetch();

long crunch(int n) {
  long acc = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      acc += (i * j) % 7;
  return acc;
}

// --- fires ------------------------------------------------------------------
task<> loop_fires() {
  long acc = 0;
  for (int i = 0; i < 50000000; ++i)
    // CHECK: :[[@LINE-1]]:3: warning: loop of ~50M iterations runs on the event loop inside coroutine 'loop_fires' without suspending [concur-cpu-in-event-loop]
    // LOWER: :[[@LINE-2]]:3: warning: loop of ~50M iterations {{.*}} [concur-cpu-in-event-loop]
    acc += i % 3;
  co_await fetch();
}

task<> call_fires() {
  co_await fetch();
  long r = crunch(5000);
  // CHECK: :[[@LINE-1]]:12: warning: CPU-bound call 'crunch' (~{{[0-9]+}} ms estimated) runs on the event loop inside coroutine 'call_fires' [concur-cpu-in-event-loop]
  (void)r;
}

// A nest whose outer loop alone is short: the finding is at the outer loop,
// where the work on the event loop starts, with the nest's iterations.
struct Rounds { int rounds = 2000; int block = 65536; };
task<> nest_fires(const Rounds &cfg) {
  co_await fetch();
  unsigned x = 1;
  for (int r = 0; r < cfg.rounds; ++r)
    // CHECK: :[[@LINE-1]]:3: warning: loop of ~131M iterations runs on the event loop inside coroutine 'nest_fires' without suspending [concur-cpu-in-event-loop]
    // LOWER: :[[@LINE-2]]:3: warning: loop of ~131M iterations {{.*}} [concur-cpu-in-event-loop]
    for (int i = 0; i < cfg.block; ++i)
      x = x * 1664525u + 1013904223u;
  (void)x;
}

// A data member filled one call at a time by a loop of its caller.
struct Store {
  std::vector<int> items;
  void add(int k) { items.push_back(k); }
  task<> serve();
};
task<> Store::serve() {
  co_await fetch();
  long sum = 0;
  for (int k : items)
    // CHECK: :[[@LINE-1]]:3: warning: loop of ~700k iterations runs on the event loop inside coroutine 'Store::serve' without suspending [concur-cpu-in-event-loop]
    // LOWER: :[[@LINE-2]]:3: warning: loop of ~700k iterations {{.*}} [concur-cpu-in-event-loop]
    sum += k * 31 % 7;
  (void)sum;
}
void fill_store(Store &s) {
  for (int i = 0; i < 700000; ++i)
    s.add(i);
}

long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

task<> recursion_fires() {
  co_await fetch();
  long r = fib(36);
  // CHECK: :[[@LINE-1]]:12: warning: CPU-bound call 'fib' (~{{[0-9]+}} ms estimated) runs on the event loop inside coroutine 'recursion_fires' [concur-cpu-in-event-loop]
  (void)r;
}

// --- silent -----------------------------------------------------------------
// A callable handed to a function of the program that runs it on another
// thread: the function's body decides, and it does not call it here.
template <class F> void run_elsewhere(F f) { static F kept = f; (void)kept; }
task<> handed_over_silent() {
  run_elsewhere([] { return crunch(5000); });
  co_await fetch();
}

// Offloaded: the computation runs on a pool thread.
task<> offload_silent() {
  co_await concur::to_thread([] { return crunch(5000); });
}

// Suspends every iteration: the loop hands the thread back each time.
task<> suspending_loop_silent() {
  for (int i = 0; i < 1000000; ++i)
    co_await fetch();
}

// Small work stays on the loop (with the default threshold; the LOWER run
// sets MinIterations to 500 and MinCpuNs out of reach).
// LOWER: :[[@LINE+4]]:3: warning: loop of ~1000 iterations runs on the event loop inside coroutine 'small_loop_silent' without suspending [concur-cpu-in-event-loop]
task<> small_loop_silent() {
  long acc = 0;
  co_await fetch();
  for (int i = 0; i < 1000; ++i)
    acc += i;
}

// Not a coroutine.
long plain_silent() { return crunch(5000); }

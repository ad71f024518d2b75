// A coroutine's time at co_await goes to waiting for what it awaits, unless
// it awaits another coroutine of the program (whose work is its own).
// RUN: %concur check --format=json --quiet %s -- %mockflags > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines
// RUN: %json-query rationale %t.json compute | FileCheck %s --check-prefix=OFFLOAD
// RUN: %json-query rationale %t.json run_one | FileCheck %s --check-prefix=OFFLOAD-CALLEE
// RUN: %json-query evidence %t.json start_crunching | FileCheck %s --check-prefix=CRUNCH

#include <task.h>

task<int> receive(int fd); // an I/O awaitable from a library

// CHECK: serve io async
task<> serve(int fd) {
  for (;;) {
    int n = co_await receive(fd);
    if (n <= 0)
      break;
  }
}

// A coroutine with heavy synchronous work stays async and offloads it.
// CHECK-NEXT: compute cpu async
task<> compute() {
  long acc = 0;
  for (int i = 0; i < 40000000; ++i)
    acc += i % 7;
  co_return;
}
// OFFLOAD: {{.*}}offload the loop at line [[@LINE-4]] with co_await concur::to_thread(...){{.*}}

// Awaiting a coroutine of the program is not a wait: it inherits the work.
// CHECK-NEXT: run_one cpu async
task<> run_one() { co_await compute(); }
// OFFLOAD-CALLEE: {{.*}}offload 'compute' with co_await concur::to_thread(...){{.*}}

// Awaiting one that waits for I/O: its waits are the awaiting coroutine's.
// CHECK-NEXT: serve_all io async
task<> serve_all(int a, int b) {
  co_await serve(a);
  co_await serve(b);
}

// A function that makes the coroutine and hands it back does not wait at
// its co_awaits: it has the task back at the first suspension, and whoever
// awaits the task waits (as libcoro's spawn_joinable and async_simple's
// Lazy::start do; issue 10 sample).
// CHECK-NEXT: start_serving neutral none
task<> start_serving(int fd) { return serve(fd); }

// More waits than a function keeps evidence for, and a heavy loop: a caller
// that does not await it keeps the loop's evidence (the waits, the heaviest
// items, are not its own).
// CHECK-NEXT: crunch io async
task<> crunch(int fd, const int *data, int n) {
  co_await receive(fd);
  co_await receive(fd);
  co_await receive(fd);
  co_await receive(fd);
  co_await receive(fd);
  co_await receive(fd);
  co_await receive(fd);
  co_await receive(fd);
  co_await receive(fd);
  co_await receive(fd);
  co_await receive(fd);
  co_await receive(fd);
  co_await receive(fd);
  long acc = 0;
  for (int i = 0; i < n; ++i)
    acc += data[i] % 7;
}
// CHECK-NEXT: start_crunching cpu threads
task<> start_crunching(int fd, const int *data, int n) { return crunch(fd, data, n); }
// CRUNCH: loop over 'n', size unknown: O(n) in 'n' (1000 iterations assumed), {{.*}} via crunch

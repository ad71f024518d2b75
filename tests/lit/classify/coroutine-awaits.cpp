// A coroutine's time at co_await goes to waiting for what it awaits, unless
// it awaits another coroutine of the program (whose work is its own).
// RUN: %concur check --format=json --quiet %s -- %mockflags > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines

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

// CHECK-NEXT: compute cpu threads
task<> compute() {
  long acc = 0;
  for (int i = 0; i < 40000000; ++i)
    acc += i % 7;
  co_return;
}

// Awaiting a coroutine of the program is not a wait: it inherits the work.
// CHECK-NEXT: run_one cpu threads
task<> run_one() { co_await compute(); }

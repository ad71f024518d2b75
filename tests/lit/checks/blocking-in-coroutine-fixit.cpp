// The safe mechanical rewrite: a direct std::this_thread::sleep_for in a
// coroutine of concur::task becomes co_await concur::sleep_for.
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --format=json --quiet %s -- %mockflags > %t.json
// RUN: /usr/bin/python3 -c "import json; d=json.load(open('%t.json')); [print(f['length'], f['replacement']) for x in d['diagnostics'] for f in x['fixes']]" | FileCheck %s
// CHECK: 27 co_await concur::sleep_for
// CHECK-NOT: co_await

#include <chrono>
#include <concur/concur.hpp>
#include <task.h>
#include <thread>

concur::task<> step() {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  co_return;
}

// Another task type: the runtime's sleep would not be awaitable there, so no fix.
task<> other() {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  co_return;
}

// co_await is not allowed in a catch handler, nor in a static local's
// initializer: the finding stays, the rewrite is not offered.
int pause_once();
concur::task<> recover() {
  try {
    co_await concur::sleep_for(std::chrono::milliseconds(1));
  } catch (...) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  static int once = (std::this_thread::sleep_for(std::chrono::milliseconds(5)), 1);
  co_return;
}

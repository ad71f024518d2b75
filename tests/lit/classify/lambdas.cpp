// Lambdas are functions of their own; a callable passed to an algorithm is
// run by it, one passed to std::thread runs elsewhere.
// RUN: %concur check --format=json --quiet %s -- %mockflags > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines

#include <chrono>
#include <thread>

// The instantiation each<lambda> runs the sleeping lambda 20 times.
// CHECK: each io async
template <class F> void each(int n, F f) {
  for (int i = 0; i < n; ++i)
    f(i);
}

// CHECK-NEXT: step io async
void step() {
  each(20, [](int) { std::this_thread::sleep_for(std::chrono::milliseconds(5)); });
}
// CHECK-NEXT: step::(lambda at {{.*}}lambdas.cpp:[[@LINE-2]]:12) io async

// The thread's body sleeps and the spawner joins it (fork-join): its time is
// the worker's sleep, and the advice follows what the worker needs.
// CHECK-NEXT: handle io async
void handle() {
  std::thread t([] { std::this_thread::sleep_for(std::chrono::milliseconds(50)); });
  t.join();
}
// CHECK-NEXT: handle::(lambda at {{.*}}lambdas.cpp:[[@LINE-3]]:17) io async

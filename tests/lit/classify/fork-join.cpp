// Fork-join: a function that starts threads or async tasks that compute and
// then waits for them is CPU-bound (its process runs on several cores); the
// join is not I/O. Workers that block make it io. A join of a thread
// someone else started stays a wait for another thread.
// RUN: %concur check --format=json --quiet %s -- -std=c++20 -pthread > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines
// RUN: %json-query rationale %t.json run_one | FileCheck %s --check-prefix=WHY
// RUN: %json-query evidence %t.json run_one | FileCheck %s --check-prefix=EVIDENCE

#include <chrono>
#include <cstdint>
#include <future>
#include <thread>
#include <vector>

// CHECK: part cpu threads
static uint64_t part(const std::vector<uint32_t> &v, size_t begin, size_t end) {
  uint64_t h = 0;
  for (size_t i = begin; i < end; ++i)
    h = h * 31 + v[i] * 7 + (v[i] >> 3);
  return h;
}

// Threads built in place in a vector, joined in a loop.
// CHECK-NEXT: run_one cpu threads
uint64_t run_one(const std::vector<uint32_t> &v, int n) {
  std::vector<std::thread> threads;
  std::vector<uint64_t> out(n);
  const size_t chunk = v.size() / n;
  for (int t = 0; t < n; ++t)
    threads.emplace_back([&, t] { out[t] = part(v, t * chunk, (t + 1) * chunk); });
  for (auto &t : threads)
    t.join();
  uint64_t r = 0;
  for (uint64_t x : out)
    r ^= x;
  return r;
}
// WHY: CPU-bound, and already split over threads it starts and joins (fork-join){{.*}}
// EVIDENCE: starts threads or jobs with 'std::thread::thread' and waits for them{{.*}}
// CHECK-NEXT: run_one::(lambda at {{.*}}) cpu threads

// std::async futures, then get().
// CHECK-NEXT: task_a cpu threads
uint64_t task_a(const std::vector<uint32_t> &v) {
  auto low = std::async(std::launch::async, [&] { return part(v, 0, v.size() / 2); });
  auto high = std::async(std::launch::async, [&] { return part(v, v.size() / 2, v.size()); });
  return low.get() ^ high.get();
}
// CHECK-NEXT: task_a::(lambda at {{.*}}) cpu threads
// CHECK-NEXT: task_a::(lambda at {{.*}}) cpu threads

// CHECK-NEXT: nap io async
void nap() { std::this_thread::sleep_for(std::chrono::milliseconds(50)); }

// A worker that sleeps: the fork-join waits for a sleep.
// CHECK-NEXT: task_b io async
void task_b() {
  std::thread t(nap);
  t.join();
}

// Joins a thread it did not start: waiting for another thread.
// CHECK-NEXT: finish io threads
void finish(std::thread &t) { t.join(); }

// CHECK-NEXT: main io async
int main() {
  std::vector<uint32_t> v(40'000'000, 3);
  std::thread t(nap);
  finish(t);
  task_b();
  return int(run_one(v, 4) ^ task_a(v));
}

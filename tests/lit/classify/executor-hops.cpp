// `co_await pool.schedule()` moves the coroutine to a pool's worker: the
// time until it resumes is queueing, not waiting for I/O, so the hop makes
// the coroutine neither io nor anything else (issue 10: libcoro's thread
// pool examples came out io 0.9 for a million-step RNG loop after the hop).
// A suspension the catalogue does not name as a move still waits.
// Written the way libcoro's thread pool is: the catalogue names it.
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines
// RUN: %json-query evidence %t.json coro_offload | FileCheck %s --check-prefix=HOP
// RUN: %json-query rationale %t.json coro_offload | FileCheck %s --check-prefix=WHY

#include <coroutine>
#include <cstdint>
#include <deque>
#include <mutex>
#include <random>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

namespace coro {
class thread_pool {
public:
  struct operation {
    thread_pool &pool;
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept { pool.enqueue(h); }
    void await_resume() noexcept {}
  };
  operation schedule() { return operation{*this}; }
  operation yield() { return operation{*this}; }
  void enqueue(std::coroutine_handle<> h) {
    std::lock_guard<std::mutex> guard(mutex_);
    queue_.push_back(h);
  }

private:
  std::mutex mutex_;
  std::deque<std::coroutine_handle<>> queue_;
};
} // namespace coro

// CHECK: task::promise_type::get_return_object neutral none
// CHECK: coro::thread_pool::enqueue neutral none

// Hops onto the pool, then computes: cpu, and it is already where CPU work
// belongs: threads, not "offload it" (it has).
// CHECK: coro_offload cpu threads
task coro_offload(coro::thread_pool &pool, std::uint64_t seed) {
  co_await pool.schedule();
  for (int i = 0; i < 1000000; ++i)
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
  co_return;
}
// HOP: loop with 1M iterations, {{.*}}
// HOP-NEXT: moves to another executor at co_await 'coro::thread_pool::schedule' (queues the coroutine, does not wait for I/O)
// WHY: CPU-bound, and it already runs on a thread pool {{.*}}

// Computes on the loop, before any hop: async, and offload the computation.
// CHECK-NEXT: compute_then_hop cpu async
task compute_then_hop(coro::thread_pool &pool, std::uint64_t seed) {
  for (int i = 0; i < 1000000; ++i)
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
  co_await pool.schedule();
  co_return;
}

// Hops, then draws a million random numbers: the time goes to the standard
// library's distribution (library calls, not the loop's own operations),
// and it runs on the pool as well: threads. This is libcoro's
// examples/coro_thread_pool.cpp.
// CHECK-NEXT: coro_draws cpu threads
task coro_draws(coro::thread_pool &pool, std::uint64_t seed) {
  co_await pool.schedule();
  std::mt19937 gen{static_cast<std::mt19937::result_type>(seed)};
  std::uniform_int_distribution<> d{0, 1};
  std::uint64_t sum = 0;
  for (int i = 0; i < 1000000; ++i)
    sum += d(gen);
  co_return;
}

// A hop and nothing else: neutral.
// CHECK-NEXT: hop_only neutral none
task hop_only(coro::thread_pool &pool) {
  co_await pool.schedule();
  co_await pool.yield();
  co_return;
}

// An awaitable nothing names: the time at it is taken as waiting.
struct later {
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
// CHECK: later::await_resume neutral none
// CHECK-NEXT: waits_for_later io async
task waits_for_later() {
  co_await later{};
  co_return;
}

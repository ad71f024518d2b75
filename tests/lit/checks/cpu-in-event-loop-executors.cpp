// Heavy work after `co_await pool.schedule()` runs on the pool's thread, not
// on the event loop (issue 9, item 3): loops and CPU-bound calls there are
// silent; the same work before the switch fires. A coroutine handed to the
// pool to start (`pool.spawn_detached(make())`) runs there from its first line.
// RUN: %concur check --checks='-*,concur-cpu-in-event-loop' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-cpu-in-event-loop]'

#include <coroutine>
#include <vector>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

namespace coro {
class thread_pool {
public:
  struct operation {
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept { h.resume(); }
    void await_resume() noexcept {}
  };
  operation schedule() { return {}; }
  bool spawn_detached(task &&t) { return true; }
};
} // namespace coro

long crunch(int n) {
  long acc = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      acc += (i * j) % 7;
  return acc;
}

task render(coro::thread_pool &pool, long &out) {
  long early = crunch(4000);
  // CHECK: :[[@LINE-1]]:16: warning: CPU-bound call 'crunch' {{.*}} inside coroutine 'render' [concur-cpu-in-event-loop]
  co_await pool.schedule();
  long acc = crunch(4000);
  for (int i = 0; i < 50000000; ++i)
    acc += i % 3;
  out = acc + early;
}

// Started on the pool: silent.
task tally(long &out) {
  out = crunch(4000);
  co_return;
}

void start_tally(coro::thread_pool &pool, long &out) { pool.spawn_detached(tally(out)); }

// Started from plain code, which runs it on the calling thread's loop: fires.
task tally_inline(long &out) {
  out = crunch(4000);
  // CHECK: :[[@LINE-1]]:9: warning: CPU-bound call 'crunch' {{.*}} inside coroutine 'tally_inline' [concur-cpu-in-event-loop]
  co_return;
}

void start_inline(long &out) { tally_inline(out); }

// A coroutine started on a pool runs there from its first line (issue 9,
// item 3): handed to a catalogued `start-on-pool` call, or co_awaited only
// from places that are already on a pool. A coroutine also created anywhere
// else is assumed to run on the event loop, as before.
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-blocking-in-coroutine]'

#include <chrono>
#include <coroutine>
#include <thread>
#include <unistd.h>
#include <utility>

// A lazy task, the usual shape: the body starts when it is awaited or resumed.
template <typename T = void> struct task {
  struct promise_type {
    task get_return_object() { return task{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<> caller) noexcept { handle_.resume(); }
  void await_resume() noexcept {}
  std::coroutine_handle<promise_type> handle() const { return handle_; } // converts to coroutine_handle<>
  std::coroutine_handle<promise_type> handle_;
};

// A minimal stand-in with libcoro's spelling.
namespace coro {
class thread_pool {
public:
  struct operation {
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept { h.resume(); }
    void await_resume() noexcept {}
  };
  operation schedule() { return {}; }
  bool spawn_detached(task<> &&t) { t.handle().resume(); return true; }
  task<> spawn_joinable(task<> &&t) { return std::move(t); }
  bool resume(std::coroutine_handle<> h) { h.resume(); return true; }
};
} // namespace coro

struct event_loop {
  void spawn(task<> &&t) { t.handle().resume(); }
};

void simulate_work(std::chrono::milliseconds d) { std::this_thread::sleep_for(d); }

// --- silent ------------------------------------------------------------------
// Awaited only after the caller moved to the pool, and what it awaits in turn.
task<> compress_chunk(int fd) {
  char buf[256];
  read(fd, buf, sizeof buf);
  co_return;
}

task<> compress_file(int fd) {
  for (int i = 0; i < 4; ++i)
    co_await compress_chunk(fd);
}

task<> archive(coro::thread_pool &pool, int fd) {
  co_await pool.schedule();
  co_await compress_file(fd);
}

// Handed to the pool to start.
task<> slow_job(std::chrono::milliseconds d) {
  simulate_work(d);
  co_return;
}

void start_jobs(coro::thread_pool &pool) {
  pool.spawn_detached(slow_job(std::chrono::milliseconds{50}));
  auto joined = pool.spawn_joinable(slow_job(std::chrono::milliseconds{10}));
}

// Through a local variable, resumed on the pool by its handle.
task<> long_job() {
  usleep(200000);
  co_return;
}

void start_by_handle(coro::thread_pool &pool) {
  auto job = long_job();
  pool.resume(job.handle());
}

// --- fires -------------------------------------------------------------------
// Awaited on the pool in one place, from the loop in another.
task<> fetch_block(int fd) {
  char buf[256];
  read(fd, buf, sizeof buf);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'read' inside coroutine 'fetch_block' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

task<> on_pool(coro::thread_pool &pool, int fd) {
  co_await pool.schedule();
  co_await fetch_block(fd);
}

task<> on_loop(int fd) { co_await fetch_block(fd); }

// Awaited before the move to the pool.
task<> warm_up() {
  usleep(1000);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'usleep' inside coroutine 'warm_up' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

task<> too_early(coro::thread_pool &pool) {
  co_await warm_up();
  co_await pool.schedule();
}

// Spawned on an event loop, not a pool.
task<> tick() {
  simulate_work(std::chrono::milliseconds{5});
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for' inside coroutine 'tick' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

void start_ticks(event_loop &loop) { loop.spawn(tick()); }

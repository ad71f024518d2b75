// A coroutine that moved itself to a thread pool runs what follows there:
// blocking or heavy work after `co_await pool.schedule()` stalls no event
// loop (issue 9, item 3). Which awaitables switch executor is catalogue data:
// libcoro's thread_pool is bundled, a user's pool comes from --catalog.
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet \
// RUN:   --catalog=%S/Inputs/worker-pool.yaml %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-blocking-in-coroutine]'

#include <chrono>
#include <fstream>
#include <string>
#include <coroutine>
#include <unistd.h>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// A minimal stand-in with libcoro's spelling (coro::thread_pool::schedule).
namespace coro {
class thread_pool {
public:
  struct operation {
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept { h.resume(); }
    void await_resume() noexcept {}
  };
  operation schedule() { return {}; }
};
} // namespace coro

namespace app {
struct worker_pool {
  coro::thread_pool::operation schedule() { return {}; }
};
struct loop {
  coro::thread_pool::operation schedule() { return {}; }
};
} // namespace app

// A promise whose initial_suspend() moves the coroutine to an executor before
// its first line, with concurrencpp's spelling.
namespace concurrencpp::details {
struct initialy_rescheduled_promise {
  coro::thread_pool::operation initial_suspend() const noexcept { return {}; }
};
} // namespace concurrencpp::details

struct executor_task {
  struct promise_type : concurrencpp::details::initialy_rescheduled_promise {
    executor_task get_return_object() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// Helpers that block, called from the coroutines: a chain ends in read().
ssize_t read_block(int fd, char *buf) { return read(fd, buf, 512); }

// --- silent: everything after the switch runs on the pool -----------------
task checksum_on_pool(coro::thread_pool &pool, int fd) {
  co_await pool.schedule();
  char buf[512];
  read_block(fd, buf);
  usleep(1000);
}

// A constructor that blocks (opening a file) is a call like any other.
task load_on_pool(coro::thread_pool &pool, const std::string &path) {
  co_await pool.schedule();
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
}

executor_task started_on_executor(int fd) {
  char buf[512];
  read(fd, buf, sizeof buf);
  co_return;
}

task user_pool(app::worker_pool &workers, int fd) {
  co_await workers.schedule();
  char buf[512];
  read(fd, buf, sizeof buf);
}

// --- fires: before the switch, after a switch back, on one path only --------
task before_the_switch(coro::thread_pool &pool, int fd) {
  char buf[512];
  read_block(fd, buf);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'read' inside coroutine 'before_the_switch' {{.*}} [concur-blocking-in-coroutine]
  co_await pool.schedule();
  read_block(fd, buf);
}

task back_on_the_loop(app::worker_pool &workers, app::loop &loop, int fd) {
  co_await workers.schedule();
  char buf[512];
  read(fd, buf, sizeof buf);
  co_await loop.schedule();
  read(fd, buf, sizeof buf);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'read' inside coroutine 'back_on_the_loop' {{.*}} [concur-blocking-in-coroutine]
}

task switched_on_one_path(coro::thread_pool &pool, int fd, bool heavy) {
  if (heavy)
    co_await pool.schedule();
  usleep(1000);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'usleep' inside coroutine 'switched_on_one_path' {{.*}} [concur-blocking-in-coroutine]
}

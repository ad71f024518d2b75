// A wait on a result the coroutine already has does not block (issue 9,
// item 4): get() after co_await of the same future, get() on the branch where
// a timed wait said std::future_status::ready, and wait_for(0s), which only
// polls; the value of a co_await (a resolved result), also in a helper this
// call hands it to, directly or through another helper. A get() before the
// await, after a new future was assigned, on the not-ready branch, or in a
// helper given a pending future still waits.
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-blocking-in-coroutine]'

#include <chrono>
#include <coroutine>
#include <future>
#include <tuple>

using namespace std::chrono_literals;

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// An awaitable over a future, as event-loop libraries write one: it polls
// the future from the loop and resumes the coroutine once it is ready.
template <class T> struct ready_awaiter {
  std::future<T> &f;
  bool await_ready() { return f.wait_for(0s) == std::future_status::ready; }
  void await_suspend(std::coroutine_handle<> h) { h.resume(); }
  void await_resume() {}
};
template <class T> ready_awaiter<T> when_ready(std::future<T> &f) { return {f}; }

std::future<int> start_job(int n);

// co_await resolved(f) gives back the future once it is ready, as
// concurrencpp's co_await r.resolve() does.
struct resolved_awaiter {
  std::future<int> &f;
  bool await_ready() { return f.wait_for(0s) == std::future_status::ready; }
  void await_suspend(std::coroutine_handle<> h) { h.resume(); }
  std::future<int> await_resume() { return std::move(f); }
};
resolved_awaiter resolved(std::future<int> &f) { return {f}; }

// ... and when_all's: a tuple of ready results.
struct resolved_all {
  std::future<int> &f;
  bool await_ready() { return f.wait_for(0s) == std::future_status::ready; }
  void await_suspend(std::coroutine_handle<> h) { h.resume(); }
  std::tuple<std::future<int>> await_resume() { return {std::move(f)}; }
};

int expect_value(std::future<int> done) { return done.get(); }
int expect_any(std::future<int> maybe) { return maybe.get(); }
int expect_positive(std::future<int> done) { return expect_value(std::move(done)) > 0; }

// --- silent -----------------------------------------------------------------
task awaited_then_get(int n) {
  std::future<int> result = start_job(n);
  co_await when_ready(result);
  int value = result.get();
  (void)value;
}

task polled_then_get(int n) {
  std::future<int> result = start_job(n);
  while (result.wait_for(0s) != std::future_status::ready)
    co_await std::suspend_always{};
  int value = result.get();
  (void)value;
}

task tested_ready_then_get(std::future<int> &pending) {
  if (pending.wait_for(0ms) == std::future_status::ready) {
    int value = pending.get();
    (void)value;
  }
  co_return;
}

task resolved_then_get(int n) {
  std::future<int> pending = start_job(n);
  auto done = co_await resolved(pending);
  int value = done.get();
  int again = expect_value(std::move(done));
  auto second = co_await resolved(pending);
  bool positive = expect_positive(std::move(second));
  auto all = co_await resolved_all{pending};
  int first = expect_value(std::move(std::get<0>(all)));
  auto &part = std::get<0>(all);
  int direct = part.get();
  (void)first;
  (void)direct;
  (void)value;
  (void)again;
  (void)positive;
}

// --- fires ------------------------------------------------------------------
task pending_to_helper(int n) {
  std::future<int> pending = start_job(n);
  int value = expect_any(std::move(pending));
  // CHECK: :[[@LINE-1]]:15: warning: blocking call {{.*}}get' inside coroutine 'pending_to_helper' {{.*}} [concur-blocking-in-coroutine]
  auto done = co_await resolved(pending);
  (void)expect_any(std::move(done)); // the same helper, given a ready value here: silent
  (void)value;
}

task get_before_await(int n) {
  std::future<int> result = start_job(n);
  int early = result.get();
  // CHECK: :[[@LINE-1]]:15: warning: blocking call {{.*}}get' inside coroutine 'get_before_await' {{.*}} [concur-blocking-in-coroutine]
  (void)early;
  co_await when_ready(result);
}

task reassigned_after_await(int n) {
  std::future<int> result = start_job(n);
  co_await when_ready(result);
  result = start_job(n + 1);
  int value = result.get();
  // CHECK: :[[@LINE-1]]:15: warning: blocking call {{.*}}get' inside coroutine 'reassigned_after_await' {{.*}} [concur-blocking-in-coroutine]
  (void)value;
}

task get_on_the_timeout_branch(std::future<int> &pending) {
  if (pending.wait_for(0ms) != std::future_status::ready) {
    int value = pending.get();
    // CHECK: :[[@LINE-1]]:17: warning: blocking call {{.*}}get' inside coroutine 'get_on_the_timeout_branch' {{.*}} [concur-blocking-in-coroutine]
    (void)value;
  }
  co_return;
}

task other_future_awaited(int n) {
  std::future<int> a = start_job(n), b = start_job(n + 1);
  co_await when_ready(a);
  int value = b.get();
  // CHECK: :[[@LINE-1]]:15: warning: blocking call {{.*}}get' inside coroutine 'other_future_awaited' {{.*}} [concur-blocking-in-coroutine]
  (void)value;
}

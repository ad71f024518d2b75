// What a standard guard holds (issue 9, item 2): adopt_lock takes over the
// lock already taken (the acquisition is the earlier lock()); defer_lock and
// a default-constructed unique_lock hold nothing and wait for nothing;
// move-assigning a unique_lock releases what it held before.
// RUN: %concur check --checks='-*,concur-lock-across-suspend' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=HELD --implicit-check-not='[concur-lock-across-suspend]'
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet \
// RUN:   --config-file=%S/Inputs/short-sections.concur.yaml %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=WAITS --implicit-check-not='[concur-blocking-in-coroutine]'

#include <coroutine>
#include <mutex>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

std::suspend_always next_round() { return {}; }

std::mutex journal, index_mutex;

task adopt_and_wait() {
  journal.lock();
  // HELD: :[[@LINE-1]]:3: warning: lock on 'journal' is held across a suspension point in coroutine 'adopt_and_wait' [concur-lock-across-suspend]
  // WAITS: :[[@LINE-2]]:3: warning: blocking call 'std::mutex::lock' inside coroutine 'adopt_and_wait' {{.*}} [concur-blocking-in-coroutine]
  std::lock_guard<std::mutex> hold(journal, std::adopt_lock);
  co_await next_round();
}

task deferred() {
  std::unique_lock<std::mutex> later(journal, std::defer_lock);
  std::unique_lock<std::mutex> none;
  co_await next_round();
}

task switch_locks() {
  std::unique_lock<std::mutex> hold(journal);
  // WAITS: :[[@LINE-1]]:32: warning: blocking call {{.*}}unique_lock{{.*}} inside coroutine 'switch_locks' {{.*}} [concur-blocking-in-coroutine]
  hold = std::unique_lock<std::mutex>(index_mutex);
  // HELD: :[[@LINE-1]]:10: warning: lock on 'index_mutex' is held across a suspension point in coroutine 'switch_locks' [concur-lock-across-suspend]
  // WAITS: :[[@LINE-2]]:10: warning: blocking call {{.*}}unique_lock{{.*}} inside coroutine 'switch_locks' {{.*}} [concur-blocking-in-coroutine]
  co_await next_round();
}

// C11 <threads.h> mutexes are locks like pthread's (issue 9, item 2):
// mtx_lock held across co_await fires, released before it does not.
// RUN: %concur check --checks='-*,concur-lock-across-suspend' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-lock-across-suspend]'

#include <coroutine>
#include <threads.h>

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

static mtx_t table_lock;
static int rows;

task insert_slowly() {
  mtx_lock(&table_lock);
  // CHECK: :[[@LINE-1]]:3: warning: lock on 'table_lock' is held across a suspension point in coroutine 'insert_slowly' [concur-lock-across-suspend]
  ++rows;
  co_await next_round();
  mtx_unlock(&table_lock);
}

task insert_quickly() {
  mtx_lock(&table_lock);
  ++rows;
  mtx_unlock(&table_lock);
  co_await next_round();
}

// mtx_trylock returns thrd_success (0) when it took the lock.
task try_insert() {
  if (!mtx_trylock(&table_lock)) {
    // CHECK: :[[@LINE-1]]:8: warning: lock on 'table_lock' is held across a suspension point in coroutine 'try_insert' [concur-lock-across-suspend]
    ++rows;
    co_await next_round();
    mtx_unlock(&table_lock);
  }
}

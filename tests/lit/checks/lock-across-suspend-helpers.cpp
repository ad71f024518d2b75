// Locks taken and released inside helpers count in the caller (issue 9,
// item 2): enter() ... co_await ... leave() holds the mutex while suspended.
// A helper whose lock and unlock balance, or that uses a guard, leaves
// nothing held.
// RUN: %concur check --checks='-*,concur-lock-across-suspend' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-lock-across-suspend]'

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

static std::mutex registry_mutex;
static int registered;

void enter() { registry_mutex.lock(); }
void leave() { registry_mutex.unlock(); }
void bump() {
  registry_mutex.lock();
  ++registered;
  registry_mutex.unlock();
}
void bump_guarded() {
  std::lock_guard<std::mutex> hold(registry_mutex);
  ++registered;
}

class account {
public:
  task deposit(int amount) {
    lock_state();
    // CHECK: :[[@LINE-1]]:5: warning: lock on 'mutex_' is held across a suspension point in coroutine 'account::deposit' [concur-lock-across-suspend]
    balance_ += amount;
    co_await next_round();
    unlock_state();
  }

  task audit() {
    lock_state();
    int seen = balance_;
    unlock_state();
    co_await next_round();
    (void)seen;
  }

private:
  void lock_state() { mutex_.lock(); }
  void unlock_state() { mutex_.unlock(); }
  std::mutex mutex_;
  int balance_ = 0;
};

// --- fires -------------------------------------------------------------------
task register_slowly() {
  enter();
  // CHECK: :[[@LINE-1]]:3: warning: lock on 'registry_mutex' is held across a suspension point in coroutine 'register_slowly' [concur-lock-across-suspend]
  ++registered;
  co_await next_round();
  leave();
}

// --- silent ------------------------------------------------------------------
task register_quickly() {
  enter();
  ++registered;
  leave();
  co_await next_round();
  bump();
  co_await next_round();
  bump_guarded();
  co_await next_round();
}

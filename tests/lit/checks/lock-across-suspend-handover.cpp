// An awaitable that takes the guard by reference releases it as it suspends
// (issue 9, item 2): an async condition variable's wait(lock), an async
// mutex's waiter queue. The lock is not held while the coroutine is
// suspended there. A guard the awaitable cannot release (passed by const
// reference, or not passed at all) is still held.
// RUN: %concur check --checks='-*,concur-lock-across-suspend' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-lock-across-suspend]'

#include <coroutine>
#include <deque>
#include <mutex>
#include <utility>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// An async mutex: a waiter queues itself, then gives up the inner lock.
class async_gate {
public:
  struct waiter {
    async_gate &gate;
    std::unique_lock<std::mutex> &lock;
    std::coroutine_handle<> handle;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) {
      handle = h;
      gate.waiters_.push_back(h);
      auto released = std::move(lock); // unlocks as it goes out of scope
    }
    void await_resume() const noexcept {}
  };

  task enter() {
    while (true) {
      std::unique_lock<std::mutex> lock(mutex_);
      if (!closed_) {
        closed_ = true;
        break;
      }
      co_await waiter{*this, lock};
    }
  }

  // A condition-variable-like wait: wait(lock) releases while suspended.
  struct wait_op {
    std::unique_lock<std::mutex> &lock;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) { lock.unlock(); }
    void await_resume() { lock.lock(); }
  };
  wait_op wait(std::unique_lock<std::mutex> &lock) { return {lock}; }

  // async_simple's spelling: wait(mutex, predicate) takes the mutex itself.
  struct mutex_wait_op {
    std::mutex &m;
    bool (*ready)();
    bool await_ready() const { return ready(); }
    void await_suspend(std::coroutine_handle<>) { m.unlock(); }
    void await_resume() { m.lock(); }
  };
  mutex_wait_op wait_for(std::mutex &m, bool (*ready)()) { return {m, ready}; }

  task pop(bool (*ready)()) {
    std::unique_lock<std::mutex> lock(mutex_);
    co_await wait_for(mutex_, ready);
  }

  task drain() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!waiters_.empty())
      co_await wait(lock);
  }

  // --- fires: an awaitable that only reads the guard cannot release it ------
  struct peek_op {
    const std::unique_lock<std::mutex> &lock;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) {}
    void await_resume() {}
  };

  task peek() {
    std::unique_lock<std::mutex> lock(mutex_);
    // CHECK: :[[@LINE-1]]:34: warning: lock on 'mutex_' is held across a suspension point in coroutine 'async_gate::peek' [concur-lock-across-suspend]
    co_await peek_op{lock};
  }

private:
  std::mutex mutex_;
  bool closed_ = false;
  std::deque<std::coroutine_handle<>> waiters_;
};

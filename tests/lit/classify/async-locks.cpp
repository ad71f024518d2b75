// `co_await m.scoped_lock()` on a coroutine mutex suspends only while another
// coroutine holds it: a critical section's entry, charged as a lock, which
// does not decide the kind (issue 10: libcoro's queue::emplace and
// shared_mutex::unlock_shared came out io 0.9, "suspends at co_await").
// The lock check does not fire on it: such mutexes are meant to be held
// across co_await. Written the way libcoro's mutex is: the catalogue names it.
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines
// RUN: %json-query evidence %t.json push | FileCheck %s --check-prefix=LOCK
// RUN: %concur check %s -- -std=c++20 2>&1 | FileCheck %s --check-prefix=DIAG --allow-empty --implicit-check-not='[concur-'

#include <coroutine>
#include <deque>

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
class mutex;
class scoped_lock {
public:
  explicit scoped_lock(mutex &m) : m_(&m) {}
  ~scoped_lock();
  void unlock();

private:
  mutex *m_;
};
class mutex {
public:
  struct lock_operation {
    mutex &m;
    bool await_ready() noexcept { return !m.locked_; }
    void await_suspend(std::coroutine_handle<> h) noexcept { m.waiters_.push_back(h); }
    coro::scoped_lock await_resume() noexcept {
      m.locked_ = true;
      return coro::scoped_lock{m};
    }
  };
  lock_operation scoped_lock() { return lock_operation{*this}; }
  void unlock() {
    locked_ = false;
    if (!waiters_.empty()) {
      auto next = waiters_.front();
      waiters_.pop_front();
      next.resume();
    }
  }

private:
  bool locked_ = false;
  std::deque<std::coroutine_handle<>> waiters_;
};
inline scoped_lock::~scoped_lock() { unlock(); }
inline void scoped_lock::unlock() {
  if (m_)
    m_->unlock();
  m_ = nullptr;
}
} // namespace coro

// An awaitable nothing names: waiting for it is taken as I/O.
struct readable {
  int fd;
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  int await_resume() noexcept { return fd; }
};

struct mailbox {
  coro::mutex mutex;
  std::deque<int> items;
};

// CHECK: coro::mutex::scoped_lock neutral none

// Locks, pushes, unlocks: neutral.
// CHECK: push neutral none
task push(mailbox &box, int value) {
  auto lock = co_await box.mutex.scoped_lock();
  box.items.push_back(value);
}
// LOCK: acquires a coroutine lock at co_await 'coro::mutex::scoped_lock' (suspends only while another coroutine holds it)

// The same in a class template's member, judged in its pattern (where the
// co_await is dependent), as libcoro's coro::queue<T>::emplace is.
template <typename T> class queue {
public:
  // CHECK-NEXT: queue::push neutral none
  task push(T value) {
    auto lock = co_await mutex_.scoped_lock();
    items_.push_back(value);
  }

private:
  coro::mutex mutex_;
  std::deque<T> items_;
};

// Holds the coroutine mutex across a wait for input: the wait is I/O, the
// lock neither adds to it nor draws a finding.
// CHECK-NEXT: receive_into io async
task receive_into(mailbox &box, int fd) {
  auto lock = co_await box.mutex.scoped_lock();
  int value = co_await readable{fd};
  box.items.push_back(value);
}

// DIAG-NOT: warning

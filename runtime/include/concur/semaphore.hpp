// concur/semaphore.hpp - an async counting semaphore for bounding concurrency
// between tasks on one loop (asyncio.Semaphore).
//
// Thread safety: not thread-safe: use it from the tasks of one loop.
// Blocking: acquire() suspends the task, never the loop; waiters are served
// in FIFO order. Cancellation: a waiting acquire() throws operation_cancelled
// when the task's stop token is stopped (no permit is taken).
// Exceptions: only operation_cancelled.
//
//   concur::semaphore sem(8);            // at most 8 downloads at once
//   auto permit = co_await sem.lock();   // released when `permit` dies
#pragma once

#include <coroutine>
#include <cstddef>
#include <utility>

#include "concur/detail/waitlist.hpp"

namespace concur {

class semaphore {
 public:
  explicit semaphore(std::ptrdiff_t permits) noexcept : count_(permits) {}
  semaphore(const semaphore&) = delete;
  semaphore& operator=(const semaphore&) = delete;

  std::ptrdiff_t available() const noexcept { return count_; }
  bool try_acquire() noexcept {
    if (count_ > 0 && waiters_.empty()) return --count_, true;
    return false;
  }
  /// Returns n permits, handing them to waiters first.
  void release(std::ptrdiff_t n = 1) {
    while (n > 0 && !waiters_.empty()) {
      detail::waitlist::wake(waiters_.pop_front());
      --n;
    }
    count_ += n;
  }

  class acquire_awaiter {
   public:
    explicit acquire_awaiter(semaphore& s) noexcept : s_(&s) {}
    bool await_ready() noexcept { return s_->try_acquire(); }
    template <class P>
    bool await_suspend(std::coroutine_handle<P> h) {
      if (!s_->waiters_.enqueue(&node_, h, detail::stop_token_of(h))) {
        node_.cancelled = true;
        return false;
      }
      return true;
    }
    void await_resume() const {
      if (node_.cancelled) throw operation_cancelled();
    }
    ~acquire_awaiter() { s_->waiters_.unlink(&node_); }

   protected:
    semaphore* s_;
    detail::wait_node node_;
  };
  /// `co_await sem.acquire()` takes one permit (release() it yourself).
  acquire_awaiter acquire() noexcept { return acquire_awaiter(*this); }

  class guard {
   public:
    guard() noexcept = default;
    explicit guard(semaphore* s) noexcept : s_(s) {}
    guard(guard&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
    guard& operator=(guard&& o) noexcept {
      if (this != &o) {
        reset();
        s_ = std::exchange(o.s_, nullptr);
      }
      return *this;
    }
    ~guard() { reset(); }
    void reset() {
      if (s_) std::exchange(s_, nullptr)->release();
    }

   private:
    semaphore* s_ = nullptr;
  };
  struct lock_awaiter : acquire_awaiter {
    using acquire_awaiter::acquire_awaiter;
    guard await_resume() const {
      acquire_awaiter::await_resume();
      return guard(s_);
    }
  };
  /// `co_await sem.lock()` takes a permit, returned when the guard dies.
  lock_awaiter lock() noexcept { return lock_awaiter(*this); }

 private:
  std::ptrdiff_t count_;
  detail::waitlist waiters_;
};

}  // namespace concur

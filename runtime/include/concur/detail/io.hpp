// concur/detail/io.hpp - the awaitable behind every descriptor operation:
// the system call is tried first; only on EAGAIN does the task wait for the
// descriptor (registered once, edge-triggered) with an optional timeout and
// the task's stop token.
#pragma once

#include <sys/types.h>

#include <cerrno>
#include <chrono>
#include <coroutine>
#include <cstddef>
#include <system_error>

#include "concur/errors.hpp"
#include "concur/event_loop.hpp"

namespace concur::detail {

using io_timeout = std::chrono::nanoseconds;  // zero: no timeout

// An owned descriptor, non-blocking, registered with the loop of the thread
// that first waits on it.
class fd_handle {
 public:
  fd_handle() noexcept = default;
  explicit fd_handle(int fd);  // takes ownership, sets O_NONBLOCK
  fd_handle(fd_handle&& o) noexcept;
  fd_handle& operator=(fd_handle&& o) noexcept;
  fd_handle(const fd_handle&) = delete;
  fd_handle& operator=(const fd_handle&) = delete;
  ~fd_handle() { close(); }
  int fd() const noexcept { return fd_; }
  bool is_open() const noexcept { return fd_ >= 0; }
  void close() noexcept;
  int release() noexcept;
  io_state* state();  // registers on first use (loop thread)
  event_loop* loop() const noexcept { return loop_; }

 private:
  int fd_ = -1;
  event_loop* loop_ = nullptr;
  io_state* st_ = nullptr;
};

// Op: a callable returning the syscall's result, or -errno; -EAGAIN waits.
// If Op has map(long), co_await yields op.map(result).
template <class Op>
class io_awaiter : private io_waiter {
 public:
  io_awaiter(fd_handle& f, bool write, io_timeout timeout, Op op)
      : f_(&f), write_(write), timeout_(timeout), op_(std::move(op)) {}
  io_awaiter(const io_awaiter&) = delete;
  ~io_awaiter() { detach(); }

  bool await_ready() {
    if (!f_->is_open()) {
      result_ = -EBADF;
      return true;
    }
    result_ = op_();
    return result_ != -EAGAIN && result_ != -EWOULDBLOCK;
  }
  template <class P>
  bool await_suspend(std::coroutine_handle<P> h) {
    return suspend(h, stop_token_of(h));
  }
  // The result: op.map(n) if the op defines it, else the byte count.
  auto await_resume() {
    if (status_ == ECANCELED) throw operation_cancelled();
    if (status_ == ETIMEDOUT) throw timed_out();
    if (result_ < 0) throw std::system_error(static_cast<int>(-result_), std::generic_category());
    if constexpr (requires { op_.map(result_); }) return op_.map(result_);
    else return static_cast<std::size_t>(result_);
  }

 protected:
  Op& op() noexcept { return op_; }

 private:
  io_waiter*& slot() { return write_ ? st_->writer : st_->reader; }
  bool suspend(std::coroutine_handle<> h, const std::stop_token& st) {
    if (st.stop_requested()) {
      status_ = ECANCELED;
      return false;
    }
    h_ = h;
    st_ = f_->state();
    loop_ = f_->loop();
    notify = &on_ready;
    fail = [](io_waiter* w, int err) {
      auto* self = static_cast<io_awaiter*>(w);
      self->result_ = -err;
      self->finish();
    };
    slot() = this;
    if (timeout_.count() > 0) {
      timer_.deadline = steady_clock::now() + timeout_;
      timer_.ctx = this;
      timer_.fire = [](timer_node* n) {
        auto* self = static_cast<io_awaiter*>(n->ctx);
        self->status_ = ETIMEDOUT;
        self->finish();
      };
      loop_->add_timer(&timer_);
    }
    hook_.arm(*loop_, st, [](void* p) {
      auto* self = static_cast<io_awaiter*>(p);
      if (self->done_) return;
      self->status_ = ECANCELED;
      self->finish();
    }, this);
    return true;
  }
  static void on_ready(io_waiter* w) {
    auto* self = static_cast<io_awaiter*>(w);
    long r = self->op_();
    if (r == -EAGAIN || r == -EWOULDBLOCK) {
      self->slot() = self;  // spurious: wait for the next edge
      return;
    }
    self->result_ = r;
    self->finish();
  }
  void detach() noexcept {
    if (st_ && slot() == this) slot() = nullptr;
    if (timer_.armed()) loop_->remove_timer(&timer_);
  }
  void finish() {
    done_ = true;
    detach();
    loop_->schedule(h_);
  }

  fd_handle* f_;
  bool write_;
  io_timeout timeout_;
  Op op_;
  long result_ = 0;
  int status_ = 0;
  bool done_ = false;
  io_state* st_ = nullptr;
  event_loop* loop_ = nullptr;
  std::coroutine_handle<> h_;
  timer_node timer_;
  cancel_hook hook_;
};

}  // namespace concur::detail

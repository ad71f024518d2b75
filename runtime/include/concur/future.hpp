// concur/future.hpp - the result of a thread_pool or process_pool job.
//
// Thread safety: a future is owned by one thread at a time (move it to hand
// it over); the job completing it may run on any thread.
// Blocking: get()/wait() block the calling thread until the result is ready,
// except on a thread_pool worker, where they run other pool jobs while
// waiting (so nested submit-and-wait never deadlocks). `co_await fut`
// suspends the coroutine instead and resumes it on the loop it came from.
// Cancellation: none on the future itself; a pool that is shut down with
// cancel fails pending futures with pool_closed.
// Exceptions: get()/co_await rethrow the job's exception.
//
//   concur::future<int> f = pool.submit([] { return 6 * 7; });
//   int v = f.get();            // from a thread
//   int w = co_await pool.submit(work);   // from a coroutine
#pragma once

#include <atomic>
#include <coroutine>
#include <cstdint>
#include <exception>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include "concur/event_loop.hpp"

namespace concur {
namespace detail {

// Set by thread_pool workers: runs one pending job of the current pool, if any.
extern thread_local bool (*t_help_one)(void*);
extern thread_local void* t_help_ctx;

class future_state_base {
 public:
  enum : std::uint32_t { pending = 0, awaited = 1, blocked = 2, ready = 3 };
  virtual ~future_state_base() = default;
  void add_ref() noexcept { refs_.fetch_add(1, std::memory_order_relaxed); }
  void release() noexcept {
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }
  bool is_ready() const noexcept { return st_.load(std::memory_order_acquire) == ready; }
  void set_error(std::exception_ptr e) noexcept {
    error_ = std::move(e);
    complete();
  }
  void complete() noexcept {
    const std::uint32_t old = st_.exchange(ready, std::memory_order_acq_rel);
    if (old == awaited) {
      if (loop_) loop_->post(cont_);
      else cont_.resume();
    } else if (old == blocked) {
      st_.notify_all();
    }
  }
  void wait() noexcept {
    if (is_ready()) return;
    if (t_help_one) {
      while (!is_ready())
        if (!t_help_one(t_help_ctx)) break;
    }
    // Spin briefly: a short job's result usually arrives within microseconds,
    // far sooner than a futex sleep and wake-up.
    for (int i = 0; i < 2000 && !is_ready(); ++i) {
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause();
#endif
    }
    std::uint32_t exp = pending;
    st_.compare_exchange_strong(exp, blocked, std::memory_order_acq_rel);
    for (std::uint32_t v = st_.load(std::memory_order_acquire); v != ready;
         v = st_.load(std::memory_order_acquire))
      st_.wait(v, std::memory_order_acquire);
  }
  // Returns false when the result is already there (do not suspend).
  bool suspend(std::coroutine_handle<> h) noexcept {
    cont_ = h;
    loop_ = event_loop::current();
    std::uint32_t exp = pending;
    return st_.compare_exchange_strong(exp, awaited, std::memory_order_acq_rel);
  }
  // Moves the exception out, so that it is destroyed on the consumer's
  // thread whichever side drops the state last.
  void rethrow_if_error() {
    if (error_) {
      std::exception_ptr e = std::move(error_);
      std::rethrow_exception(std::move(e));
    }
  }

 private:
  std::atomic<std::uint32_t> st_{pending};
  std::atomic<std::uint32_t> refs_{2};  // the producer's and the future's
  std::coroutine_handle<> cont_;
  event_loop* loop_ = nullptr;
  std::exception_ptr error_;
};

template <class T>
class future_state final : public future_state_base {
 public:
  template <class U>
  void set_value(U&& v) {
    value_.emplace(std::forward<U>(v));
    complete();
  }
  T take() {
    rethrow_if_error();
    return std::move(*value_);
  }

 private:
  std::optional<T> value_;
};

template <>
class future_state<void> final : public future_state_base {
 public:
  void set_value() noexcept { complete(); }
  void take() { rethrow_if_error(); }
};

// Runs f and stores its outcome in the state.
template <class T, class F>
void fulfil(future_state<T>* s, F&& f) noexcept {
  try {
    if constexpr (std::is_void_v<T>) {
      std::forward<F>(f)();
      s->set_value();
    } else {
      s->set_value(std::forward<F>(f)());
    }
  } catch (...) {
    s->set_error(std::current_exception());
  }
}

}  // namespace detail

template <class T>
class [[nodiscard]] future {
 public:
  future() noexcept = default;
  explicit future(detail::future_state<T>* s) noexcept : s_(s) {}
  future(future&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
  future& operator=(future&& o) noexcept {
    if (this != &o) {
      if (s_) s_->release();
      s_ = std::exchange(o.s_, nullptr);
    }
    return *this;
  }
  future(const future&) = delete;
  future& operator=(const future&) = delete;
  ~future() {
    if (s_) s_->release();
  }

  bool valid() const noexcept { return s_ != nullptr; }
  bool ready() const noexcept { return s_ && s_->is_ready(); }
  /// Blocks until the result is ready (helping the pool on a worker thread).
  void wait() const noexcept { s_->wait(); }
  /// Blocks, then returns the result or rethrows; the future becomes empty.
  T get() {
    if (!s_) throw std::logic_error("concur::future::get on an empty future");
    s_->wait();
    detail::future_state<T>* s = std::exchange(s_, nullptr);
    struct releaser {
      detail::future_state<T>* s;
      ~releaser() { s->release(); }
    } r{s};
    return s->take();
  }

  auto operator co_await() {
    struct awaiter {
      detail::future_state<T>* s;
      bool await_ready() const noexcept { return s->is_ready(); }
      bool await_suspend(std::coroutine_handle<> h) noexcept { return s->suspend(h); }
      T await_resume() { return s->take(); }
    };
    if (!s_) throw std::logic_error("concur::future: co_await on an empty future");
    return awaiter{s_};
  }

 private:
  detail::future_state<T>* s_ = nullptr;
};

}  // namespace concur

// concur/task.hpp - the lazy coroutine type task<T>.
//
// A task<T> does nothing until it is awaited (or handed to run()/spawn()); its
// result or exception comes out of `co_await`. Awaiting a task, and a task
// finishing, hand control on through a per-thread trampoline (see
// detail::hand_off), so arbitrarily deep await chains use constant stack with
// every compiler and flag set. (Returning the next handle from await_suspend,
// i.e. plain symmetric transfer, is only a tail call where the compiler
// guarantees one: clang does, g++ does not at -O0 nor under -fsanitize=address,
// and a chain of 100000 awaits then overflows the stack.)
//
// Cancellation: every task carries a std::stop_token, inherited from the task
// that awaits it (or set with set_stop_token). The runtime's awaitables
// (sleep_for, socket reads, semaphore, channel...) watch that token and throw
// concur::operation_cancelled when it is stopped; `co_await
// concur::get_stop_token()` returns it for your own loops.
//
// Thread safety: a task object is not thread-safe; it runs on whichever thread
// resumes it (the event loop's thread for everything in concur's async API).
// Blocking: never blocks by itself.
// Exceptions: an exception leaving the coroutine body is rethrown by co_await.
//
//   concur::task<int> answer() { co_return 42; }
//   concur::task<void> main_task() { int v = co_await answer(); }
//   int main() { concur::run(main_task()); }
#pragma once

#include <atomic>
#include <coroutine>
#include <cstdint>
#include <exception>
#include <stop_token>
#include <type_traits>
#include <utility>

namespace concur {
namespace detail {

extern std::atomic<bool> g_profile_on;  // profiler.cpp
std::uint64_t now_ns() noexcept;
void profile_task_end(void* fn, std::uint64_t start_ns) noexcept;

// Recycled coroutine frames. With malloc, allocating and freeing a small
// task's frame was ~145 of the ~320 instructions of `co_await trivial()`
// (callgrind, bench/runtime/counts.sh). Each thread keeps the frames it frees
// in free lists by 16-byte size class (frames up to 1 KiB, at most 1 MiB in
// all, so a burst of 10^5 finished tasks does not stay cached) and reuses
// them first. A frame freed on another thread than the one that made it just
// joins the freeing thread's lists. The lists are freed at thread exit
// (frame_cache_register, event_loop.cpp); after that the thread uses plain
// new/delete. ASan builds always do, so use-after-free of a frame is caught.
#if defined(__SANITIZE_ADDRESS__)
#define CONCUR_FRAME_CACHE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CONCUR_FRAME_CACHE 0
#endif
#endif
#ifndef CONCUR_FRAME_CACHE
#define CONCUR_FRAME_CACHE 1
#endif

struct frame_cache {
  static constexpr std::size_t grain = 16, classes = 64, max_bytes = std::size_t{1} << 20;
  void* head[classes];
  std::size_t bytes;
  bool registered;  // the thread-exit hook is set
  bool closed;      // the thread is exiting
};
inline constinit thread_local frame_cache t_frame_cache{};
void frame_cache_register() noexcept;

// Mixed into promise types: the frame's operator new/delete.
struct recycled_frame {
  static void* operator new(std::size_t n) {
#if CONCUR_FRAME_CACHE
    const std::size_t c = (n - 1) / frame_cache::grain;
    if (c < frame_cache::classes) {
      frame_cache& fc = t_frame_cache;
      if (void* p = fc.head[c]) {
        fc.head[c] = *static_cast<void**>(p);
        fc.bytes -= (c + 1) * frame_cache::grain;
        return p;
      }
      return ::operator new((c + 1) * frame_cache::grain);  // reusable by its class
    }
#endif
    return ::operator new(n);
  }
  static void operator delete(void* p, [[maybe_unused]] std::size_t n) noexcept {
#if CONCUR_FRAME_CACHE
    const std::size_t c = (n - 1) / frame_cache::grain, size = (c + 1) * frame_cache::grain;
    frame_cache& fc = t_frame_cache;
    if (c < frame_cache::classes && fc.bytes + size <= frame_cache::max_bytes && !fc.closed) {
      if (!fc.registered) frame_cache_register();
      *static_cast<void**>(p) = fc.head[c];
      fc.head[c] = p;
      fc.bytes += size;
      return;
    }
#endif
    ::operator delete(p);
  }
};

struct promise_base : recycled_frame {
  std::coroutine_handle<> continuation{};
  std::stop_token stop;
  std::exception_ptr error;
  std::uint64_t start_ns = 0;
  void* fn = nullptr;  // resume function, kept for the profiler
};

template <class P>
std::stop_token stop_token_of(std::coroutine_handle<P> h) noexcept {
  if constexpr (std::is_base_of_v<promise_base, P>) return h.promise().stop;
  else return {};
}

// The resumption trampoline. A coroutine that wants `target` to run next,
// from inside one of its await_suspend calls, calls hand_off(self, target):
//  - if `self` was resumed by the innermost trampoline on this thread, that
//    trampoline is just told to resume `target` once `self` has suspended and
//    its resume() call returned: no stack is kept for `self`;
//  - otherwise (self was resumed by the event loop, a thread pool, gather...),
//    a trampoline is started right here; it resumes `target` and whatever
//    that hands on, until the chain parks (waits for I/O, a timer...) or hands
//    control back to `self`, which then simply does not suspend.
// Either way a chain of N awaits, or N tasks finishing one after another,
// costs a constant amount of stack.
struct trampoline {
  std::coroutine_handle<> running{};  // what this trampoline resumed last
  std::coroutine_handle<> next{};     // what it resumes once `running` returns
};
inline thread_local trampoline* t_trampoline = nullptr;

// Resumes h, then whatever is handed on, until nothing is or `stop_at` is;
// returns true in the latter case (stop_at is then left to the caller to run).
inline bool run_chain(std::coroutine_handle<> h, std::coroutine_handle<> stop_at) noexcept {
  trampoline here;
  trampoline* const outer = t_trampoline;
  t_trampoline = &here;
  bool reached = false;
  while (h) {
    here.running = h;
    here.next = {};
    h.resume();
    h = here.next;
    if (h && h == stop_at) {
      reached = true;
      break;
    }
  }
  t_trampoline = outer;
  return reached;
}

// Called from an await_suspend of the suspended coroutine `self`, which wants
// `target` to run now. Returns true if `self` must stay suspended, false if
// it must go on at once (only when self_resumable: an await, whose result
// `target`'s chain has already produced). After a final-suspend hand_off,
// `self` may already be destroyed: touch nothing of it.
inline bool hand_off(std::coroutine_handle<> self, std::coroutine_handle<> target,
                     bool self_resumable) noexcept {
  trampoline* const t = t_trampoline;
  if (t && t->running == self && !t->next) {
    t->next = target;
    return true;
  }
  return !run_chain(target, self_resumable ? self : std::coroutine_handle<>{});
}

struct initial_awaiter {
  promise_base* p;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const noexcept {
    if (g_profile_on.load(std::memory_order_relaxed)) p->fn = *static_cast<void**>(h.address());
  }
  void await_resume() const noexcept {
    if (p->fn) p->start_ns = now_ns();
  }
};

struct final_awaiter {
  bool await_ready() const noexcept { return false; }
  template <class P>
  void await_suspend(std::coroutine_handle<P> h) const noexcept {
    promise_base& p = h.promise();
    if (p.start_ns != 0) profile_task_end(p.fn, p.start_ns);
    // The continuation may destroy this frame before hand_off returns.
    if (std::coroutine_handle<> c = p.continuation) hand_off(h, c, false);
  }
  void await_resume() const noexcept {}
};

template <class T>
struct task_promise_storage : promise_base {
  union {
    T value;
  };
  bool has_value = false;
  task_promise_storage() noexcept {}
  ~task_promise_storage() {
    if (has_value) value.~T();
  }
  template <class U>
  void return_value(U&& v) {
    ::new (static_cast<void*>(&value)) T(std::forward<U>(v));
    has_value = true;
  }
  T take() {
    if (error) std::rethrow_exception(error);
    return std::move(value);
  }
};

template <>
struct task_promise_storage<void> : promise_base {
  void return_void() noexcept {}
  void take() {
    if (error) std::rethrow_exception(error);
  }
};

}  // namespace detail

template <class T = void>
class [[nodiscard]] task {
 public:
  struct promise_type : detail::task_promise_storage<T> {
    task get_return_object() noexcept {
      return task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    detail::initial_awaiter initial_suspend() noexcept { return {this}; }
    detail::final_awaiter final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept { this->error = std::current_exception(); }
  };
  using value_type = T;
  using handle_type = std::coroutine_handle<promise_type>;

  task() noexcept = default;
  task(task&& o) noexcept : h_(std::exchange(o.h_, {})) {}
  task& operator=(task&& o) noexcept {
    if (this != &o) {
      if (h_) h_.destroy();
      h_ = std::exchange(o.h_, {});
    }
    return *this;
  }
  ~task() {
    if (h_) h_.destroy();
  }

  /// True when the task has run to its end (result or exception ready).
  bool done() const noexcept { return !h_ || h_.done(); }
  bool valid() const noexcept { return static_cast<bool>(h_); }
  /// Sets the stop token the task (and what it awaits) watches.
  void set_stop_token(std::stop_token st) noexcept { h_.promise().stop = std::move(st); }

  auto operator co_await() && noexcept { return awaiter{h_}; }
  auto operator co_await() & noexcept { return awaiter{h_}; }

  /// Low-level access for the runtime's drivers.
  handle_type handle() const noexcept { return h_; }
  handle_type release() noexcept { return std::exchange(h_, {}); }

 private:
  explicit task(handle_type h) noexcept : h_(h) {}

  struct awaiter {
    handle_type h;
    bool await_ready() const noexcept { return !h || h.done(); }
    template <class P>
    bool await_suspend(std::coroutine_handle<P> caller) noexcept {
      auto& p = h.promise();
      p.continuation = caller;
      if constexpr (std::is_base_of_v<detail::promise_base, P>)
        if (!p.stop.stop_possible()) p.stop = caller.promise().stop;
      return detail::hand_off(caller, h, true);
    }
    T await_resume() { return h.promise().take(); }
  };

  handle_type h_;
};

namespace detail {
struct stop_token_awaiter {
  std::stop_token st;
  bool await_ready() const noexcept { return false; }
  template <class P>
  bool await_suspend(std::coroutine_handle<P> h) noexcept {
    st = stop_token_of(h);
    return false;
  }
  std::stop_token await_resume() noexcept { return std::move(st); }
};
}  // namespace detail

/// `co_await get_stop_token()` yields the calling task's std::stop_token.
inline detail::stop_token_awaiter get_stop_token() noexcept { return {}; }

}  // namespace concur

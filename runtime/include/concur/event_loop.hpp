// concur/event_loop.hpp - the single-threaded epoll event loop, run(),
// spawn(), timers (sleep_for / sleep_until) and yield().
//
// Thread safety: an event_loop belongs to the thread that runs it. Only
// post() may be called from other threads (it wakes the loop through an
// eventfd written only while the loop sleeps); every other member must be
// called on the loop's thread, typically from a task running on it.
// Blocking: run()/run_until_complete() block the calling thread until the
// work is done; the awaitables never block the loop.
// Cancellation: sleep_for/sleep_until throw operation_cancelled when the
// awaiting task's stop token is stopped.
// Exceptions: run(task) rethrows the task's exception; an exception escaping a
// spawn()ed task is reported on stderr and dropped (like asyncio's
// "exception was never retrieved").
//
// Stall monitor: set_stall_threshold(d) (or CONCUR_STALL_MS=ms in the
// environment) times every resumption; stall_report() names the coroutine
// that held the loop longest, and every stall above the threshold is printed.
//
//   concur::task<void> tick() { co_await concur::sleep_for(10ms); }
//   int main() { concur::run(tick()); }
#pragma once

#include <atomic>
#include <chrono>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

#include "concur/errors.hpp"
#include "concur/task.hpp"

namespace concur {

using steady_clock = std::chrono::steady_clock;
class event_loop;

namespace detail {

struct work_item {
  void (*fn)(void*);
  void* arg;
};
void resume_handle(void* address) noexcept;

struct timer_node {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  steady_clock::time_point deadline{};
  std::uint64_t seq = 0;
  std::size_t index = npos;
  void (*fire)(timer_node*) = nullptr;
  void* ctx = nullptr;
  bool armed() const noexcept { return index != npos; }
};

struct io_waiter {
  void (*notify)(io_waiter*) = nullptr;
  void (*fail)(io_waiter*, int err) = nullptr;  // the descriptor was closed
};

struct io_state {
  int fd = -1;
  io_waiter* reader = nullptr;
  io_waiter* writer = nullptr;
  // Set by a stream read that returned less than asked (the socket or pipe
  // was drained), cleared by the next EPOLLIN edge: until then a read waits
  // for the edge instead of trying a read() bound to fail with EAGAIN.
  // Never set once the peer closed or failed (EPOLLRDHUP/HUP/ERR seen): a
  // short read may then have consumed the end of stream, with no edge to come.
  bool read_drained = false;
  bool read_closed = false;
};

// Detached coroutine driving a spawned task; tracked by the loop (in an
// intrusive list: no allocation nor hashing per spawn) so that the loop's
// destructor can destroy whatever never finished.
struct detached {
  struct promise_type : recycled_frame {
    event_loop* loop = nullptr;
    promise_type* prev = nullptr;
    promise_type* next = nullptr;
    detached get_return_object() noexcept {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
    ~promise_type();
  };
  std::coroutine_handle<promise_type> h;
};

// Calls on_cancel(target) on the loop thread when `st` is stopped; on_cancel
// must only deregister and schedule, never resume inline.
class cancel_hook {
 public:
  cancel_hook() = default;
  cancel_hook(const cancel_hook&) = delete;
  cancel_hook& operator=(const cancel_hook&) = delete;
  ~cancel_hook() { disarm(); }
  void arm(event_loop& loop, const std::stop_token& st, void (*on_cancel)(void*), void* target);
  void disarm() noexcept;

 private:
  struct cell {
    void (*on_cancel)(void*);
    void* target;
  };
  struct callback {
    cancel_hook* self;
    void operator()() noexcept;
  };
  event_loop* loop_ = nullptr;
  std::shared_ptr<cell> cell_;
  std::optional<std::stop_callback<callback>> cb_;
};

}  // namespace detail

class event_loop {
 public:
  event_loop();
  event_loop(const event_loop&) = delete;
  event_loop& operator=(const event_loop&) = delete;
  ~event_loop();

  /// The loop running on the calling thread, or nullptr.
  static event_loop* current() noexcept;
  bool in_loop_thread() const noexcept { return current() == this; }

  /// Queues a coroutine to resume on this loop (loop thread only).
  void schedule(std::coroutine_handle<> h) { defer(&detail::resume_handle, h.address()); }
  void defer(void (*fn)(void*), void* arg) { ready_.push_back({fn, arg}); }
  /// Thread-safe: queues a resumption from any thread and wakes the loop.
  void post(std::coroutine_handle<> h) { post(&detail::resume_handle, h.address()); }
  void post(void (*fn)(void*), void* arg);
  /// An offloaded call (to_thread) will post() its waiter soon: for a short
  /// while the loop spins before sleeping instead of waiting for a wake-up
  /// (loop thread only). post_expected() is its post(), from any thread.
  void expect_post() noexcept;
  void post_expected(std::coroutine_handle<> h) {
    // Before post(): once posted, the waiter may finish and the loop go away.
    expected_posts_.fetch_sub(1, std::memory_order_relaxed);
    post(h);
  }

  /// Starts `t` on this loop without waiting for it (loop thread, or before run()).
  void spawn(task<void> t);
  /// Runs the loop until `t` completes; returns its result or rethrows.
  template <class T>
  T run_until_complete(task<T> t);
  /// Runs the loop until every spawned task has finished.
  void run();

  // Timers (loop thread only).
  void add_timer(detail::timer_node* n);
  void remove_timer(detail::timer_node* n) noexcept;

  // Descriptors: registered once, edge-triggered, for both directions.
  detail::io_state* register_fd(int fd);
  void deregister_fd(detail::io_state* st) noexcept;

  // Stall monitor.
  struct stall_info {
    std::chrono::nanoseconds longest{0};
    std::string task;         // the coroutine that held the loop longest
    std::uint64_t stalls = 0;  // resumptions above the threshold
  };
  void set_stall_threshold(std::chrono::nanoseconds d) noexcept { stall_threshold_ = d; }
  stall_info stall_report() const { return stall_; }

  /// Spawned tasks still alive.
  std::size_t live_tasks() const noexcept { return live_count_; }

 private:
  friend struct detail::detached::promise_type;
  void run_once(bool may_block);
  void run_ready();
  bool run_ready_timed();
  void fire_timers();
  void drain_remote();
  void spin_for_posts();
  int next_timeout_ms() const;
  void heap_up(std::size_t i) noexcept;
  void heap_down(std::size_t i) noexcept;
  template <class T, class Slot>
  static detail::detached drive(task<T> t, Slot* slot);
  static detail::detached drive_spawned(task<void> t);
  void start_detached(detail::detached d);

  int epfd_ = -1;
  int evfd_ = -1;
  std::vector<detail::work_item> ready_;
  std::vector<detail::work_item> running_;
  std::mutex remote_mu_;
  std::vector<detail::work_item> remote_;
  bool sleeping_ = false;
  std::atomic<bool> remote_ready_{false};   // remote_ is not empty
  std::atomic<int> expected_posts_{0};      // see expect_post()
  std::chrono::steady_clock::time_point last_expect_{};
  std::vector<detail::timer_node*> heap_;
  std::uint64_t timer_seq_ = 0;
  detail::detached::promise_type* live_ = nullptr;  // spawned and run_until_complete drivers
  std::size_t live_count_ = 0;
  std::chrono::nanoseconds stall_threshold_{0};
  stall_info stall_;
  bool stall_env_ = false;
};

template <class T, class Slot>
detail::detached event_loop::drive(task<T> t, Slot* slot) {
  try {
    if constexpr (std::is_void_v<T>) {
      co_await std::move(t);
      slot->value.emplace();
    } else {
      slot->value.emplace(co_await std::move(t));
    }
  } catch (...) {
    slot->error = std::current_exception();
  }
  slot->done = true;
}

template <class T>
T event_loop::run_until_complete(task<T> t) {
  struct slot {
    std::optional<std::conditional_t<std::is_void_v<T>, char, T>> value;
    std::exception_ptr error;
    bool done = false;
  } s;
  start_detached(drive<T>(std::move(t), &s));
  while (!s.done) run_once(true);
  if (s.error) std::rethrow_exception(s.error);
  if constexpr (!std::is_void_v<T>) return std::move(*s.value);
}

/// Runs `t` to completion on a new event loop on this thread (asyncio.run).
/// Blocks the caller; rethrows the task's exception. Spawned tasks still
/// running when `t` ends are destroyed with the loop.
template <class T>
T run(task<T> t) {
  if (event_loop::current() != nullptr)
    throw std::logic_error("concur::run: an event loop already runs on this thread");
  event_loop loop;
  return loop.run_until_complete(std::move(t));
}

namespace detail {
class timer_awaiter {
 public:
  explicit timer_awaiter(steady_clock::time_point tp) noexcept { node_.deadline = tp; }
  timer_awaiter(const timer_awaiter&) = delete;
  ~timer_awaiter() {
    if (node_.armed()) loop_->remove_timer(&node_);
  }
  bool await_ready() const noexcept { return false; }
  template <class P>
  void await_suspend(std::coroutine_handle<P> h) {
    suspend(h, stop_token_of(h));
  }
  void await_resume() const {
    if (cancelled_) throw operation_cancelled();
  }

 private:
  void suspend(std::coroutine_handle<> h, const std::stop_token& st);
  timer_node node_;
  event_loop* loop_ = nullptr;
  std::coroutine_handle<> h_;
  bool cancelled_ = false;
  cancel_hook hook_;
};

struct yield_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const;
  void await_resume() const noexcept {}
};
}  // namespace detail

/// `co_await sleep_until(tp)`: suspends the task (not the loop) until tp.
inline detail::timer_awaiter sleep_until(steady_clock::time_point tp) noexcept {
  return detail::timer_awaiter(tp);
}
/// `co_await sleep_for(d)`: suspends the task (not the loop) for d.
template <class Rep, class Period>
detail::timer_awaiter sleep_for(std::chrono::duration<Rep, Period> d) noexcept {
  return detail::timer_awaiter(steady_clock::now() +
                               std::chrono::duration_cast<steady_clock::duration>(d));
}
/// `co_await yield()`: lets every other ready task run once.
inline detail::yield_awaiter yield() noexcept { return {}; }

/// Starts `t` on the current loop without waiting for it.
inline void spawn(task<void> t) {
  event_loop* l = event_loop::current();
  if (!l) throw std::logic_error("concur::spawn: no event loop on this thread");
  l->spawn(std::move(t));
}

}  // namespace concur

// concur/thread_pool.hpp - a work-stealing thread pool and parallel_for.
//
// Design: one deque per worker (the owner pushes and pops at the back, thieves
// take from the front) plus a shared injector for jobs submitted from outside,
// drained in batches; jobs are stored in a small-buffer callable (no
// allocation per job beyond its future). An idle worker spins for a bounded
// time (at most one spinner) and then parks on a futex (std::atomic::wait), so
// an idle pool costs nothing. A worker that waits on a pool future runs other
// jobs meanwhile, so nested submit-and-wait does not deadlock.
//
// Thread safety: every member is thread-safe, except that the destructor must
// not race with submissions.
// Blocking: submit never blocks; wait_idle() and future::get() block (a
// coroutine uses `co_await pool.submit(...)`, which suspends).
// Cancellation: shutdown(cancel) drops pending jobs, failing their futures
// with pool_closed; running jobs finish. The destructor drains: every job
// already submitted runs.
// Exceptions: an exception thrown by a job is stored in its future; submit
// throws pool_closed after shutdown.
//
//   concur::thread_pool pool(4);
//   auto f = pool.submit([](int a, int b) { return a + b; }, 1, 2);
//   concur::parallel_for(pool, 0, 1000, [&](int i) { out[i] = i * i; });
//   int three = f.get();
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <ranges>
#include <thread>
#include <tuple>
#include <type_traits>
#include <vector>

#include "concur/detail/unique_function.hpp"
#include "concur/errors.hpp"
#include "concur/future.hpp"
#include "concur/profiler.hpp"

namespace concur {
namespace detail {
std::string callable_name_of(const std::type_info& ti, void* fnptr);

template <class F>
std::string callable_name(const F& f) {
  if constexpr (std::is_pointer_v<F> && std::is_function_v<std::remove_pointer_t<F>>)
    return callable_name_of(typeid(F), reinterpret_cast<void*>(f));
  else
    return callable_name_of(typeid(F), nullptr);
}

// A job that fails its future with pool_closed if destroyed without running.
template <class R, class Fn>
struct pool_job {
  future_state<R>* s;
  Fn fn;
  pool_job(future_state<R>* st, Fn&& f) : s(st), fn(std::move(f)) {}
  pool_job(pool_job&& o) noexcept : s(std::exchange(o.s, nullptr)), fn(std::move(o.fn)) {}
  ~pool_job() {
    if (s) {
      // Its own statement: the temporary (sharing its what() string with the
      // copy) must be gone before another thread can see the copy.
      std::exception_ptr e = std::make_exception_ptr(pool_closed());
      s->set_error(std::move(e));
      s->release();
    }
  }
  void operator()() {
    future_state<R>* st = std::exchange(s, nullptr);
    if (profiler::enabled()) {
      const std::string name = callable_name(fn.f);
      profiler::scope sc(name);
      fulfil(st, fn);
    } else {
      fulfil(st, fn);
    }
    st->release();
  }
};

// A test-and-test-and-set lock for the pool's tiny critical sections (a deque
// push or pop): a contended std::mutex put the submitter and the workers to
// sleep on a futex for each of them. Spins briefly, then yields.
class spin_mutex {
 public:
  void lock() noexcept {
    for (int spins = 0;;) {
      if (!locked_.exchange(true, std::memory_order_acquire)) return;
      while (locked_.load(std::memory_order_relaxed)) {
        if (spins < 128) {
          ++spins;
#if defined(__x86_64__) || defined(__i386__)
          __builtin_ia32_pause();
#endif
        } else {
          std::this_thread::yield();
        }
      }
    }
  }
  bool try_lock() noexcept {
    return !locked_.load(std::memory_order_relaxed) && !locked_.exchange(true, std::memory_order_acquire);
  }
  void unlock() noexcept { locked_.store(false, std::memory_order_release); }

 private:
  std::atomic<bool> locked_{false};
};

// A growable ring buffer of jobs (power-of-two capacity). std::deque
// allocated a block every 8 jobs in the submitting thread and freed it in a
// worker, so tiny tasks contended on the allocator; the ring allocates only
// when it grows, and gives a large buffer back once it drains.
class job_ring {
 public:
  bool empty() const noexcept { return n_ == 0; }
  std::size_t size() const noexcept { return n_; }
  void push_back(unique_function&& f) {
    if (n_ == cap_) grow();
    buf_[(head_ + n_) & (cap_ - 1)] = std::move(f);
    ++n_;
  }
  void push_front(unique_function&& f) {
    if (n_ == cap_) grow();
    head_ = (head_ + cap_ - 1) & (cap_ - 1);
    buf_[head_] = std::move(f);
    ++n_;
  }
  unique_function& front() noexcept { return buf_[head_]; }
  unique_function& back() noexcept { return buf_[(head_ + n_ - 1) & (cap_ - 1)]; }
  void pop_front() noexcept {
    buf_[head_].reset();
    head_ = (head_ + 1) & (cap_ - 1);
    if (--n_ == 0) drained();
  }
  void pop_back() noexcept {
    buf_[(head_ + n_ - 1) & (cap_ - 1)].reset();
    if (--n_ == 0) drained();
  }
  void clear() noexcept {
    while (n_) pop_back();
  }
  void swap(job_ring& o) noexcept {
    std::swap(buf_, o.buf_);
    std::swap(cap_, o.cap_);
    std::swap(head_, o.head_);
    std::swap(n_, o.n_);
  }

 private:
  static constexpr std::size_t kKeep = 4096;  // capacity kept when empty
  void grow() {
    const std::size_t nc = cap_ ? cap_ * 2 : 64;
    auto nb = std::make_unique<unique_function[]>(nc);
    for (std::size_t i = 0; i < n_; ++i) nb[i] = std::move(buf_[(head_ + i) & (cap_ - 1)]);
    buf_ = std::move(nb);
    cap_ = nc;
    head_ = 0;
  }
  void drained() noexcept {
    head_ = 0;
    if (cap_ > kKeep) {
      buf_.reset();
      cap_ = 0;
    }
  }
  std::unique_ptr<unique_function[]> buf_;
  std::size_t cap_ = 0, head_ = 0, n_ = 0;
};

template <class F, class... Args>
struct bound_call {
  F f;
  std::tuple<Args...> args;
  decltype(auto) operator()() { return std::apply(f, std::move(args)); }
};
}  // namespace detail

class thread_pool {
 public:
  /// Starts `threads` workers (default: one per hardware thread).
  explicit thread_pool(std::size_t threads = 0);
  thread_pool(const thread_pool&) = delete;
  thread_pool& operator=(const thread_pool&) = delete;
  /// Runs every job already submitted, then joins the workers.
  ~thread_pool();

  /// Queues f(args...) and returns its future.
  template <class F, class... Args>
  auto submit(F&& f, Args&&... args)
      -> future<std::invoke_result_t<std::decay_t<F>, std::decay_t<Args>...>> {
    using R = std::invoke_result_t<std::decay_t<F>, std::decay_t<Args>...>;
    auto* s = new detail::future_state<R>();
    future<R> fut(s);  // owns the future's reference even if execute throws
    execute(detail::pool_job<R, detail::bound_call<std::decay_t<F>, std::decay_t<Args>...>>(
        s, {std::forward<F>(f), {std::forward<Args>(args)...}}));
    return fut;
  }

  /// Queues every callable of `fns` at once (one lock, one wake-up) and
  /// returns their futures in order.
  template <class Range>
  auto submit_bulk(Range&& fns) {
    using F = std::ranges::range_value_t<Range>;
    using R = std::invoke_result_t<F&>;
    std::vector<future<R>> out;
    std::vector<detail::unique_function> jobs;
    if constexpr (std::ranges::sized_range<Range>) {
      out.reserve(std::ranges::size(fns));
      jobs.reserve(std::ranges::size(fns));
    }
    for (auto&& f : fns) {
      auto* s = new detail::future_state<R>();
      jobs.emplace_back(detail::pool_job<R, detail::bound_call<F>>(s, {F(f), {}}));
      out.emplace_back(s);
    }
    execute_bulk(jobs);
    return out;
  }

  /// Queues a job without a future (fire and forget; exceptions terminate).
  void execute(detail::unique_function job);
  void execute_bulk(std::vector<detail::unique_function>& jobs);

  /// Blocks until every submitted job has finished; the pool stays usable.
  /// Must not be called from one of this pool's workers.
  void wait_idle();
  enum class shutdown_mode { drain, cancel };
  /// Stops accepting jobs; drain runs the pending ones, cancel fails them.
  void shutdown(shutdown_mode mode = shutdown_mode::drain);

  std::size_t size() const noexcept { return workers_.size(); }
  /// Runs one pending job on the calling thread if there is one.
  bool run_pending_task();
  /// The pool whose worker is the calling thread, or nullptr.
  static thread_pool* current() noexcept;

 private:
  struct alignas(64) worker {
    detail::spin_mutex mu;
    detail::job_ring q;
    std::atomic<std::size_t> size{0};
    std::thread th;
    // Jobs this worker submitted and ran. Per worker rather than one shared
    // pending count: two read-modify-writes per job on one cache line shared
    // by every core cost ~8% on nested fan-out.
    alignas(64) std::atomic<std::uint64_t> submitted{0};
    std::atomic<std::uint64_t> completed{0};
  };
  void worker_main(std::size_t index);
  bool pop_local(std::size_t index, detail::unique_function& out);
  bool pop_injector(std::size_t index, detail::unique_function& out);
  bool steal(std::size_t self, detail::unique_function& out);
  bool find_work(std::size_t index, detail::unique_function& out);
  bool has_work() const noexcept;
  void run_job(detail::unique_function& job) noexcept;
  static void count(std::atomic<std::uint64_t>& c) noexcept;
  std::uint64_t pending() const noexcept;  // submitted and not finished
  void notify_if_idle();
  void wake(bool all);
  static bool help_one(void* pool);

  std::vector<std::unique_ptr<worker>> workers_;
  alignas(64) detail::spin_mutex inj_mu_;
  detail::job_ring injector_;
  std::atomic<std::size_t> inj_size_{0};
  alignas(64) std::atomic<std::uint32_t> epoch_{0};
  std::atomic<int> idle_{0};
  std::atomic<int> spinners_{0};
  // Jobs submitted from outside the pool, and run (or cancelled) outside it.
  alignas(64) std::atomic<std::uint64_t> ext_submitted_{0};
  std::atomic<std::uint64_t> ext_completed_{0};
  std::atomic<bool> stop_{false};
  std::atomic<bool> closed_{false};
  std::mutex idle_mu_;
  std::condition_variable idle_cv_;
  std::atomic<int> idle_waiters_{0};
};

/// Calls f(i) for every i in [first, last) on the pool, splitting the range
/// recursively into chunks of at most `grain` indices (0: automatic, about 8
/// chunks per worker). The caller takes part and blocks until every call has
/// returned; the first exception thrown is rethrown after all chunks finish.
template <class Index, class F>
  requires std::integral<Index>
void parallel_for(thread_pool& pool, Index first, Index last, F&& f, std::size_t grain = 0) {
  if (!(first < last)) return;
  const std::size_t n = static_cast<std::size_t>(last - first);
  if (grain == 0) grain = std::max<std::size_t>(1, n / (pool.size() * 8 + 1));
  struct ctx {
    std::remove_reference_t<F>* f;
    Index first;
    std::size_t grain;
    thread_pool* pool;
    std::atomic<std::size_t> left;
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex mu;
    std::condition_variable cv;
    bool done = false;
  } c{&f, first, grain, &pool, {n}};
  struct runner {
    static void run(ctx* c, std::size_t lo, std::size_t hi) {
      while (hi - lo > c->grain) {
        const std::size_t mid = lo + (hi - lo) / 2;
        c->pool->execute([c, mid, hi] { run(c, mid, hi); });
        hi = mid;
      }
      if (!c->failed.load(std::memory_order_relaxed)) {
        try {
          for (std::size_t i = lo; i < hi; ++i) (*c->f)(static_cast<Index>(c->first + static_cast<Index>(i)));
        } catch (...) {
          if (!c->failed.exchange(true)) c->error = std::current_exception();
        }
      }
      if (c->left.fetch_sub(hi - lo, std::memory_order_acq_rel) == hi - lo) {
        std::lock_guard lk(c->mu);
        c->done = true;
        c->cv.notify_all();
      }
    }
  };
  runner::run(&c, 0, n);
  while (c.left.load(std::memory_order_acquire) != 0)
    if (!pool.run_pending_task()) break;
  {
    std::unique_lock lk(c.mu);
    c.cv.wait(lk, [&] { return c.done; });
  }
  if (c.error) std::rethrow_exception(c.error);
}

/// Calls f(x) for every element x of a random-access range, as above.
template <std::ranges::random_access_range R, class F>
void parallel_for(thread_pool& pool, R&& range, F&& f, std::size_t grain = 0) {
  auto it = std::ranges::begin(range);
  const auto n = static_cast<std::ptrdiff_t>(std::ranges::size(range));
  parallel_for(pool, std::ptrdiff_t{0}, n, [&](std::ptrdiff_t i) { f(it[i]); }, grain);
}

}  // namespace concur

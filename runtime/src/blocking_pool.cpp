// blocking_pool.cpp - the elastic pool behind to_thread, async_file and resolve.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "concur/to_thread.hpp"

namespace concur::detail {
namespace {

inline void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

thread_local bool t_counted_spinning = false;  // see job_finishing()

// Threads are started on demand (up to kMax) and leave after kIdleExit
// without work. A thread that finishes a job first spins for kSpin watching
// the queue: a coroutine that offloads call after call (loop -> pool -> loop)
// submits the next job within microseconds, and catching it without a futex
// sleep and wake-up halves the round trip. An idle pool does not spin.
class blocking_pool {
 public:
  // Called by a job just before it hands its result to the waiting
  // coroutine: from then on this thread counts as available, so the next job
  // that coroutine submits waits for it instead of starting another thread.
  void job_finishing() {
    if (t_counted_spinning || !t_on_pool) return;
    std::lock_guard lk(mu_);
    ++spinning_;
    t_counted_spinning = true;
  }

  void execute(unique_function job) {
    bool notify = false, spawn = false;
    {
      std::lock_guard lk(mu_);
      q_.push_back(std::move(job));
      queued_.store(q_.size(), std::memory_order_relaxed);
      if (q_.size() <= spinning_) {
        // a spinning thread takes it
      } else if (idle_ > wakes_) {
        ++wakes_;  // counted, so a burst does not send every job to one sleeper
        notify = true;
      } else if (threads_ < kMax) {
        ++threads_;
        spawn = true;
      }
    }
    // Notified outside the lock: the woken thread must not block on it.
    if (notify) cv_.notify_one();
    if (spawn) std::thread([this] { loop(); }).detach();
  }

 private:
  static constexpr std::size_t kMax = 64;
  static constexpr auto kSpin = std::chrono::microseconds(50);
  static constexpr auto kIdleExit = std::chrono::seconds(10);

  static inline thread_local bool t_on_pool = false;

  void loop() {
    t_on_pool = true;
    std::unique_lock lk(mu_);
    for (;;) {
      if (t_counted_spinning) {
        t_counted_spinning = false;
        if (q_.empty()) spin(lk, true);
        else --spinning_;
      } else if (q_.empty()) {
        spin(lk, false);
      }
      if (q_.empty()) {
        ++idle_;
        const bool got = cv_.wait_for(lk, kIdleExit, [&] { return !q_.empty(); });
        --idle_;
        if (wakes_ > 0) --wakes_;
        if (!got) {
          --threads_;
          return;
        }
      }
      unique_function job = std::move(q_.front());
      q_.pop_front();
      queued_.store(q_.size(), std::memory_order_relaxed);
      lk.unlock();
      job();
      job.reset();
      lk.lock();
    }
  }

  // Watches the queue for kSpin without the lock; spinning_ changes only under
  // it, so execute() either sees this thread spinning (and it then finds the
  // job when it re-checks under the lock) or wakes/starts another one.
  void spin(std::unique_lock<std::mutex>& lk, bool counted) {
    if (!counted) ++spinning_;
    lk.unlock();
    const auto until = std::chrono::steady_clock::now() + kSpin;
    while (queued_.load(std::memory_order_relaxed) == 0 && std::chrono::steady_clock::now() < until)
      for (int i = 0; i < 16; ++i) cpu_relax();
    lk.lock();
    --spinning_;
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<unique_function> q_;
  std::atomic<std::size_t> queued_{0};  // q_.size(), readable without the lock
  std::size_t idle_ = 0;      // threads waiting on cv_
  std::size_t wakes_ = 0;     // notifications sent and not yet taken
  std::size_t spinning_ = 0;  // threads in spin()
  std::size_t threads_ = 0;
};


blocking_pool& the_pool() {
  static auto* pool = new blocking_pool;  // never destroyed: threads are detached
  return *pool;
}
}  // namespace

void blocking_execute(unique_function job) { the_pool().execute(std::move(job)); }
void blocking_job_finishing() { the_pool().job_finishing(); }
}  // namespace concur::detail

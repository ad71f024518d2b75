// thread_pool.cpp - the work-stealing scheduler behind concur::thread_pool.
#include "concur/thread_pool.hpp"

#include <chrono>
#include <cstdio>
#include <exception>

#include "concur/detail/frame_name.hpp"

namespace concur {
namespace detail {
thread_local bool (*t_help_one)(void*) = nullptr;
thread_local void* t_help_ctx = nullptr;

std::string callable_name_of(const std::type_info& ti, void* fnptr) {
  return fnptr ? fn_name(fnptr) : type_name(ti);
}
}  // namespace detail

namespace {
thread_local thread_pool* t_pool = nullptr;
thread_local std::size_t t_index = 0;
constexpr auto kSpin = std::chrono::microseconds(30);

inline void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}
}  // namespace

thread_pool::thread_pool(std::size_t threads) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  workers_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i) workers_.push_back(std::make_unique<worker>());
  for (std::size_t i = 0; i < threads; ++i)
    workers_[i]->th = std::thread([this, i] { worker_main(i); });
}

thread_pool::~thread_pool() {
  shutdown(shutdown_mode::drain);
  for (auto& w : workers_)
    if (w->th.joinable()) w->th.join();
}

thread_pool* thread_pool::current() noexcept { return t_pool; }

void thread_pool::shutdown(shutdown_mode mode) {
  closed_.store(true);
  if (mode == shutdown_mode::cancel) {
    detail::job_ring dropped;
    {
      std::lock_guard lk(inj_mu_);
      dropped.swap(injector_);
      inj_size_.store(0);
    }
    for (auto& w : workers_) {
      std::lock_guard lk(w->mu);
      while (!w->q.empty()) {
        dropped.push_back(std::move(w->q.front()));
        w->q.pop_front();
      }
      w->size.store(0);
    }
    const std::size_t n = dropped.size();
    dropped.clear();  // fails their futures with pool_closed
    ext_completed_.fetch_add(n, std::memory_order_seq_cst);  // they count as done
    notify_if_idle();
  }
  stop_.store(true);
  wake(true);
}

void thread_pool::wake(bool all) {
  epoch_.fetch_add(1, std::memory_order_seq_cst);
  if (all) epoch_.notify_all();
  else epoch_.notify_one();
}

void thread_pool::execute(detail::unique_function job) {
  if (closed_.load(std::memory_order_relaxed) && t_pool != this) throw pool_closed();
  if (t_pool == this) {
    worker& w = *workers_[t_index];
    count(w.submitted);
    std::lock_guard lk(w.mu);
    w.q.push_back(std::move(job));
    w.size.fetch_add(1, std::memory_order_relaxed);
  } else {
    std::size_t before;
    {
      std::lock_guard lk(inj_mu_);
      ext_submitted_.fetch_add(1, std::memory_order_seq_cst);
      injector_.push_back(std::move(job));
      before = inj_size_.fetch_add(1, std::memory_order_relaxed);
    }
    // A job was already waiting in the injector: whoever takes it (under
    // inj_mu_, hence after this push) looks for work again before parking, so
    // this job is found without a wake-up. Waking a parked worker on every
    // external submit was the main cost of tiny tasks (a futex syscall each).
    if (before != 0) return;
  }
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (idle_.load(std::memory_order_relaxed) > 0 && spinners_.load(std::memory_order_relaxed) == 0)
    wake(false);
}

void thread_pool::execute_bulk(std::vector<detail::unique_function>& jobs) {
  if (jobs.empty()) return;
  if (closed_.load(std::memory_order_relaxed)) throw pool_closed();
  {
    std::lock_guard lk(inj_mu_);
    ext_submitted_.fetch_add(jobs.size(), std::memory_order_seq_cst);
    for (auto& j : jobs) injector_.push_back(std::move(j));
    inj_size_.fetch_add(jobs.size(), std::memory_order_relaxed);
  }
  jobs.clear();
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (idle_.load(std::memory_order_relaxed) > 0) wake(true);
}

bool thread_pool::pop_local(std::size_t index, detail::unique_function& out) {
  worker& w = *workers_[index];
  if (w.size.load(std::memory_order_relaxed) == 0) return false;
  std::lock_guard lk(w.mu);
  if (w.q.empty()) return false;
  out = std::move(w.q.back());
  w.q.pop_back();
  w.size.fetch_sub(1, std::memory_order_relaxed);
  return true;
}

bool thread_pool::pop_injector(std::size_t index, detail::unique_function& out) {
  if (inj_size_.load(std::memory_order_relaxed) == 0) return false;
  std::unique_lock lk(inj_mu_);
  if (injector_.empty()) return false;
  out = std::move(injector_.front());
  injector_.pop_front();
  std::size_t take = 0;
  if (index != static_cast<std::size_t>(-1)) {
    // Batch: move a share of the injector to our own deque.
    take = std::min<std::size_t>(injector_.size() / (workers_.size() + 1), 64);
    if (take) {
      worker& w = *workers_[index];
      std::lock_guard wl(w.mu);
      for (std::size_t i = 0; i < take; ++i) {
        w.q.push_front(std::move(injector_.front()));
        injector_.pop_front();
      }
      w.size.fetch_add(take, std::memory_order_relaxed);
    }
  }
  inj_size_.fetch_sub(take + 1, std::memory_order_relaxed);
  return true;
}

bool thread_pool::steal(std::size_t self, detail::unique_function& out) {
  const std::size_t n = workers_.size();
  const std::size_t start = self == static_cast<std::size_t>(-1) ? 0 : self + 1;
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t i = (start + k) % n;
    if (i == self) continue;
    worker& w = *workers_[i];
    if (w.size.load(std::memory_order_relaxed) == 0) continue;
    std::lock_guard lk(w.mu);
    if (w.q.empty()) continue;
    out = std::move(w.q.front());
    w.q.pop_front();
    w.size.fetch_sub(1, std::memory_order_relaxed);
    return true;
  }
  return false;
}

bool thread_pool::find_work(std::size_t index, detail::unique_function& out) {
  return (index != static_cast<std::size_t>(-1) && pop_local(index, out)) ||
         pop_injector(index, out) || steal(index, out);
}

bool thread_pool::has_work() const noexcept {
  if (inj_size_.load(std::memory_order_relaxed)) return true;
  for (auto& w : workers_)
    if (w->size.load(std::memory_order_relaxed)) return true;
  return false;
}

// Only the owning worker writes its counters, so a plain load and store does
// (no read-modify-write on a line other cores touch); seq_cst orders them
// against idle_waiters_ and against the reads in pending().
void thread_pool::count(std::atomic<std::uint64_t>& c) noexcept {
  c.store(c.load(std::memory_order_relaxed) + 1, std::memory_order_seq_cst);
}

// Completions are read before submissions: if they match, every job
// submitted by the time the completions were read had finished then (a
// running job is submitted and not completed), so the pool was idle.
std::uint64_t thread_pool::pending() const noexcept {
  std::uint64_t done = ext_completed_.load(std::memory_order_seq_cst);
  for (auto& w : workers_) done += w->completed.load(std::memory_order_seq_cst);
  std::uint64_t submitted = ext_submitted_.load(std::memory_order_seq_cst);
  for (auto& w : workers_) submitted += w->submitted.load(std::memory_order_seq_cst);
  return submitted - done;
}

void thread_pool::notify_if_idle() {
  if (idle_waiters_.load(std::memory_order_seq_cst) > 0 && pending() == 0) {
    std::lock_guard lk(idle_mu_);
    idle_cv_.notify_all();
  }
}

void thread_pool::run_job(detail::unique_function& job) noexcept {
  job();  // pool_job never throws; a bare execute() job that throws terminates
  job.reset();
  if (t_pool == this) count(workers_[t_index]->completed);
  else ext_completed_.fetch_add(1, std::memory_order_seq_cst);
  notify_if_idle();
}

bool thread_pool::run_pending_task() {
  detail::unique_function job;
  const std::size_t index = t_pool == this ? t_index : static_cast<std::size_t>(-1);
  if (!find_work(index, job)) return false;
  run_job(job);
  return true;
}

bool thread_pool::help_one(void* pool) {
  return static_cast<thread_pool*>(pool)->run_pending_task();
}

void thread_pool::wait_idle() {
  if (t_pool == this) throw std::logic_error("concur::thread_pool::wait_idle from its own worker");
  idle_waiters_.fetch_add(1);
  {
    std::unique_lock lk(idle_mu_);
    idle_cv_.wait(lk, [&] { return pending() == 0; });
  }
  idle_waiters_.fetch_sub(1);
}

void thread_pool::worker_main(std::size_t index) {
  t_pool = this;
  t_index = index;
  detail::t_help_one = &thread_pool::help_one;
  detail::t_help_ctx = this;
  detail::unique_function job;
  for (;;) {
    if (find_work(index, job)) {
      run_job(job);
      continue;
    }
    // Bounded spin by at most one worker, then park on the epoch futex.
    if (spinners_.fetch_add(1) == 0) {
      const auto until = std::chrono::steady_clock::now() + kSpin;
      bool found = false;
      while (std::chrono::steady_clock::now() < until) {
        if (has_work()) {
          found = true;
          break;
        }
        for (int i = 0; i < 32; ++i) cpu_relax();
      }
      spinners_.fetch_sub(1);
      if (found) {
        if (idle_.load() > 0) wake(false);  // pass the baton
        continue;
      }
    } else {
      spinners_.fetch_sub(1);
    }
    const std::uint32_t e = epoch_.load(std::memory_order_seq_cst);
    idle_.fetch_add(1, std::memory_order_seq_cst);
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if (has_work()) {
      idle_.fetch_sub(1);
      continue;
    }
    if (stop_.load()) {
      idle_.fetch_sub(1);
      if (!has_work()) break;
      continue;
    }
    epoch_.wait(e, std::memory_order_seq_cst);
    idle_.fetch_sub(1);
  }
  detail::t_help_one = nullptr;
  t_pool = nullptr;
}

}  // namespace concur

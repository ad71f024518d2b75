// The program's own lock types are locks (issue 9, item 2): a mutex class and
// a guard annotated for -Wthread-safety (capability, scoped_lockable,
// acquire/release/try_acquire), a guard class whose constructor locks and
// whose destructor unlocks, and one that holds a std::lock_guard member.
// A class that only keeps a reference to a mutex is not a guard.
// RUN: %concur check --checks='-*,concur-lock-across-suspend' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-lock-across-suspend]'

#include <coroutine>
#include <mutex>

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

std::suspend_always next_round() { return {}; }

// --- -Wthread-safety annotated types ----------------------------------------
class CAPABILITY("mutex") Mutex {
public:
  void Lock() ACQUIRE() { mu_.lock(); }
  void Unlock() RELEASE() { mu_.unlock(); }
  bool TryLock() TRY_ACQUIRE(true) { return mu_.try_lock(); }

private:
  std::mutex mu_;
};

class SCOPED_CAPABILITY MutexLock {
public:
  explicit MutexLock(Mutex *mu) ACQUIRE(mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() RELEASE() { mu_->Unlock(); }

private:
  Mutex *const mu_;
};

Mutex table_mu, log_mu;
int table_size;

task annotated_guard_fires() {
  MutexLock hold(&table_mu);
  // CHECK: :[[@LINE-1]]:13: warning: lock on 'table_mu' is held across a suspension point in coroutine 'annotated_guard_fires' [concur-lock-across-suspend]
  ++table_size;
  co_await next_round();
}

task annotated_guard_scoped_silent() {
  {
    MutexLock hold(&table_mu);
    ++table_size;
  }
  co_await next_round();
}

// Hand over hand: the second mutex is released, the first is still held.
task annotated_methods_fires() {
  table_mu.Lock();
  // CHECK: :[[@LINE-1]]:3: warning: lock on 'table_mu' is held across a suspension point in coroutine 'annotated_methods_fires' [concur-lock-across-suspend]
  log_mu.Lock();
  ++table_size;
  log_mu.Unlock();
  co_await next_round();
  table_mu.Unlock();
}

task annotated_try_lock_fires() {
  if (table_mu.TryLock()) {
    // CHECK: :[[@LINE-1]]:7: warning: lock on 'table_mu' is held across a suspension point in coroutine 'annotated_try_lock_fires' [concur-lock-across-suspend]
    co_await next_round();
    table_mu.Unlock();
  }
}

task annotated_try_lock_failed_silent() {
  if (!table_mu.TryLock()) {
    co_await next_round();
    co_return;
  }
  table_mu.Unlock();
}

// --- unannotated guard classes ----------------------------------------------
std::mutex stats_mutex;
long hits;

// The constructor locks the mutex it is given, the destructor unlocks it.
class stats_guard {
public:
  explicit stats_guard(std::mutex &m) : m_(m) { m_.lock(); }
  ~stats_guard() { m_.unlock(); }

private:
  std::mutex &m_;
};

task constructor_locks_fires() {
  stats_guard g(stats_mutex);
  // CHECK: :[[@LINE-1]]:15: warning: lock on 'stats_mutex' is held across a suspension point in coroutine 'constructor_locks_fires' [concur-lock-across-suspend]
  ++hits;
  co_await next_round();
}

// A view that keeps the counter locked for as long as it lives.
class locked_hits {
public:
  locked_hits(std::mutex &m, long &n) : lock_(m), n_(n) {}
  void add(long k) { n_ += k; }

private:
  std::lock_guard<std::mutex> lock_;
  long &n_;
};

task member_guard_fires() {
  locked_hits view(stats_mutex, hits);
  // CHECK: :[[@LINE-1]]:15: warning: lock on 'stats_mutex' is held across a suspension point in coroutine 'member_guard_fires' [concur-lock-across-suspend]
  view.add(1);
  co_await next_round();
}

task member_guard_scoped_silent() {
  {
    locked_hits view(stats_mutex, hits);
    view.add(1);
  }
  co_await next_round();
}

// Keeps the mutex to lock it later, around each update: holds nothing itself.
class stats_writer {
public:
  explicit stats_writer(std::mutex &m) : m_(m) {}
  void add(long k) {
    std::lock_guard<std::mutex> hold(m_);
    hits += k;
  }

private:
  std::mutex &m_;
};

task reference_only_silent() {
  stats_writer writer(stats_mutex);
  writer.add(1);
  co_await next_round();
  writer.add(1);
}

// --- standard guards ----------------------------------------------------------
std::mutex a_mutex, b_mutex;

task try_to_lock_owned_fires() {
  std::unique_lock<std::mutex> lk(a_mutex, std::try_to_lock);
  if (lk.owns_lock()) {
    // CHECK: :[[@LINE-1]]:7: warning: lock on 'a_mutex' is held across a suspension point in coroutine 'try_to_lock_owned_fires' [concur-lock-across-suspend]
    co_await next_round();
  }
}

task try_to_lock_not_owned_silent() {
  std::unique_lock<std::mutex> lk(a_mutex, std::try_to_lock);
  if (!lk)
    co_await next_round();
}

task scoped_lock_both_fires() {
  std::scoped_lock both(a_mutex, b_mutex);
  // CHECK: :[[@LINE-1]]:20: warning: locks on 'a_mutex' and 'b_mutex' are held across a suspension point in coroutine 'scoped_lock_both_fires' [concur-lock-across-suspend]
  co_await next_round();
}

// RUN: %concur check --checks='-*,concur-lock-across-suspend' --quiet %s -- %mockflags \
// RUN:   | FileCheck %s --implicit-check-not='[concur-lock-across-suspend]'

#include <mutex>
#include <task.h>

std::mutex m;
std::mutex other;
task<int> fetch();
bool ready();

// --- fires ------------------------------------------------------------------
task<> guard_fires() {
  std::lock_guard<std::mutex> g(m);
  // CHECK: :[[@LINE-1]]:31: warning: lock on 'm' is held across a suspension point in coroutine 'guard_fires' [concur-lock-across-suspend]
  // CHECK-NEXT: :[[@LINE+1]]:3: note: suspension point is here (co_await)
  co_await fetch();
}

task<> unique_lock_fires() {
  std::unique_lock<std::mutex> lock(m);
  // CHECK: :[[@LINE-1]]:32: warning: lock on 'm' is held across a suspension point in coroutine 'unique_lock_fires' [concur-lock-across-suspend]
  co_await fetch();
}

task<> scoped_lock_fires() {
  std::scoped_lock<std::mutex, std::mutex> both(m, other);
  // CHECK: :[[@LINE-1]]:44: warning: locks on 'm' and 'other' are held across a suspension point in coroutine 'scoped_lock_fires' [concur-lock-across-suspend]
  co_await fetch();
}

task<> manual_fires() {
  m.lock();
  // CHECK: :[[@LINE-1]]:3: warning: lock on 'm' is held across a suspension point in coroutine 'manual_fires' [concur-lock-across-suspend]
  co_await fetch();
  m.unlock();
}

// co_await inside an initializer counts (llvm/llvm-project#72793).
task<> initializer_fires() {
  std::lock_guard<std::mutex> g(m);
  // CHECK: :[[@LINE-1]]:31: warning: lock on 'm' is held across a suspension point in coroutine 'initializer_fires' [concur-lock-across-suspend]
  int value = co_await fetch();
  (void)value;
}

// Released on only one path: fires, and says so.
task<> some_paths_fires() {
  m.lock();
  // CHECK: :[[@LINE-1]]:3: warning: lock on 'm' is held across a suspension point in coroutine 'some_paths_fires' on some paths [concur-lock-across-suspend]
  if (ready())
    m.unlock();
  co_await fetch();
}

// --- silent -----------------------------------------------------------------
task<> scope_closes_silent() {
  {
    std::lock_guard<std::mutex> g(m);
  }
  co_await fetch();
}

task<> unlocked_every_path_silent() {
  m.lock();
  if (ready())
    m.unlock();
  else
    m.unlock();
  co_await fetch();
}

task<> unique_lock_released_silent() {
  std::unique_lock<std::mutex> lock(m);
  lock.unlock();
  co_await fetch();
}

task<> deferred_silent() {
  std::unique_lock<std::mutex> lock(m, std::defer_lock);
  co_await fetch();
}

task<> relock_after_silent() {
  co_await fetch();
  std::lock_guard<std::mutex> g(m);
}

// A successful try_lock() holds the lock on the branch that tested it.
task<> try_lock_held_fires() {
  if (m.try_lock()) {
    // CHECK: :[[@LINE-1]]:7: warning: lock on 'm' is held across a suspension point in coroutine 'try_lock_held_fires' [concur-lock-across-suspend]
    co_await fetch();
    m.unlock();
  }
}

// The failed branch holds nothing.
task<> try_lock_failed_silent() {
  if (!m.try_lock())
    co_return;
  m.unlock();
  co_await fetch();
}

// The try_lock() result kept in a variable and tested later.
task<> stored_try_lock_fires() {
  const bool locked = m.try_lock();
  // CHECK: :[[@LINE-1]]:23: warning: lock on 'm' is held across a suspension point in coroutine 'stored_try_lock_fires' [concur-lock-across-suspend]
  if (locked) {
    co_await fetch();
    m.unlock();
  }
}

task<> stored_try_lock_failed_silent() {
  bool locked = m.try_lock();
  if (!locked) {
    co_await fetch();
    co_return;
  }
  m.unlock();
}

// Not a coroutine: holding a lock across a call is not a suspension.
int plain_silent() {
  std::lock_guard<std::mutex> g(m);
  return ready() ? 1 : 0;
}

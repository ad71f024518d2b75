// Retry and spin loops are not computation: a compare-and-swap loop, a
// try_lock loop and a spin on an atomic flag go round again only when
// another thread interferes, so a coroutine calling them is not reported as
// running CPU-bound work (issue 9: every cpu-in-event-loop finding on real
// coroutine libraries was such a loop charged ~1000 iterations). A loop over
// data nested in the same shape still counts.
// RUN: %concur check --checks='-*,concur-cpu-in-event-loop' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-cpu-in-event-loop]'
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --check-prefix=KIND --match-full-lines
// RUN: %json-query evidence %t.json spin_lock::lock | FileCheck %s --check-prefix=SPIN

#include <atomic>
#include <coroutine>
#include <mutex>
#include <thread>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// A lock-free waiter list, as coroutine mutexes keep one.
struct waiter {
  waiter *next = nullptr;
};

class waiter_list {
public:
  // KIND: waiter_list::push neutral none
  void push(waiter *w) {
    waiter *head = head_.load(std::memory_order_relaxed);
    do {
      w->next = head;
    } while (!head_.compare_exchange_weak(head, w, std::memory_order_release, std::memory_order_relaxed));
  }
  // KIND-NEXT: waiter_list::release neutral none
  void release() {
    waiter *current = head_.load(std::memory_order_acquire);
    while (true) {
      if (current == nullptr)
        return;
      if (head_.compare_exchange_weak(current, current->next, std::memory_order_acq_rel))
        return;
    }
  }

private:
  std::atomic<waiter *> head_{nullptr};
};

std::atomic<bool> published{false};
std::mutex table_mutex;

// KIND-NEXT: wait_published neutral none
void wait_published() {
  while (!published.load(std::memory_order_acquire))
    std::this_thread::yield();
}

// KIND-NEXT: with_table neutral none
void with_table() {
  for (;;) {
    if (table_mutex.try_lock()) {
      table_mutex.unlock();
      return;
    }
  }
}

// An epoch counter bumped by whoever wins the race: the loop's condition is
// a local copy, the exit is the compare-and-swap's success.
// KIND-NEXT: notify_one neutral none
std::atomic<unsigned long> epoch_state{0};
void notify_one() {
  for (unsigned long state = epoch_state.load(std::memory_order_relaxed); state & 0xffff;) {
    if (epoch_state.compare_exchange_weak(state, state + 0x10000, std::memory_order_relaxed)) {
      epoch_state.notify_one();
      break;
    }
  }
}

// A template's pattern: the atomic's type depends on T, and the
// compare-and-swap is a dependent member call.
// KIND-NEXT: atomic_min neutral none
template <typename T> void atomic_min(std::atomic<T> &v, const T &min_v) {
  T prev = v.load(std::memory_order_relaxed);
  while (prev > min_v && !v.compare_exchange_weak(prev, min_v, std::memory_order_relaxed)) {
  }
}

// A partitioner claims chunks of the caller's range with a CAS and runs
// each claimed chunk: the loop walks the data, it is no retry.
// KIND-NEXT: claim_chunks cpu threads
long claim_chunks(const long *data, unsigned long n, std::atomic<unsigned long> &next) {
  long sum = 0;
  unsigned long begin = next.load(std::memory_order_relaxed);
  while (begin < n) {
    unsigned long end = begin + 64 < n ? begin + 64 : n;
    if (next.compare_exchange_weak(begin, end, std::memory_order_relaxed)) {
      sum += data[begin] * 31 % 7 + data[end - 1] * 17 % 5;
      if (sum < 0)
        return sum;
      begin = end;
    }
  }
  return sum;
}

// A wait on a copy the body reloads from the atomic (a futex loop's shape).
// KIND-NEXT: wait_signalled neutral none
std::atomic<int> signalled{0};
void wait_signalled() {
  int seen = signalled.load(std::memory_order_acquire);
  while (seen == 0) {
    std::this_thread::yield();
    seen = signalled.load(std::memory_order_acquire);
  }
}

// A spin lock whose try is a one-line member: the loop spins on the atomic
// through it.
class spin_lock {
public:
  // KIND-NEXT: spin_lock::try_acquire neutral none
  bool try_acquire() noexcept { return !locked_.exchange(true, std::memory_order_acquire); }
  // KIND-NEXT: spin_lock::lock neutral none
  void lock() noexcept {
    while (!try_acquire())
      while (locked_.load(std::memory_order_relaxed))
        std::this_thread::yield();
  }

private:
  std::atomic<bool> locked_{false};
};
// SPIN: retry loop that goes round again only when an attempt falls short (another thread interfered, a transfer was partial): counted once, {{.*}}
// SPIN-NEXT: retry loop that goes round again only when an attempt falls short (another thread interfered, a transfer was partial): counted once, {{.*}}
// SPIN-NOT: loop

// KIND-NEXT: checksum cpu threads
long checksum(const unsigned char *data, long n) {
  long sum = 0;
  for (long i = 0; i < n; ++i)
    for (long j = 0; j < n; ++j)
      sum += data[i] ^ data[j];
  return sum;
}

// KIND-NEXT: handle neutral none
task handle(waiter_list &list, waiter &w) {
  list.push(&w);
  list.release();
  wait_published();
  with_table();
  co_return;
}

// The size flows from the caller: 4096 x 4096 iterations.
// KIND-NEXT: digest {{.*}}
task digest(const unsigned char *data, long n, long &out) {
  out = checksum(data, n);
  // CHECK: :[[@LINE-1]]:9: warning: CPU-bound call 'checksum' {{.*}} inside coroutine 'digest' [concur-cpu-in-event-loop]
  co_return;
}

// KIND-NEXT: digest_block {{.*}}
void digest_block(const unsigned char *block, long &out) { digest(block, 4096, out); }

// Nothing in the program gives the size: the work is assumed, not shown, and
// is as likely a handful of items as a million. Not reported.
// KIND-NEXT: mix cpu threads
long mix(const unsigned char *data, long n) {
  long sum = 0;
  for (long i = 0; i < n; ++i)
    for (long j = 0; j < n; ++j)
      sum += data[i] + data[j];
  return sum;
}

// KIND-NEXT: digest_stream {{.*}}
task digest_stream(const unsigned char *data, long n, long &out) {
  out = mix(data, n);
  co_return;
}

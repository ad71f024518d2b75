// A mutex taken inside a coroutine stalls the loop only while some holder
// keeps it for long (issue 9, item 5): reported when a critical section of
// the same mutex anywhere in the program blocks, waits or computes, with a
// note at that section; short sections everywhere stay silent unless
// ShortCriticalSections is set.
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefixes=LONG,DEFAULT --implicit-check-not='[concur-blocking-in-coroutine]'
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet %s \
// RUN:   --config-file=%S/Inputs/short-sections.concur.yaml -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefixes=LONG,ALL --implicit-check-not='[concur-blocking-in-coroutine]'

#include <condition_variable>
#include <coroutine>
#include <deque>
#include <mutex>
#include <string>
#include <unistd.h>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// A cache whose refill reads a file while the cache's mutex is held.
class cache {
public:
  std::string lookup(int key);
  void refill(int fd);

private:
  std::mutex mutex_;
  std::string value_;
};

std::string cache::lookup(int) {
  std::lock_guard<std::mutex> lock(mutex_);
  return value_;
}

void cache::refill(int fd) {
  std::lock_guard<std::mutex> lock(mutex_);
  char buf[256];
  ssize_t n = read(fd, buf, sizeof buf); // the long section
  value_.assign(buf, n > 0 ? size_t(n) : 0);
}

// A queue whose every section is short; its consumer waits on a condition
// variable, which releases the mutex while it waits.
class work_queue {
public:
  void push(int item) {
    std::lock_guard<std::mutex> lock(mutex_);
    items_.push_back(item);
    ready_.notify_one();
  }
  int pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !items_.empty(); });
    int item = items_.front();
    items_.pop_front();
    return item;
  }
  bool try_pop(int &item) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (items_.empty())
      return false;
    item = items_.front();
    items_.pop_front();
    return true;
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<int> items_;
};

// --- fires: the cache's mutex is held across a read elsewhere ---------------
task serve(cache &c, int key) {
  std::string v = c.lookup(key);
  // LONG: :[[@LINE-1]]:19: warning: blocking call {{.*}}lock_guard{{.*}} inside coroutine 'serve' stalls the event loop [concur-blocking-in-coroutine]
  // LONG-NEXT: note: 'cache::lookup' calls {{.*}}lock_guard{{.*}} here
  // LONG-NEXT: :{{[0-9]+}}:15: note: 'mutex_' is held for long here: 'cache::refill' calls 'read'
  co_return;
}

// --- silent by default: every section of the queue's mutex is short ---------
task produce(work_queue &q, int item) {
  q.push(item);
  // ALL: :[[@LINE-1]]:3: warning: blocking call {{.*}}lock_guard{{.*}} inside coroutine 'produce' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

task poll_queue(work_queue &q) {
  int item = 0;
  if (q.try_pop(item))
  // ALL: :[[@LINE-1]]:7: warning: blocking call {{.*}}lock_guard{{.*}} inside coroutine 'poll_queue' {{.*}} [concur-blocking-in-coroutine]
    co_return;
}

// --- fires either way: the condition-variable wait itself blocks (with
// every section reported, the shorter chain to the lock is shown) -----------
task consume(work_queue &q) {
  int item = q.pop();
  // DEFAULT: :[[@LINE-1]]:14: warning: blocking call 'std::condition_variable::wait' inside coroutine 'consume' {{.*}} [concur-blocking-in-coroutine]
  // ALL: :[[@LINE-2]]:14: warning: blocking call {{.*}}unique_lock{{.*}} inside coroutine 'consume' {{.*}} [concur-blocking-in-coroutine]
  (void)item;
  co_return;
}

// A registry whose other section walks a list of listeners of unknown
// length: work the code does not show to be long does not make the section
// long (the listeners of a test framework's reporter, a subscriber list).
struct listener {
  int id;
  const int *topics;
  int num_topics;
  listener *next;
};

class registry {
public:
  void add(int id) {
    std::lock_guard<std::mutex> hold(mutex_);
    last_ = id;
  }
  long notify_all(const listener *first) {
    std::lock_guard<std::mutex> hold(mutex_);
    return count(first);
  }

private:
  static long count(const listener *l) {
    long n = 0;
    for (; l; l = l->next)
      for (int t = 0; t < l->num_topics; ++t)
        n += (l->id * 31 + l->topics[t]) % 7;
    return n;
  }
  std::mutex mutex_;
  int last_ = 0;
};

// --- silent by default -------------------------------------------------------
task subscribe(registry &r, int id) {
  r.add(id);
  // ALL: :[[@LINE-1]]:3: warning: blocking call {{.*}}lock_guard{{.*}} inside coroutine 'subscribe' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

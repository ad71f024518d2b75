// concur-advice, gather: a loop whose iterations each make blocking I/O
// calls that no other iteration feeds. Real libstdc++ and POSIX headers.
// RUN: %concur check --checks='-*,concur-advice' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-advice]'

#include <coroutine>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
struct reply_awaiter {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
reply_awaiter next_reply(int id);

// One request on a connection of its own.
std::string fetch(const std::string &host) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  char buf[256];
  long n = recv(s, buf, sizeof buf, 0);
  close(s);
  return std::string(buf, n > 0 ? n : 0);
}

// --- fires ------------------------------------------------------------------
std::vector<std::string> fetch_all_fires(const std::vector<std::string> &hosts) {
  std::vector<std::string> out;
  for (const std::string &h : hosts)
    // CHECK: :[[@LINE-1]]:3: remark: loop makes independent blocking I/O calls one after another ('fetch', one per iteration over 'hosts'): run them together with concur::gather [concur-advice]
    // CHECK-NEXT: :[[@LINE+4]]:19: note: 'fetch' waits here, and no iteration's call needs another's result
    // CHECK-NEXT: note: 'fetch_all_fires' is not a coroutine: make it a concur::task, or drive the sketch with concur::run(...)
    // CHECK-NEXT: :[[@LINE-4]]:3: note: sketch with the concur runtime:
    // CHECK-NEXT: {{^}}    // One task per iteration; each blocking call runs on the runtime's blocking pool.
    out.push_back(fetch(h));
  // CHECK-NEXT: {{^}}    auto one = [](Item item) -> concur::task<Result> { co_return co_await concur::to_thread(blocking_call, item); };
  // CHECK-NEXT: {{^}}    std::vector<concur::task<Result>> tasks;
  // CHECK-NEXT: {{^}}    for (const Item &item : items) tasks.push_back(one(item));
  // CHECK-NEXT: {{^}}    std::vector<Result> results = co_await concur::gather(std::move(tasks));
  // CHECK-NEXT: note: in the sketch, 'blocking_call' is one iteration's work ('fetch') and 'items' is 'hosts'
  return out;
}

// Ten reads, each from a socket the iteration opens: the count is known.
long ten_reads_fires() {
  long total = 0;
  for (int i = 0; i < 10; ++i) {
    // CHECK: :[[@LINE-1]]:3: remark: loop makes 10 independent blocking reads one after another ('recv'): run them together with concur::gather [concur-advice]
    int s = socket(AF_INET, SOCK_STREAM, 0);
    char buf[64];
    total += recv(s, buf, sizeof buf, 0);
    close(s);
  }
  return total;
}

task fetch_async(int id) { co_await next_reply(id); }

// A coroutine awaiting one task after another: start them all, gather.
task awaits_in_turn_fires(std::vector<int> ids) {
  for (int id : ids)
    // CHECK: :[[@LINE-1]]:3: remark: loop makes independent blocking I/O calls one after another ('fetch_async', one per iteration over 'ids'): run them together with concur::gather [concur-advice]
    // CHECK: note: sketch with the concur runtime:
    // CHECK-NEXT: {{^}}    // Start every iteration's task, then await them together.
    // CHECK: note: in the sketch, 'async_call' is one iteration's work ('fetch_async') and 'items' is 'ids'
    co_await fetch_async(id);
}

// --- silent -----------------------------------------------------------------
// Each request takes the previous reply: the calls are a chain.
std::string crawl_silent(std::string start) {
  std::string next = start;
  for (int i = 0; i < 10; ++i)
    next = fetch(next);
  return next;
}

// The same descriptor every time: consecutive reads of one stream.
long read_stream_silent(int fd) {
  long total = 0;
  for (int i = 0; i < 100; ++i) {
    char buf[64];
    total += read(fd, buf, sizeof buf);
  }
  return total;
}

// One scratch buffer shared by every iteration's read.
long shared_buffer_silent() {
  char buf[64];
  long total = 0;
  for (int i = 0; i < 10; ++i) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    total += recv(s, buf, sizeof buf, 0) + buf[0];
    close(s);
  }
  return total;
}

// Paced on purpose: a sleep between requests.
void polite_silent(const std::vector<std::string> &hosts) {
  for (const std::string &h : hosts) {
    fetch(h);
    sleep(1);
  }
}

// Stops at the first empty reply: how many run depends on the replies.
int until_empty_silent(const std::vector<std::string> &hosts) {
  int n = 0;
  for (const std::string &h : hosts) {
    if (fetch(h).empty())
      break;
    ++n;
  }
  return n;
}

// A while loop: its count is whatever the calls make it.
void drain_silent() {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  char buf[64];
  while (recv(s, buf, sizeof buf, 0) > 0) {
  }
}

// The list grows with the replies (a crawler's frontier).
void frontier_silent(std::vector<std::string> &queue) {
  for (std::size_t i = 0; i < queue.size(); ++i)
    queue.push_back(fetch(queue[i]));
}

// Sleeps are waiting, not I/O: nothing to gather.
void sleeps_silent() {
  for (int i = 0; i < 10; ++i)
    sleep(1);
}

// Writes into one store through its own member function: every iteration's
// call runs on the same object, whose state orders them (a database fixture
// putting keys in turn).
struct Store {
  int fd = -1;
  void put(const std::string &key) { write(fd, key.data(), key.size()); }
  void fill_silent(const std::vector<std::string> &keys) {
    for (const std::string &k : keys)
      put(k);
  }
};

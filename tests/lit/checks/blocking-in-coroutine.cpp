// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet %s -- %mockflags \
// RUN:   | FileCheck %s --implicit-check-not='[concur-blocking-in-coroutine]'

#include <chrono>
#include <concur/concur.hpp>
#include <fcntl.h>
#include <future>
#include <mutex>
#include <sys/socket.h>
#include <task.h>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

// --- fires: direct calls of each blocking family ---------------------------
task<> sleep_direct_fires() {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for' inside coroutine 'sleep_direct_fires' stalls the event loop [concur-blocking-in-coroutine]
  // CHECK-NEXT: :[[@LINE-2]]:3: note: suggestion: co_await concur::sleep_for(d)
  co_return;
}

task<> recv_direct_fires(int fd) {
  char buf[16];
  recv(fd, buf, sizeof buf, 0);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'recv' inside coroutine 'recv_direct_fires' stalls the event loop{{.*}} [concur-blocking-in-coroutine]
  co_return;
}

std::mutex m;
// A holder that keeps m across a read: taking m can wait that long.
int refill_under_lock(int fd) {
  std::lock_guard<std::mutex> g(m);
  char buf[8];
  return read(fd, buf, sizeof buf);
}
task<> lock_direct_fires() {
  m.lock();
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'std::mutex::lock' inside coroutine 'lock_direct_fires'{{.*}} [concur-blocking-in-coroutine]
  m.unlock();
  co_return;
}

task<> future_get_fires(std::future<int> &f) {
  int v = f.get();
  // CHECK: :[[@LINE-1]]:11: warning: blocking call 'std::future<int>::get' inside coroutine 'future_get_fires'{{.*}} [concur-blocking-in-coroutine]
  (void)v;
  co_return;
}

// --- fires: through a chain of ordinary calls ---------------------------------
int read_frame(int fd) {
  char buf[8];
  return int(read(fd, buf, sizeof buf));
}
int read_message(int fd) { return read_frame(fd) + 1; }

task<> chain_fires(int fd) {
  co_await std::suspend_always{};
  int n = read_message(fd);
  // CHECK: :[[@LINE-1]]:11: warning: blocking call 'read' inside coroutine 'chain_fires' stalls the event loop{{.*}} [concur-blocking-in-coroutine]
  // CHECK-NEXT: :[[@LINE-6]]:35: note: 'read_message' calls 'read_frame' here
  // CHECK-NEXT: :[[@LINE-9]]:14: note: 'read_frame' calls 'read' here
  (void)n;
}

// Virtual calls reach the overrides of the classes the program constructs;
// none is constructed here, so every override may run
// (blocking-in-coroutine-virtual.cpp has the rest).
struct Source {
  virtual int next() = 0;
  virtual ~Source() = default;
};
struct FileSource : Source {
  int fd = 0;
  int next() override {
    char c;
    return int(read(fd, &c, 1));
  }
};
task<> virtual_fires(Source &s) {
  s.next();
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'read' inside coroutine 'virtual_fires' stalls the event loop [concur-blocking-in-coroutine]
  // CHECK-NEXT: :[[@LINE-2]]:3: note: virtual call to 'Source::next' taken into the override 'FileSource::next' (no class
  // CHECK-NEXT: :[[@LINE-7]]:16: note: 'FileSource::next' calls 'read' here
  co_return;
}

// A coroutine lambda counts.
auto lambda_coroutine_fires = [](int fd) -> task<> {
  char c;
  read(fd, &c, 1);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'read' inside coroutine '(lambda at {{.*}})'{{.*}} [concur-blocking-in-coroutine]
  co_return;
};

// --- silent -------------------------------------------------------------------
// Not a coroutine: nothing reaches it from a coroutine.
void plain_function_silent(int fd) {
  char buf[8];
  read(fd, buf, sizeof buf);
}

// Offloaded to a thread: the runtime runs it elsewhere.
task<> offload_silent(int fd) {
  co_await concur::to_thread([fd] { plain_function_silent(fd); });
}

// The runtime's own sleep suspends instead of blocking.
task<> runtime_sleep_silent() { co_await concur::sleep_for(10ms); }

// A lambda defined in the coroutine but not called there.
task<> uncalled_lambda_silent(int fd) {
  auto later = [fd] { plain_function_silent(fd); };
  (void)later;
  co_return;
}

// A descriptor visibly made non-blocking in the same function.
task<> nonblocking_socket_silent() {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  char buf[8];
  recv(fd, buf, sizeof buf, 0);
  co_return;
}
task<> dontwait_silent(int fd) {
  char buf[8];
  recv(fd, buf, sizeof buf, MSG_DONTWAIT);
  co_return;
}

// try_lock never blocks.
task<> try_lock_silent() {
  if (m.try_lock())
    m.unlock();
  co_return;
}

// open(2) with O_NONBLOCK does not wait for a FIFO's other end.
task<> open_nonblocking_silent(const char *path) {
  int fd = open(path, O_RDONLY | O_NONBLOCK);
  close(fd);
  co_return;
}

// Another coroutine called from a coroutine is reported in its own body.
task<> callee_coroutine(int fd) {
  char c;
  read(fd, &c, 1);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'read' inside coroutine 'callee_coroutine'{{.*}} [concur-blocking-in-coroutine]
  co_return;
}
task<> awaits_coroutine_silent(int fd) { co_await callee_coroutine(fd); }

// A constructor's member initialiser runs when the object is made: a
// blocking call there is the constructor's, reached from the coroutine.
int wait_for_peer(int fd) {
  char hello;
  return read(fd, &hello, 1);
}
struct session {
  explicit session(int fd) : peer_(wait_for_peer(fd)) {}
  int peer_;
};
task<> open_session_fires(int fd) {
  session s(fd);
  // CHECK: :[[@LINE-1]]:11: warning: blocking call 'read' inside coroutine 'open_session_fires'{{.*}} [concur-blocking-in-coroutine]
  co_return;
}

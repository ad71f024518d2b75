// Templates nobody instantiates in this file are analysed from their
// pattern (issue 9, item 8): a header-only library's function templates,
// the members of a class template that are never called, generic lambdas.
// A call that depends on a template parameter is resolved by name when
// every declaration it can reach has that name (::read, sleep_for); one on
// an object of a dependent type is not known and stays silent.
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-blocking-in-coroutine]'

#include <chrono>
#include <coroutine>
#include <cstddef>
#include <thread>
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

std::suspend_always next_round() { return {}; }

// A function template of a header-only library: no caller here.
template <typename Rep, typename Period>
task throttle(std::chrono::duration<Rep, Period> pause) {
  std::this_thread::sleep_for(pause);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for' inside coroutine 'throttle' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

template <typename Buffer> class reader {
public:
  explicit reader(int fd) : fd_(fd) {}

  // Never called: read() on a buffer whose type is the parameter's.
  task fill(Buffer &buffer) {
    ::read(fd_, buffer.data(), buffer.size());
    // CHECK: :[[@LINE-1]]:5: warning: blocking call 'read' inside coroutine 'reader::fill' {{.*}} [concur-blocking-in-coroutine]
    co_return;
  }

  // The object's type is the parameter: nothing says what wait() does.
  template <typename Event> task await_event(Event &event) {
    event.wait();
    co_await next_round();
  }

  // Called below: reported once, from the instantiation (not twice).
  task pause() {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    // CHECK: :[[@LINE-1]]:5: warning: blocking call 'std::this_thread::sleep_for' inside coroutine 'reader<{{.*}}>::pause' {{.*}} [concur-blocking-in-coroutine]
    co_return;
  }

  // A pattern that never blocks.
  task count(const Buffer &buffer, std::size_t &n) {
    n += buffer.size();
    co_await next_round();
  }

private:
  int fd_;
};

struct bytes {
  char *data();
  std::size_t size() const;
};

void use_reader() { reader<bytes>(0).pause(); }

// A generic lambda nobody calls.
auto drain = [](auto fd) -> task {
  char c;
  read(fd, &c, 1);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'read' inside coroutine {{.*}} [concur-blocking-in-coroutine]
  co_return;
};

// A lambda inside an instantiated template: the instantiation's lambda is
// the one reported, once, not its pattern as well.
template <typename Count> void spawn_each(Count n) {
  auto job = [n]() -> task {
    std::this_thread::sleep_for(std::chrono::milliseconds(n));
    // CHECK: :[[@LINE-1]]:5: warning: blocking call 'std::this_thread::sleep_for' inside coroutine {{.*}} [concur-blocking-in-coroutine]
    // CHECK-NOT: note: reported once
    co_return;
  };
  job();
}
void start_jobs() { spawn_each(3); }

// A callable a coroutine stores is not run by it (issue 9, item 6): the
// blocking call inside belongs to whoever invokes the stored object. A
// coroutine that invokes it reaches the blocking call through it.
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-blocking-in-coroutine]'

#include <chrono>
#include <coroutine>
#include <functional>
#include <thread>
#include <utility>
#include <vector>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

struct Shutdown {
  std::vector<std::function<void()>> hooks;
  void add(std::function<void()> hook) { hooks.emplace_back(std::move(hook)); }
  void run() {
    for (auto &hook : hooks)
      hook();
  }
};

void nap() { std::this_thread::sleep_for(std::chrono::milliseconds(50)); }

task register_hooks(Shutdown &shutdown) {
  shutdown.add([] { nap(); });                  // stored: runs at shutdown
  std::function<void()> later = [] { nap(); }; // stored in a local never called
  shutdown.hooks.push_back(std::move(later));
  co_return;
}

task drain(Shutdown &shutdown) {
  shutdown.run();
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for' inside coroutine 'drain' stalls the event loop [concur-blocking-in-coroutine]
  co_return;
}

task step_now() {
  std::function<void()> step = [] { nap(); };
  step();
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for' inside coroutine 'step_now' stalls the event loop [concur-blocking-in-coroutine]
  co_return;
}

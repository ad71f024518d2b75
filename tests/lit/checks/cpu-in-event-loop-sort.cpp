// The real standard library: std::sort over a large vector in a coroutine.
// RUN: %concur check --checks='-*,concur-cpu-in-event-loop' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-cpu-in-event-loop]'

#include <algorithm>
#include <coroutine>
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

task sort_fires() {
  std::vector<int> v(2500000);
  std::sort(v.begin(), v.end());
  // CHECK: :[[@LINE-1]]:3: warning: CPU-heavy call 'std::sort{{.*}}' over ~3M elements runs on the event loop inside coroutine 'sort_fires' [concur-cpu-in-event-loop]
  co_return;
}

task small_sort_silent() {
  std::vector<int> v(100);
  std::sort(v.begin(), v.end());
  co_return;
}

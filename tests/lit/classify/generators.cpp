// A generator that only co_yields runs on the thread that iterates it, one
// step per element: it cannot offload its own work the way a coroutine on
// an event loop can (co_await to_thread), so a CPU-bound generator is
// advised like a function, threads (issue 10: cppcoro's range_chunks and
// async_simple's tree walk were told to offload with co_await to_thread).
// A coroutine that awaits stays a coroutine.
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines
// RUN: %json-query rationale %t.json noise | FileCheck %s --check-prefix=WHY

#include <coroutine>
#include <cstdint>
#include <exception>
#include <vector>

template <typename T> class generator {
public:
  struct promise_type {
    T value;
    generator get_return_object() { return generator{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) noexcept {
      value = v;
      return {};
    }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  explicit generator(std::coroutine_handle<promise_type> h) : handle_(h) {}
  generator(generator &&other) noexcept : handle_(other.handle_) { other.handle_ = {}; }
  ~generator() {
    if (handle_)
      handle_.destroy();
  }
  bool next() {
    handle_.resume();
    return !handle_.done();
  }
  T value() const { return handle_.promise().value; }

private:
  std::coroutine_handle<promise_type> handle_;
};

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// CHECK: generator<unsigned long>::value neutral none
// CHECK: task::promise_type::unhandled_exception neutral none

// Value noise for a field of `cells` cells, each hashed 64 times: heavy,
// and the caller picks the size.
// CHECK-NEXT: noise cpu threads
generator<std::uint64_t> noise(std::uint64_t seed, int cells) {
  for (int c = 0; c < cells; ++c) {
    std::uint64_t h = seed ^ std::uint64_t(c);
    for (int round = 0; round < 64; ++round)
      h = (h ^ (h >> 31)) * 0x9e3779b97f4a7c15ull;
    co_yield h;
  }
}
// WHY: CPU-bound generator: its body runs on the thread that iterates it, {{.*}}

// Three values: too little to matter.
// CHECK-NEXT: corners neutral none
generator<std::uint64_t> corners() {
  co_yield 0;
  co_yield 1;
  co_yield 2;
}

// The consumer: it drives the generator, so the work is its own.
// CHECK-NEXT: checksum cpu threads
std::uint64_t checksum(std::uint64_t seed) {
  std::uint64_t sum = 0;
  generator<std::uint64_t> g = noise(seed, 4 << 20);
  while (g.next())
    sum += g.value();
  return sum;
}

// A coroutine that awaits and then computes stays a coroutine: async, with
// the computation offloaded.
struct later {
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
// CHECK: later::await_resume neutral none
// CHECK-NEXT: receive_then_hash cpu async
task receive_then_hash(std::vector<std::uint64_t> &out) {
  co_await later{};
  for (int c = 0; c < (1 << 22); ++c) {
    std::uint64_t h = std::uint64_t(c);
    for (int round = 0; round < 64; ++round)
      h = (h ^ (h >> 31)) * 0x9e3779b97f4a7c15ull;
    out.push_back(h);
  }
}

#pragma once
// Mock of the concur runtime's public names, for lit tests.
#include <chrono>
#include <coroutine>
namespace concur {
template <class T = void> struct task {
  struct promise_type {
    task get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
template <class Rep, class Period> task<> sleep_for(std::chrono::duration<Rep, Period> d);
template <class F, class... Args> task<> to_thread(F &&f, Args &&...args) { return {}; }
} // namespace concur

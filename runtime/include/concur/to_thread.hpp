// concur/to_thread.hpp - `co_await to_thread(f, args...)`: run a blocking
// call on the runtime's blocking pool and resume on the loop (asyncio.to_thread).
//
// The blocking pool grows on demand up to 64 threads and shrinks after 10 s
// idle; it is separate from any thread_pool so blocking calls never starve
// CPU work. file I/O (async_file) and DNS (net::resolve) go through it.
//
// Thread safety: f runs on a blocking-pool thread; the coroutine resumes on
// its event loop (or on the pool thread when awaited outside a loop).
// Blocking: does not block the loop. Cancellation: none: a call already
// running cannot be interrupted, so check a stop token inside f if needed.
// Exceptions: an exception thrown by f is rethrown by co_await.
//
//   std::string text = co_await concur::to_thread(read_config, "app.conf");
#pragma once

#include <coroutine>
#include <exception>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

#include "concur/detail/unique_function.hpp"
#include "concur/event_loop.hpp"
#include "concur/profiler.hpp"

namespace concur {
namespace detail {
/// Runs job on the shared blocking pool (thread-safe, never blocks).
void blocking_execute(unique_function job);
/// Called by a blocking-pool job right before it resumes its waiter, so the
/// pool counts the thread as available for the waiter's next job.
void blocking_job_finishing();
std::string callable_name_of(const std::type_info& ti, void* fnptr);

template <class F, class... Args>
class to_thread_awaiter {
 public:
  using R = std::invoke_result_t<F, Args...>;
  template <class G, class... A>
  explicit to_thread_awaiter(G&& g, A&&... a) : f_(std::forward<G>(g)), args_(std::forward<A>(a)...) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    h_ = h;
    loop_ = event_loop::current();
    if (loop_) loop_->expect_post();
    blocking_execute([this] {
      std::optional<profiler::scope> sc;
      if (profiler::enabled()) {
        if constexpr (std::is_pointer_v<F>)
          name_ = callable_name_of(typeid(F), reinterpret_cast<void*>(f_));
        else
          name_ = callable_name_of(typeid(F), nullptr);
        sc.emplace(name_);
      }
      try {
        if constexpr (std::is_void_v<R>) std::apply(f_, std::move(args_));
        else result_.emplace(std::apply(f_, std::move(args_)));
      } catch (...) {
        error_ = std::current_exception();
      }
      sc.reset();
      blocking_job_finishing();
      if (loop_) loop_->post_expected(h_);
      else h_.resume();
    });
  }
  R await_resume() {
    if (error_) std::rethrow_exception(error_);
    if constexpr (!std::is_void_v<R>) return std::move(*result_);
  }

 private:
  F f_;
  std::tuple<Args...> args_;
  std::optional<std::conditional_t<std::is_void_v<R>, char, R>> result_;
  std::exception_ptr error_;
  std::coroutine_handle<> h_;
  event_loop* loop_ = nullptr;
  std::string name_;
};
}  // namespace detail

/// Awaitable running f(args...) on the blocking pool; yields its result.
template <class F, class... Args>
auto to_thread(F&& f, Args&&... args) {
  return detail::to_thread_awaiter<std::decay_t<F>, std::decay_t<Args>...>(
      std::forward<F>(f), std::forward<Args>(args)...);
}

}  // namespace concur

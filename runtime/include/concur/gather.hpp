// concur/gather.hpp - run tasks concurrently on the loop: gather / when_all
// (all results) and when_any (the first to finish).
//
// Structured concurrency: the awaiting task resumes only after every child
// has finished, so no child outlives it. Children share a stop source linked
// to the awaiting task's stop token.
//  - gather/when_all: the results in argument order (std::monostate for
//    task<void>); if a child throws, the others are cancelled (their awaits
//    throw operation_cancelled) and the first exception is rethrown.
//  - when_any: the index and result of the first child to finish; the others
//    are cancelled and waited for; if the first child threw, that is rethrown.
// Thread safety: run on one loop. Blocking: never blocks the loop.
//
//   auto [a, b] = co_await concur::gather(fetch(1), fetch(2));
//   std::vector<int> all = co_await concur::gather(std::move(tasks));
//   auto first = co_await concur::when_any(std::move(tasks));  // first.index
#pragma once

#include <coroutine>
#include <cstddef>
#include <exception>
#include <optional>
#include <stop_token>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "concur/task.hpp"

namespace concur {
namespace detail {

template <class T>
using slot_t = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

struct group {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  struct forward_stop {
    std::stop_source* s;
    void operator()() noexcept { s->request_stop(); }
  };
  std::size_t remaining = 0;
  std::coroutine_handle<> parent;
  std::stop_source stop;
  std::exception_ptr error;
  std::size_t winner = npos;
  bool any = false;
  std::vector<std::coroutine_handle<>> live;
  std::optional<std::stop_callback<forward_stop>> link;

  group() = default;
  group(const group&) = delete;
  ~group() {
    link.reset();
    for (auto h : live)
      if (h) h.destroy();
  }
  void finished(std::size_t index, std::exception_ptr e) {
    if (any) {
      if (winner == npos) {
        winner = index;
        error = std::move(e);
        stop.request_stop();
      }
    } else if (e && !error) {
      error = std::move(e);
      stop.request_stop();
    }
  }
};

struct group_child {
  struct promise_type {
    group* g = nullptr;
    std::size_t index = 0;
    group_child get_return_object() noexcept {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct final_awaiter {
      bool await_ready() const noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> h) noexcept {
        group* g = h.promise().g;
        g->live[h.promise().index] = {};
        h.destroy();
        if (--g->remaining == 0) return g->parent;
        return std::noop_coroutine();
      }
      void await_resume() const noexcept {}
    };
    final_awaiter final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
};

template <class T>
group_child run_child(task<T> t, group* g, std::size_t i, std::optional<slot_t<T>>* out) {
  std::exception_ptr e;
  try {
    if constexpr (std::is_void_v<T>) {
      co_await std::move(t);
      out->emplace();
    } else {
      out->emplace(co_await std::move(t));
    }
  } catch (...) {
    e = std::current_exception();
  }
  g->finished(i, std::move(e));
}

template <class T>
void add_child(group& g, task<T>& t, std::optional<slot_t<T>>* out) {
  t.set_stop_token(g.stop.get_token());
  auto c = run_child(std::move(t), &g, g.live.size(), out);
  c.h.promise().g = &g;
  c.h.promise().index = g.live.size();
  g.live.push_back(c.h);
}

// Starts every child; resumes the awaiting task when all have finished.
struct start_group {
  group* g;
  bool await_ready() const noexcept { return g->live.empty(); }
  template <class P>
  bool await_suspend(std::coroutine_handle<P> h) {
    g->parent = h;
    std::stop_token parent = stop_token_of(h);
    if (parent.stop_possible()) g->link.emplace(parent, group::forward_stop{&g->stop});
    g->remaining = g->live.size() + 1;
    const std::size_t n = g->live.size();
    for (std::size_t i = 0; i < n; ++i)
      if (auto c = g->live[i]) c.resume();
    return --g->remaining != 0;
  }
  void await_resume() const noexcept {}
};

}  // namespace detail

/// All results, in order, as a tuple.
template <class... T>
task<std::tuple<detail::slot_t<T>...>> when_all(task<T>... ts) {
  detail::group g;
  std::tuple<std::optional<detail::slot_t<T>>...> slots;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (detail::add_child(g, ts, &std::get<I>(slots)), ...);
  }(std::index_sequence_for<T...>{});
  co_await detail::start_group{&g};
  if (g.error) std::rethrow_exception(g.error);
  co_return std::apply([](auto&... s) { return std::tuple<detail::slot_t<T>...>(std::move(*s)...); }, slots);
}

/// All results, in order, as a vector (nothing for task<void>).
template <class T>
task<std::conditional_t<std::is_void_v<T>, void, std::vector<detail::slot_t<T>>>> when_all(
    std::vector<task<T>> ts) {
  detail::group g;
  std::vector<std::optional<detail::slot_t<T>>> slots(ts.size());
  for (std::size_t i = 0; i < ts.size(); ++i) detail::add_child(g, ts[i], &slots[i]);
  co_await detail::start_group{&g};
  if (g.error) std::rethrow_exception(g.error);
  if constexpr (!std::is_void_v<T>) {
    std::vector<T> out;
    out.reserve(slots.size());
    for (auto& s : slots) out.push_back(std::move(*s));
    co_return out;
  }
}

/// asyncio.gather: same as when_all.
template <class... T>
auto gather(task<T>... ts) {
  return when_all(std::move(ts)...);
}
template <class T>
auto gather(std::vector<task<T>> ts) {
  return when_all(std::move(ts));
}

template <class T>
struct when_any_result {
  std::size_t index;
  T value;
};

/// The first task to finish (index and value); the others are cancelled.
template <class T>
task<std::conditional_t<std::is_void_v<T>, std::size_t, when_any_result<T>>> when_any(
    std::vector<task<T>> ts) {
  detail::group g;
  g.any = true;
  std::vector<std::optional<detail::slot_t<T>>> slots(ts.size());
  for (std::size_t i = 0; i < ts.size(); ++i) detail::add_child(g, ts[i], &slots[i]);
  co_await detail::start_group{&g};
  if (g.error) std::rethrow_exception(g.error);
  if (g.winner == detail::group::npos) throw std::invalid_argument("concur::when_any: no task");
  if constexpr (std::is_void_v<T>) co_return g.winner;
  else co_return when_any_result<T>{g.winner, std::move(*slots[g.winner])};
}

template <class T, class... U>
  requires(std::is_same_v<task<T>, U> && ...)
auto when_any(task<T> first, U... rest) {
  std::vector<task<T>> v;
  v.push_back(std::move(first));
  (v.push_back(std::move(rest)), ...);
  return when_any(std::move(v));
}

}  // namespace concur

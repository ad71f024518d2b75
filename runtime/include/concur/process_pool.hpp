// concur/process_pool.hpp - a pool of worker processes with
// concurrent.futures.ProcessPoolExecutor semantics, minus its failure modes.
//
// Workers are forked once (by the constructor; replacements by the pool's
// dispatcher thread) and run only functions submitted through submit()/map():
// a plain function (or a captureless lambda) whose address is valid in the
// forked worker, with
// arguments and result passed through concur::serializer (serialize.hpp).
// A capturing lambda is refused at compile time: its captures cannot cross a
// process boundary. Messages travel on one SOCK_SEQPACKET socket pair per
// worker; payloads above 32 KiB go through a memfd passed with SCM_RIGHTS.
//
// Failure handling: a worker that dies (SIGSEGV, abort, exit, SIGKILL/OOM)
// fails only the task it was running, with worker_crashed naming the signal,
// and is replaced; other tasks are unaffected (the one queued behind it in
// its socket, never read, runs on another worker). A task running past
// options.task_timeout kills its worker and fails with task_timeout.
// options.max_tasks_per_child recycles workers; options.initializer runs once
// in each new worker. Workers get PR_SET_PDEATHSIG(SIGKILL), so none outlives
// the pool's process; every worker is reaped (no zombies).
//
// Fork trade-off: workers are forked from the running process, which is
// cheap (no exec) and keeps function addresses valid, but other threads'
// locks are copied as they were: the worker runs only the submitted function,
// so avoid submitting functions that take locks other threads may hold (for
// example a logger's mutex); create the pool early when you can.
//
// Thread safety: submit/map are thread-safe. Blocking: submit never blocks;
// future::get() blocks, `co_await` on the future suspends. The destructor
// runs every submitted task, then stops and reaps the workers.
// Exceptions: an exception thrown by the function comes back as remote_error
// (its what() text); submit after shutdown throws pool_closed.
//
//   int work(int n);                         // a plain function
//   concur::process_pool pool({.workers = 2});
//   int r = pool.submit(work, 10).get();
//   std::vector<int> rs = pool.map(work, std::vector<int>{1, 2, 3}).get();
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "concur/errors.hpp"
#include "concur/future.hpp"
#include "concur/serialize.hpp"

namespace concur {
namespace detail {

// Worker side: decode the arguments, call fn, encode the result.
using trampoline_fn = void (*)(void* fn, reader& in, writer& out);

template <class R, class... A>
void call_trampoline(void* fn, reader& in, writer& out) {
  auto f = reinterpret_cast<R (*)(A...)>(fn);
  std::tuple<std::decay_t<A>...> args{in.get<std::decay_t<A>>()...};
  if constexpr (std::is_void_v<R>) std::apply(f, std::move(args));
  else out.put(std::apply(f, std::move(args)));
}

template <class R, class A>
void map_trampoline(void* fn, reader& in, writer& out) {
  auto f = reinterpret_cast<R (*)(A)>(fn);
  auto items = in.get<std::vector<std::decay_t<A>>>();
  std::vector<R> rs;
  rs.reserve(items.size());
  for (auto& x : items) rs.push_back(f(std::move(x)));
  out.put(rs);
}

// Parent side: receives the outcome of one message.
struct result_sink {
  virtual ~result_sink() = default;
  virtual void ok(reader& r) = 0;
  virtual void fail(std::exception_ptr e) = 0;
};

template <class R>
struct future_sink final : result_sink {
  future_state<R>* s;
  explicit future_sink(future_state<R>* st) : s(st) {}
  ~future_sink() override { s->release(); }
  void ok(reader& r) override {
    try {
      if constexpr (std::is_void_v<R>) s->set_value();
      else s->set_value(r.get<R>());
    } catch (...) {
      s->set_error(std::current_exception());
    }
  }
  void fail(std::exception_ptr e) override { s->set_error(std::move(e)); }
};

template <class F>
concept plain_function = requires(F f) {
  { +f };
} && std::is_pointer_v<decltype(+std::declval<F&>())> &&
                         std::is_function_v<std::remove_pointer_t<decltype(+std::declval<F&>())>>;

template <class P>
struct fn_traits;
template <class R, class... A>
struct fn_traits<R (*)(A...)> {
  using result = R;
  using args = std::tuple<A...>;
};
template <class R, class... A>
struct fn_traits<R (*)(A...) noexcept> : fn_traits<R (*)(A...)> {};

class process_pool_impl;
}  // namespace detail

class process_pool {
 public:
  struct options {
    std::size_t workers = 0;                     // 0: one per hardware thread
    std::chrono::milliseconds task_timeout{0};   // 0: none
    std::size_t max_tasks_per_child = 0;         // 0: unlimited
    void (*initializer)() = nullptr;             // runs once in each worker
  };
  struct stats {
    std::uint64_t completed = 0;   // tasks that returned or threw normally
    std::uint64_t crashed = 0;     // tasks failed by a worker death
    std::uint64_t timed_out = 0;   // tasks killed by the timeout
    std::uint64_t workers_started = 0;
  };

  process_pool() : process_pool(options{}) {}
  explicit process_pool(options opts);
  process_pool(const process_pool&) = delete;
  process_pool& operator=(const process_pool&) = delete;
  ~process_pool();

  /// Runs f(args...) in a worker; f must be a plain function or a
  /// captureless lambda with serializable parameters and result.
  template <class F, class... Args>
  auto submit(F f, Args&&... args) {
    static_assert(detail::plain_function<F>,
                  "concur::process_pool::submit needs a plain function (or a captureless lambda): "
                  "a capturing lambda or function object cannot be sent to a worker process");
    using P = decltype(+f);
    using R = typename detail::fn_traits<P>::result;
    return submit_impl<R>(+f, typename detail::fn_traits<P>::args{}, std::forward<Args>(args)...);
  }

  /// f applied to every input, in order, in chunks (0: about 4 per worker).
  template <class F, class T>
  auto map(F f, const std::vector<T>& inputs, std::size_t chunk = 0) {
    static_assert(detail::plain_function<F>,
                  "concur::process_pool::map needs a plain function (or a captureless lambda): "
                  "a capturing lambda or function object cannot be sent to a worker process");
    using P = decltype(+f);
    using R = typename detail::fn_traits<P>::result;
    using A = std::tuple_element_t<0, typename detail::fn_traits<P>::args>;
    return map_impl<R, A>(reinterpret_cast<void*>(+f), inputs, chunk);
  }

  std::size_t size() const noexcept;
  stats statistics() const;
  /// Pids of the live workers (for tests and monitoring).
  std::vector<int> worker_pids() const;

 private:
  template <class R, class... A, class... Args>
  future<R> submit_impl(R (*fn)(A...), std::tuple<A...>, Args&&... args) {
    static_assert(sizeof...(A) == sizeof...(Args), "concur::process_pool::submit: wrong number of arguments");
    writer w;
    (w.put(static_cast<std::decay_t<A>>(std::forward<Args>(args))), ...);
    auto* s = new detail::future_state<R>();
    enqueue(&detail::call_trampoline<R, A...>, reinterpret_cast<void*>(fn), std::move(w.buffer()),
            std::make_unique<detail::future_sink<R>>(s));
    return future<R>(s);
  }

  template <class R, class A, class T>
  future<std::vector<R>> map_impl(void* fn, const std::vector<T>& inputs, std::size_t chunk);

  void enqueue(detail::trampoline_fn tramp, void* fn, std::string payload,
               std::unique_ptr<detail::result_sink> sink);

  std::unique_ptr<detail::process_pool_impl> impl_;
};

template <class R, class A, class T>
future<std::vector<R>> process_pool::map_impl(void* fn, const std::vector<T>& inputs, std::size_t chunk) {
  using AD = std::decay_t<A>;
  struct shared {
    std::atomic<std::size_t> left;
    std::vector<std::optional<R>> out;
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    detail::future_state<std::vector<R>>* s;
    void finish() {
      if (left.fetch_sub(1) != 1) return;
      if (error) s->set_error(error);
      else {
        std::vector<R> rs;
        rs.reserve(out.size());
        for (auto& x : out) rs.push_back(std::move(*x));
        s->set_value(std::move(rs));
      }
      s->release();
    }
  };
  struct chunk_sink final : detail::result_sink {
    std::shared_ptr<shared> sh;
    std::size_t first;
    void ok(reader& r) override {
      try {
        auto rs = r.get<std::vector<R>>();
        for (std::size_t i = 0; i < rs.size(); ++i) sh->out[first + i].emplace(std::move(rs[i]));
      } catch (...) {
        fail(std::current_exception());
        return;
      }
      sh->finish();
    }
    void fail(std::exception_ptr e) override {
      if (!sh->failed.exchange(true)) sh->error = std::move(e);
      sh->finish();
    }
  };
  auto* s = new detail::future_state<std::vector<R>>();
  future<std::vector<R>> fut(s);
  if (inputs.empty()) {
    s->set_value(std::vector<R>{});
    s->release();
    return fut;
  }
  if (chunk == 0) chunk = std::max<std::size_t>(1, inputs.size() / (4 * size()));
  const std::size_t n_chunks = (inputs.size() + chunk - 1) / chunk;
  auto sh = std::make_shared<shared>();
  sh->left = n_chunks;
  sh->out.resize(inputs.size());
  sh->s = s;
  for (std::size_t c = 0; c < n_chunks; ++c) {
    const std::size_t lo = c * chunk, hi = std::min(inputs.size(), lo + chunk);
    std::vector<AD> part(inputs.begin() + lo, inputs.begin() + hi);
    writer w;
    w.put(part);
    auto sink = std::make_unique<chunk_sink>();
    sink->sh = sh;
    sink->first = lo;
    enqueue(&detail::map_trampoline<R, A>, fn, std::move(w.buffer()), std::move(sink));
  }
  return fut;
}

}  // namespace concur

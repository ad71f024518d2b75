// Minimal single-threaded event loop for the labelled coroutine suite.
//
// One thread runs every task: a ready queue, a timer list, and an inbox that
// other threads post finished work to. `co_await lp::sleep_ms(n)` suspends a
// task for n ms; `lp::heartbeat()` wakes every 1 ms and records the longest
// gap between its wake-ups (and the thread CPU time spent in that gap).
// `lp::probe(m)` try_locks a mutex every 1 ms and records a failure: on a
// single thread a failure means another task holds the mutex while suspended.
// `lp::finish()` prints the measurement as one JSON line.
//
// Nothing here blocks inside a coroutine: the loop's idle wait (clock_nanosleep)
// is in Loop::run, an ordinary function that no coroutine calls.
#pragma once

#include <atomic>
#include <coroutine>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <deque>
#include <exception>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <utility>
#include <vector>

namespace lp {

inline double mono_ms() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
inline double thread_cpu_ms() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct Loop {
  struct Timer {
    double at;
    unsigned long seq;
    std::coroutine_handle<> h;
    bool operator>(const Timer& o) const { return at != o.at ? at > o.at : seq > o.seq; }
  };
  std::deque<std::coroutine_handle<>> ready;
  std::priority_queue<Timer, std::vector<Timer>, std::greater<Timer>> timers;
  unsigned long seq = 0;
  std::mutex inbox_mutex;
  std::vector<std::coroutine_handle<>> inbox;
  std::atomic<int> remote{0};  // offloaded operations not yet posted back
  int live = 0;                // spawned tasks not finished (heartbeat included)
  std::vector<std::coroutine_handle<>> owned;

  // Results: every heartbeat gap, and (from the monitor thread) samples of
  // the loop thread's run-queue delay (time runnable but without a core).
  struct Gap {
    double start, end, cpu;
  };
  std::vector<Gap> gaps;
  struct Sample {
    double t, runq;
  };
  std::vector<Sample> samples;
  long wakeups = 0;
  bool contention_seen = false;

  void post(std::coroutine_handle<> h) {  // from any thread
    {
      std::lock_guard<std::mutex> g(inbox_mutex);
      inbox.push_back(h);
    }
    remote.fetch_sub(1);
  }
  void run();
};

inline Loop& loop() {
  static Loop l;
  return l;
}

struct task {
  struct promise_type {
    std::coroutine_handle<> continuation;
    bool spawned = false;
    task get_return_object() {
      return task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct final_awaiter {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> h) noexcept {
        auto& p = h.promise();
        if (p.spawned) --loop().live;
        if (p.continuation) return p.continuation;
        return std::noop_coroutine();
      }
      void await_resume() noexcept {}
    };
    final_awaiter final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  explicit task(std::coroutine_handle<promise_type> c) : h(c) {}
  task(task&& o) noexcept : h(std::exchange(o.h, {})) {}
  task(const task&) = delete;
  ~task() {
    if (h) h.destroy();
  }
  // co_await a task: start it now, resume the awaiting task when it ends.
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> caller) noexcept {
    h.promise().continuation = caller;
    return h;
  }
  void await_resume() const noexcept {}
};

inline void spawn(task t) {
  auto h = std::exchange(t.h, {});
  h.promise().spawned = true;
  ++loop().live;
  loop().owned.push_back(h);
  loop().ready.push_back(h);
}

struct sleep_ms {
  double ms;
  explicit sleep_ms(double n) : ms(n) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    auto& l = loop();
    l.timers.push(Loop::Timer{mono_ms() + ms, l.seq++, h});
  }
  void await_resume() const noexcept {}
};

struct yield_now {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) { loop().ready.push_back(h); }
  void await_resume() const noexcept {}
};

// Runs f on a new thread; the awaiting task resumes on the loop when f returns.
template <class F>
struct run_on_thread {
  F f;
  explicit run_on_thread(F fn) : f(std::move(fn)) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    loop().remote.fetch_add(1);
    std::thread([fn = std::move(f), h]() mutable {
      fn();
      loop().post(h);
    }).detach();
  }
  void await_resume() const noexcept {}
};

inline void Loop::run() {
  for (;;) {
    {
      std::lock_guard<std::mutex> g(inbox_mutex);
      for (auto h : inbox) ready.push_back(h);
      inbox.clear();
    }
    double t = mono_ms();
    while (!timers.empty() && timers.top().at <= t) {
      ready.push_back(timers.top().h);
      timers.pop();
    }
    if (!ready.empty()) {
      auto h = ready.front();
      ready.pop_front();
      h.resume();
      continue;
    }
    if (live == 0 && remote.load() == 0) break;
    double wait = timers.empty() ? 0.2 : timers.top().at - t;
    if (remote.load() > 0 && wait > 0.2) wait = 0.2;
    if (wait > 0) {
      timespec ts{0, static_cast<long>(wait * 1e6)};
      nanosleep(&ts, nullptr);
    }
  }
  for (auto h : owned) h.destroy();
  owned.clear();
}

// Wakes every 1 ms while other tasks are alive; records the longest gap.
inline task heartbeat() {
  auto& l = loop();
  double prev = mono_ms(), prev_cpu = thread_cpu_ms();
  while (l.live > 1 || l.remote.load() > 0) {
    co_await sleep_ms(1);
    double t = mono_ms(), c = thread_cpu_ms();
    ++l.wakeups;
    l.gaps.push_back(Loop::Gap{prev, t, c - prev_cpu});
    prev = t;
    prev_cpu = c;
  }
}

// Second task on the same loop: try_lock the mutex every 1 ms, n times.
template <class M>
task probe(M& m, int n = 40) {
  for (int i = 0; i < n; ++i) {
    co_await sleep_ms(1);
    if (m.try_lock()) {
      m.unlock();
    } else {
      loop().contention_seen = true;
    }
  }
}

// Minimal generator (for co_yield cases): next() resumes until the next value.
template <class T>
struct gen {
  struct promise_type {
    T value{};
    gen get_return_object() {
      return gen{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) {
      value = v;
      return {};
    }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  explicit gen(std::coroutine_handle<promise_type> c) : h(c) {}
  gen(gen&& o) noexcept : h(std::exchange(o.h, {})) {}
  ~gen() {
    if (h) h.destroy();
  }
  bool next() {
    h.resume();
    return !h.done();
  }
  T value() const { return h.promise().value; }
};

// Monitor (an ordinary thread, not part of the loop): samples the loop
// thread's run-queue delay from /proc every 0.5 ms, so a gap caused by other
// programs taking the core can be told from a gap the loop thread caused.
inline double read_runq_ms(int fd) {
  char buf[128];
  ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return 0;
  buf[n] = 0;
  char* p = buf;
  std::strtoull(p, &p, 10);                      // time on cpu (ns)
  return std::strtoull(p, &p, 10) / 1e6;         // time waiting on a runqueue (ns)
}

inline void monitor(long tid, std::atomic<bool>* stop, std::vector<Loop::Sample>* out) {
  char path[64];
  std::snprintf(path, sizeof path, "/proc/self/task/%ld/schedstat", tid);
  int fd = open(path, O_RDONLY);
  if (fd < 0) return;
  while (!stop->load()) {
    out->push_back(Loop::Sample{mono_ms(), read_runq_ms(fd)});
    timespec ts{0, 500000};
    nanosleep(&ts, nullptr);
  }
  out->push_back(Loop::Sample{mono_ms(), read_runq_ms(fd)});
  close(fd);
}

inline double runq_at(const std::vector<Loop::Sample>& s, double t) {
  if (s.empty()) return 0;
  if (t <= s.front().t) return s.front().runq;
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i].t >= t) {
      double f = (t - s[i - 1].t) / (s[i].t - s[i - 1].t);
      return s[i - 1].runq + f * (s[i].runq - s[i - 1].runq);
    }
  }
  return s.back().runq;
}

// Starts the heartbeat, then the given tasks, runs the loop, prints the result:
// the longest heartbeat gap minus the loop thread's run-queue delay in it
// (the gap an idle machine would show), the raw gap, and the CPU time in it.
template <class... Tasks>
void measure(Tasks&&... tasks) {
  auto& l = loop();
  l.gaps.reserve(1 << 16);
  l.samples.reserve(1 << 16);
  std::atomic<bool> stop{false};
  std::thread mon(monitor, static_cast<long>(syscall(SYS_gettid)), &stop, &l.samples);
  spawn(heartbeat());
  (spawn(std::move(tasks)), ...);
  l.run();
  stop = true;
  mon.join();
  double best = 0, raw = 0, cpu = 0, runq = 0, raw_max = 0;
  for (auto& g : l.gaps) {
    double rq = runq_at(l.samples, g.end) - runq_at(l.samples, g.start);
    double corrected = (g.end - g.start) - rq;
    if (g.end - g.start > raw_max) raw_max = g.end - g.start;
    if (corrected > best) {
      best = corrected;
      raw = g.end - g.start;
      cpu = g.cpu;
      runq = rq;
    }
  }
  std::printf("{\"max_stall_ms\": %.3f, \"raw_gap_ms\": %.3f, \"runq_ms\": %.3f, \"cpu_ms\": %.3f, "
              "\"raw_max_gap_ms\": %.3f, \"contention_seen\": %s, \"wakeups\": %ld}\n",
              best, raw, runq, cpu, raw_max, l.contention_seen ? "true" : "false", l.wakeups);
  std::fflush(stdout);
}

}  // namespace lp

// Side-by-side runtime benchmarks: concur vs oneTBB, Asio, a naive pool and
// raw fork+socketpair. Prints "bench impl value unit" lines; run.sh repeats
// the whole program 5 times (interleaving the implementations) and reports
// median ratios. Usage: bench_runtime [quick]
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <concur/concur.hpp>
#include <oneapi/tbb/parallel_reduce.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "echo.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <cstring>
#include <functional>
#include <future>
#include <mutex>
#include <numeric>
#include <set>
#include <string>
#include <thread>
#include <vector>

using clk = std::chrono::steady_clock;
static double secs(clk::time_point a) { return std::chrono::duration<double>(clk::now() - a).count(); }
static void report(const char* bench, const char* impl, double v, const char* unit) {
  std::printf("%s %s %.6g %s\n", bench, impl, v, unit);
  std::fflush(stdout);
}
static const unsigned P = std::max(2u, std::thread::hardware_concurrency());

// A 40-line mutex + condition-variable pool (what people write first).
class naive_pool {
 public:
  explicit naive_pool(unsigned n) {
    for (unsigned i = 0; i < n; ++i) ts_.emplace_back([this] { loop(); });
  }
  ~naive_pool() {
    {
      std::lock_guard lk(m_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : ts_) t.join();
  }
  void post(std::function<void()> f) {
    {
      std::lock_guard lk(m_);
      q_.push_back(std::move(f));
      ++pending_;
    }
    cv_.notify_one();
  }
  void wait_idle() {
    std::unique_lock lk(m_);
    idle_.wait(lk, [&] { return pending_ == 0; });
  }

 private:
  void loop() {
    std::unique_lock lk(m_);
    for (;;) {
      cv_.wait(lk, [&] { return stop_ || !q_.empty(); });
      if (q_.empty()) return;
      auto f = std::move(q_.front());
      q_.pop_front();
      lk.unlock();
      f();
      lk.lock();
      if (--pending_ == 0) idle_.notify_all();
    }
  }
  std::mutex m_;
  std::condition_variable cv_, idle_;
  std::deque<std::function<void()>> q_;
  std::vector<std::thread> ts_;
  std::size_t pending_ = 0;
  bool stop_ = false;
};

static std::atomic<long> sink{0};

static void empty_tasks(int n) {
  {
    concur::thread_pool pool(P);
    auto t = clk::now();
    for (int i = 0; i < n; ++i) pool.execute([] { sink.fetch_add(1, std::memory_order_relaxed); });
    pool.wait_idle();
    report("empty_tasks_1e6", "concur", secs(t), "s");
  }
  {
    tbb::task_arena arena(P);
    arena.execute([&] {
      tbb::task_group g;
      auto t = clk::now();
      for (int i = 0; i < n; ++i) g.run([] { sink.fetch_add(1, std::memory_order_relaxed); });
      g.wait();
      report("empty_tasks_1e6", "tbb", secs(t), "s");
    });
  }
  {
    naive_pool pool(P);
    auto t = clk::now();
    for (int i = 0; i < n; ++i) pool.post([] { sink.fetch_add(1, std::memory_order_relaxed); });
    pool.wait_idle();
    report("empty_tasks_1e6", "naive", secs(t), "s");
  }
}

static void fan_concur(concur::thread_pool& pool, int d) {
  if (d == 0) return (void)sink.fetch_add(1, std::memory_order_relaxed);
  auto f = pool.submit(fan_concur, std::ref(pool), d - 1);
  fan_concur(pool, d - 1);
  f.get();
}
static void fan_tbb(int d) {
  if (d == 0) return (void)sink.fetch_add(1, std::memory_order_relaxed);
  tbb::task_group g;
  g.run([d] { fan_tbb(d - 1); });
  fan_tbb(d - 1);
  g.wait();
}
static void nested_fanout(int depth) {
  {
    concur::thread_pool pool(P);
    auto t = clk::now();
    pool.submit(fan_concur, std::ref(pool), depth).get();
    report("nested_fanout_2^21", "concur", secs(t), "s");
  }
  {
    tbb::task_arena arena(P);
    arena.execute([&] {
      auto t = clk::now();
      fan_tbb(depth);
      report("nested_fanout_2^21", "tbb", secs(t), "s");
    });
  }
}

static double work(long i) { return static_cast<double>(i % 7) * 0.5; }
static void parallel_reduce(long n) {
  {
    concur::thread_pool pool(P);
    std::vector<double> part(P * 8, 0.0);
    auto t = clk::now();
    const long chunk = n / static_cast<long>(part.size());
    concur::parallel_for(pool, std::size_t{0}, part.size(), [&](std::size_t c) {
      double s = 0;
      for (long i = static_cast<long>(c) * chunk; i < static_cast<long>(c + 1) * chunk; ++i) s += work(i);
      part[c] = s;
    }, 1);
    double s = std::accumulate(part.begin(), part.end(), 0.0);
    report("parallel_reduce_1e8", "concur", secs(t), "s");
    sink += static_cast<long>(s);
  }
  {
    auto t = clk::now();
    std::vector<double> part(P, 0.0);
    std::vector<std::thread> ts;
    for (unsigned k = 0; k < P; ++k)
      ts.emplace_back([&, k] {
        double s = 0;
        for (long i = n / P * k; i < n / static_cast<long>(P) * (k + 1); ++i) s += work(i);
        part[k] = s;
      });
    for (auto& th : ts) th.join();
    report("parallel_reduce_1e8", "std_thread", secs(t), "s");
    sink += static_cast<long>(std::accumulate(part.begin(), part.end(), 0.0));
  }
  {
    tbb::task_arena arena(P);
    arena.execute([&] {
      auto t = clk::now();
      double s = tbb::parallel_reduce(
          tbb::blocked_range<long>(0, n), 0.0,
          [](const tbb::blocked_range<long>& r, double acc) {
            for (long i = r.begin(); i < r.end(); ++i) acc += work(i);
            return acc;
          },
          std::plus<>());
      report("parallel_reduce_1e8", "tbb", secs(t), "s");
      sink += static_cast<long>(s);
    });
  }
}

static void fine_chunks(long chunks) {
  std::vector<double> out(chunks);
  {
    concur::thread_pool pool(P);
    auto t = clk::now();
    concur::parallel_for(pool, 0L, chunks, [&](long c) {
      double s = 0;
      for (long i = 0; i < 1000; ++i) s += work(c * 1000 + i);
      out[c] = s;
    }, 1);
    report("chunks_1e5_x_1000", "concur", secs(t), "s");
  }
  {
    tbb::task_arena arena(P);
    arena.execute([&] {
      auto t = clk::now();
      tbb::parallel_for(tbb::blocked_range<long>(0, chunks, 1), [&](const tbb::blocked_range<long>& r) {
        for (long c = r.begin(); c < r.end(); ++c) {
          double s = 0;
          for (long i = 0; i < 1000; ++i) s += work(c * 1000 + i);
          out[c] = s;
        }
      }, tbb::simple_partitioner());
      report("chunks_1e5_x_1000", "tbb", secs(t), "s");
    });
  }
}

static double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
static double p99(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() * 99 / 100];
}
static void round_trip(int n) {
  std::vector<double> lat;
  {
    concur::thread_pool pool(P);
    for (int i = 0; i < n; ++i) {
      auto t = clk::now();
      pool.submit([] { return 1; }).get();
      lat.push_back(secs(t) * 1e6);
    }
    report("roundtrip_median", "concur", median(lat), "us");
    report("roundtrip_p99", "concur", p99(lat), "us");
  }
  lat.clear();
  {
    tbb::task_arena arena(P);
    for (int i = 0; i < n; ++i) {
      auto t = clk::now();
      std::promise<int> p;
      auto f = p.get_future();
      arena.enqueue([&p] { p.set_value(1); });
      f.get();
      lat.push_back(secs(t) * 1e6);
    }
    report("roundtrip_median", "tbb", median(lat), "us");
    report("roundtrip_p99", "tbb", p99(lat), "us");
  }
  lat.clear();
  {
    asio::thread_pool tp(P);
    for (int i = 0; i < n; ++i) {
      auto t = clk::now();
      auto f = asio::post(tp, asio::use_future([] { return 1; }));
      f.get();
      lat.push_back(secs(t) * 1e6);
    }
    report("roundtrip_median", "asio", median(lat), "us");
    report("roundtrip_p99", "asio", p99(lat), "us");
  }
}

static concur::task<void> concur_timer(int i, int& done) {
  co_await concur::sleep_for(std::chrono::microseconds(1000 + i % 1000));
  ++done;
}
static asio::awaitable<void> asio_timer(int i, int& done) {
  asio::steady_timer t(co_await asio::this_coro::executor, std::chrono::microseconds(1000 + i % 1000));
  co_await t.async_wait(asio::use_awaitable);
  ++done;
}
static void timers(int n) {
  {
    int done = 0;
    auto t = clk::now();
    concur::run([](int cnt, int& d) -> concur::task<void> {
      for (int i = 0; i < cnt; ++i) concur::spawn(concur_timer(i, d));
      while (d < cnt) co_await concur::sleep_for(std::chrono::microseconds(200));
    }(n, done));
    report("timers_1e5", "concur", secs(t), "s");
  }
  {
    int done = 0;
    asio::io_context io(1);
    auto t = clk::now();
    for (int i = 0; i < n; ++i) asio::co_spawn(io, asio_timer(i, done), asio::detached);
    io.run();
    report("timers_1e5", "asio", secs(t), "s");
  }
}

static void loop_pool_loop(int n) {
  {
    auto t = clk::now();
    concur::run([](int cnt) -> concur::task<void> {
      for (int i = 0; i < cnt; ++i) sink += co_await concur::to_thread([] { return 1; });
    }(n));
    report("loop_pool_loop", "concur", secs(t) / n * 1e6, "us");
  }
  {
    asio::io_context io(1);
    asio::thread_pool tp(1);
    auto t = clk::now();
    asio::co_spawn(io, [&]() -> asio::awaitable<void> {
      for (int i = 0; i < n; ++i) {
        co_await asio::post(tp, asio::use_awaitable);                 // hop to the pool
        sink += 1;
        co_await asio::post(io.get_executor(), asio::use_awaitable);  // and back
      }
    }, asio::detached);
    io.run();
    report("loop_pool_loop", "asio", secs(t) / n * 1e6, "us");
  }
}

static void idle_cpu() {
  concur::thread_pool pool(P);
  for (int i = 0; i < 100000; ++i) pool.execute([] { sink++; });
  pool.wait_idle();
  rusage a{}, b{};
  getrusage(RUSAGE_SELF, &a);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  getrusage(RUSAGE_SELF, &b);
  auto us = [](const rusage& r) { return r.ru_utime.tv_sec * 1e6 + r.ru_utime.tv_usec + r.ru_stime.tv_sec * 1e6 + r.ru_stime.tv_usec; };
  report("idle_cpu_after_burst", "concur", (us(b) - us(a)) / 500000.0 * 100.0, "%core");
}


// ---- TCP echo: 64-byte request/response over 127.0.0.1 ----
// The server (concur / Asio / plain epoll, from echo.hpp) runs on its own
// thread; the client load generator is a plain epoll loop on this one, with a
// fixed request count per connection (closed loop: one outstanding request
// per connection) and a time bound. Reports completed requests per second.
static double echo_rps(std::uint16_t port, int conns, int per_conn, double limit) {
  auto r = echo::client(port, conns, per_conn, limit);
  return static_cast<double>(r.done) / r.seconds;
}
static void tcp_echo(bool quick) {
  const double limit = quick ? 1.0 : 3.0;
  for (int conns : {1, 16, 128}) {
    const int total = quick ? 20000 : 200000;
    const int per_conn = std::max(50, total / conns);
    char name[64];
    std::snprintf(name, sizeof name, "tcp_echo_64B_c%d", conns);
    {
      auto l = concur::net::tcp_listener::bind("127.0.0.1", 0);
      const std::uint16_t port = l.local_endpoint().port();
      std::thread srv([&] {
        concur::event_loop loop;
        loop.spawn(echo::concur_server(std::move(l), conns));
        loop.run();
      });
      double rps = echo_rps(port, conns, per_conn, limit);
      srv.join();
      report(name, "concur", rps, "req/s");
    }
    {
      asio::io_context io(1);
      asio::ip::tcp::acceptor acc(io, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
      std::uint16_t port = acc.local_endpoint().port();
      asio::co_spawn(io, echo::asio_server(acc, conns), asio::detached);
      std::thread srv([&] { io.run(); });
      double rps = echo_rps(port, conns, per_conn, limit);
      srv.join();
      report(name, "asio", rps, "req/s");
    }
    {
      std::promise<std::uint16_t> port;
      auto fut = port.get_future();
      std::thread srv([&] { echo::epoll_server(conns, &port); });
      double rps = echo_rps(fut.get(), conns, per_conn, limit);
      srv.join();
      report(name, "epoll", rps, "req/s");
    }
  }
}

int main(int argc, char** argv) {
  // Usage: bench_runtime [quick] [section...]; sections: empty fanout reduce
  // chunks roundtrip timers looppool idle tcp (default: all). The process pool
  // is measured by bench_process_pool.
  bool quick = false;
  std::set<std::string> only;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "quick") quick = true;
    else only.insert(argv[i]);
  }
  auto on = [&](const char* s) { return only.empty() || only.count(s) != 0; };
  if (on("empty")) empty_tasks(quick ? 100000 : 1000000);
  if (on("fanout")) nested_fanout(quick ? 16 : 21);
  if (on("reduce")) parallel_reduce(quick ? 10000000L : 100000000L);
  if (on("chunks")) fine_chunks(100000);
  if (on("roundtrip")) round_trip(quick ? 1000 : 5000);
  if (on("timers")) timers(100000);
  if (on("looppool")) loop_pool_loop(quick ? 2000 : 20000);
  if (on("tcp")) tcp_echo(quick);
  if (on("idle")) idle_cpu();
  return sink.load() == -1;
}

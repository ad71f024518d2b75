// Process-pool benchmarks: concur::process_pool against raw fork + socketpair
// (the floor). Python's ProcessPoolExecutor runs in ppe_bench.py in the same
// run.sh round. Prints "bench impl value unit" lines like bench_runtime.
// Usage: bench_process_pool [quick]
#include <concur/process_pool.hpp>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

using clk = std::chrono::steady_clock;
static double secs(clk::time_point a) { return std::chrono::duration<double>(clk::now() - a).count(); }
static void report(const char* bench, const char* impl, double v, const char* unit) {
  std::printf("%s %s %.6g %s\n", bench, impl, v, unit);
  std::fflush(stdout);
}
static double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
static std::atomic<long> sink{0};

static int noop(int x) { return x; }
static int nap(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  return ms;
}

// The floor for one worker: fork a child that echoes ints over a socketpair.
struct raw_worker {
  int sock = -1;
  pid_t pid = -1;
  raw_worker() {
    int sv[2];
    socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv);
    pid = fork();
    if (pid == 0) {
      close(sv[0]);
      int v;
      while (read(sv[1], &v, sizeof v) == sizeof v) (void)!write(sv[1], &v, sizeof v);
      _exit(0);
    }
    close(sv[1]);
    sock = sv[0];
  }
  ~raw_worker() {
    close(sock);
    waitpid(pid, nullptr, 0);
  }
};

// Start-up of 2 workers, tiny-task round trip, throughput of n tasks.
static void basics(int n) {
  {
    auto t = clk::now();
    concur::process_pool pool({.workers = 2});
    report("pp_startup_2_workers", "concur", secs(t) * 1e3, "ms");
    std::vector<double> lat;
    for (int i = 0; i < 2000; ++i) {
      auto t1 = clk::now();
      sink += pool.submit(noop, i).get();
      lat.push_back(secs(t1) * 1e6);
    }
    report("pp_roundtrip", "concur", median(lat), "us");
    auto t2 = clk::now();
    std::vector<concur::future<int>> fs;
    fs.reserve(n);
    for (int i = 0; i < n; ++i) fs.push_back(pool.submit(noop, i));
    for (auto& f : fs) sink += f.get();
    report("pp_throughput_unchunked", "concur", secs(t2) / n * 1e6, "us/task");
    std::vector<int> in(n);
    std::iota(in.begin(), in.end(), 0);
    auto t3 = clk::now();
    sink += pool.map(noop, in).get().back();
    report("pp_throughput_chunked", "concur", secs(t3) / n * 1e6, "us/task");
  }
  auto t = clk::now();
  raw_worker a, b;  // the same 2 workers, each with its socket
  report("pp_startup_2_workers", "fork", secs(t) * 1e3, "ms");
  std::vector<double> lat;
  for (int i = 0; i < 2000; ++i) {
    auto t1 = clk::now();
    (void)!write(a.sock, &i, sizeof i);
    int v;
    (void)!read(a.sock, &v, sizeof v);
    lat.push_back(secs(t1) * 1e6);
  }
  report("pp_roundtrip", "pingpong", median(lat), "us");
  auto t2 = clk::now();
  int inflight = 0, sent = 0, got = 0;
  while (got < n) {
    while (sent < n && inflight < 64) (void)!write(a.sock, &sent, sizeof sent), ++sent, ++inflight;
    int v;
    (void)!read(a.sock, &v, sizeof v);
    ++got, --inflight;
  }
  report("pp_throughput_unchunked", "pipelined", secs(t2) / n * 1e6, "us/task");
  report("pp_throughput_chunked", "pipelined", secs(t2) / n * 1e6, "us/task");
}

// SIGKILL one worker while 4 tasks are pending (2 running, 2 queued): how
// many fail, how soon the failure is seen, how soon a new worker is up, and
// whether the pool still serves. Medians over `rounds`.
static void kill_one_of_four(int rounds) {
  concur::process_pool pool({.workers = 2});
  std::vector<double> found_ms, replaced_ms, failed;
  for (int r = 0; r < rounds; ++r) {
    std::vector<concur::future<int>> fs;
    for (int i = 0; i < 4; ++i) fs.push_back(pool.submit(nap, 30));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // both workers busy
    const auto before = pool.worker_pids();
    const auto t = clk::now();
    ::kill(before.front(), SIGKILL);
    std::atomic<double> first_fail{-1};
    std::atomic<int> n_failed{0};
    std::vector<std::thread> waiters;
    for (auto& f : fs)
      waiters.emplace_back([&, f = std::move(f)]() mutable {
        try {
          sink += f.get();
        } catch (const concur::worker_crashed&) {
          double ms = secs(t) * 1e3, none = -1;
          first_fail.compare_exchange_strong(none, ms);
          ++n_failed;
        }
      });
    for (;;) {  // replaced: two live workers again, the killed one gone
      auto now = pool.worker_pids();
      if (now.size() == 2 && std::find(now.begin(), now.end(), before.front()) == now.end()) break;
      std::this_thread::yield();
    }
    replaced_ms.push_back(secs(t) * 1e3);
    for (auto& w : waiters) w.join();
    found_ms.push_back(first_fail.load());
    failed.push_back(n_failed.load());
    sink += pool.submit(noop, 1).get();  // still serving
  }
  report("pp_kill_1_of_4_failed", "concur", median(failed), "tasks");
  report("pp_kill_found", "concur", median(found_ms), "ms");
  report("pp_kill_replaced", "concur", median(replaced_ms), "ms");
}

// max_tasks_per_child 1 and 10: what recycling costs per recycled worker,
// (time per task with the limit - without it) * limit, against a bare
// fork + _exit + waitpid (the least a new worker can cost).
static void recycle(int n) {
  auto per_task_us = [n](std::size_t limit) {
    concur::process_pool pool({.workers = 2, .max_tasks_per_child = limit});
    auto t = clk::now();
    std::vector<concur::future<int>> fs;
    for (int i = 0; i < n; ++i) fs.push_back(pool.submit(noop, i));
    for (auto& f : fs) sink += f.get();
    return secs(t) / n * 1e6;
  };
  const double base = per_task_us(0);
  report("pp_recycle_limit_1", "concur", per_task_us(1) - base, "us/recycle");
  report("pp_recycle_limit_10", "concur", (per_task_us(10) - base) * 10, "us/recycle");
  auto t = clk::now();
  for (int i = 0; i < n; ++i) {
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    waitpid(pid, nullptr, 0);
  }
  const double fork_us = secs(t) / n * 1e6;
  report("pp_recycle_limit_1", "fork", fork_us, "us/recycle");
  report("pp_recycle_limit_10", "fork", fork_us, "us/recycle");
}

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::string(argv[1]) == "quick";
  basics(quick ? 2000 : 20000);
  kill_one_of_four(quick ? 3 : 15);
  recycle(quick ? 100 : 1000);
  return sink.load() == -1;
}

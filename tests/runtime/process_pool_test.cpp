#include "concur/process_pool.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "concur/event_loop.hpp"

using namespace std::chrono_literals;

namespace {
int square(int x) { return x * x; }
std::string greet(std::string name, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += "hi " + name + ";";
  return s;
}
struct pod {
  int a;
  double b;
};
std::map<std::string, std::vector<int>> mix(std::optional<int> o, std::tuple<int, std::string> t, pod p) {
  return {{std::get<1>(t), {o.value_or(-1), std::get<0>(t), p.a, static_cast<int>(p.b)}}};
}
std::vector<double> scale(std::vector<double> v, double k) {
  for (double& x : v) x *= k;
  return v;
}
int fails(int) { throw std::invalid_argument("bad input"); }
int segv(int) {
  ::raise(SIGSEGV);
  return 0;
}
int aborts(int) { std::abort(); }
int exits(int code) { ::_exit(code); }
int self_kill(int) {
  ::kill(::getpid(), SIGKILL);
  ::pause();
  return 0;
}
int sleepy(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  return ms;
}
int my_pid(int) { return ::getpid(); }
int g_init = 0;
void init_worker() { g_init = 42; }
int read_init(int) { return g_init; }
void no_result(int) {}

#if defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define CONCUR_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define CONCUR_SANITIZED 1
#endif
#ifdef CONCUR_SANITIZED
// The sanitizers catch SIGSEGV themselves and exit with their own code.
constexpr const char* kSegvText = "worker";
#else
constexpr const char* kSegvText = "SIGSEGV";
#endif

bool no_children_left() { return ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD; }
}  // namespace

TEST(ProcessPool, SubmitBuiltInTypes) {
  {
    concur::process_pool pool({.workers = 2});
    EXPECT_EQ(pool.submit(square, 12).get(), 144);
    EXPECT_EQ(pool.submit(greet, std::string("ann"), 2).get(), "hi ann;hi ann;");
    auto m = pool.submit(mix, std::optional<int>(7), std::tuple<int, std::string>(1, "k"), pod{3, 4.5}).get();
    EXPECT_EQ(m.at("k"), (std::vector<int>{7, 1, 3, 4}));
    EXPECT_EQ(pool.submit([](int a, int b) { return a - b; }, 10, 3).get(), 7);  // captureless lambda
    pool.submit(no_result, 1).get();
  }
  EXPECT_TRUE(no_children_left());
}

TEST(ProcessPool, LargePayloadThroughSharedMemory) {
  concur::process_pool pool({.workers = 1});
  std::vector<double> v(1 << 20, 1.5);  // 8 MiB each way, through a memfd
  auto r = pool.submit(scale, v, 2.0).get();
  ASSERT_EQ(r.size(), v.size());
  EXPECT_EQ(r.front(), 3.0);
  EXPECT_EQ(r.back(), 3.0);
}

TEST(ProcessPool, ExceptionsComeBackAsRemoteError) {
  concur::process_pool pool({.workers = 1});
  try {
    pool.submit(fails, 1).get();
    FAIL();
  } catch (const concur::remote_error& e) {
    EXPECT_STREQ(e.what(), "bad input");
  }
  EXPECT_EQ(pool.submit(square, 3).get(), 9);
}

TEST(ProcessPool, MapKeepsOrder) {
  concur::process_pool pool({.workers = 2});
  std::vector<int> in(1000);
  for (int i = 0; i < 1000; ++i) in[i] = i;
  auto out = pool.map(square, in).get();
  ASSERT_EQ(out.size(), 1000u);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(out[i], i * i);
  EXPECT_TRUE(pool.map(square, std::vector<int>{}).get().empty());
}

TEST(ProcessPool, CrashFailsOnlyItsTaskAndNamesTheSignal) {
  concur::process_pool pool({.workers = 2});
  struct crash_case {
    int (*fn)(int);
    const char* text;
  };
  for (auto c : {crash_case{segv, kSegvText}, crash_case{aborts, "SIGABRT"}, crash_case{self_kill, "SIGKILL"},
                 crash_case{exits, "exited with code 3"}}) {
    std::vector<concur::future<int>> others;
    for (int i = 0; i < 4; ++i) others.push_back(pool.submit(sleepy, 5));
    auto bad = pool.submit(c.fn, 3);
    try {
      bad.get();
      ADD_FAILURE() << c.text;
    } catch (const concur::worker_crashed& e) {
      EXPECT_NE(std::string(e.what()).find(c.text), std::string::npos) << e.what();
    }
    for (auto& f : others) EXPECT_EQ(f.get(), 5);
  }
  EXPECT_EQ(pool.statistics().crashed, 4u);
  EXPECT_EQ(pool.submit(square, 5).get(), 25);  // still serving
  EXPECT_EQ(pool.worker_pids().size(), 2u);
}

// Tasks are sent ahead to a worker while it runs another; when it dies, the
// ones it never reached must run elsewhere, once, and not fail with it.
TEST(ProcessPool, TasksQueuedBehindACrashRunOnceElsewhere) {
  concur::process_pool pool({.workers = 1});
  auto bad = pool.submit(self_kill, 0);
  std::vector<concur::future<int>> behind;
  for (int i = 0; i < 4; ++i) behind.push_back(pool.submit(square, i));
  EXPECT_THROW(bad.get(), concur::worker_crashed);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(behind[i].get(), i * i);
  auto st = pool.statistics();
  EXPECT_EQ(st.crashed, 1u);
  EXPECT_EQ(st.completed, 4u);
}

TEST(ProcessPool, TimeoutFailsOnlyTheTaskThatRanTooLong) {
  concur::process_pool pool({.workers = 1, .task_timeout = 200ms});
  auto slow = pool.submit(sleepy, 5000);
  auto quick1 = pool.submit(sleepy, 1);  // queued behind the slow one
  auto quick2 = pool.submit(sleepy, 150);  // its own clock starts when it runs
  EXPECT_THROW(slow.get(), concur::task_timeout);
  EXPECT_EQ(quick1.get(), 1);
  EXPECT_EQ(quick2.get(), 150);
  EXPECT_EQ(pool.statistics().timed_out, 1u);
  // Sent together (the second waits in the socket) they take 240 ms in all:
  // a clock started at sending would kill the second at 200 ms.
  auto first = pool.submit(sleepy, 120);
  auto second = pool.submit(sleepy, 120);
  EXPECT_EQ(first.get(), 120);
  EXPECT_EQ(second.get(), 120);
  EXPECT_EQ(pool.statistics().timed_out, 1u);
}

// When a dead worker cannot be replaced (here: fork fails under
// RLIMIT_NPROC 0 for an unprivileged user), queued tasks fail with a reason
// instead of hanging or killing the program, and the pool serves again once
// a worker can start. Run in a child: it changes the process's user.
TEST(ProcessPool, ReplacementThatCannotStartFailsTasksThenRecovers) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to switch to an unprivileged user";
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    int step = 1;
    {
      concur::process_pool pool({.workers = 1});
      rlimit old{};
      ::getrlimit(RLIMIT_NPROC, &old);
      rlimit none{0, old.rlim_max};
      // Keep 0 as the saved uid, to switch back below.
      if (::setrlimit(RLIMIT_NPROC, &none) != 0 || ::setresuid(65534, 65534, 0) != 0) ::_exit(100);
      try {
        pool.submit(self_kill, 0).get();
        ::_exit(step);
      } catch (const concur::worker_crashed&) {
      }
      step = 2;
      try {
        pool.submit(square, 3).get();
        ::_exit(step);
      } catch (const concur::worker_start_failed& e) {
        if (std::string(e.what()).find("fork") == std::string::npos) ::_exit(step);
      }
      step = 3;
      if (::setresuid(0, 0, 0) != 0) ::_exit(101);
      if (::setrlimit(RLIMIT_NPROC, &old) != 0) ::_exit(102);
      for (int attempt = 0; attempt < 50; ++attempt) {  // the pool retries every 100 ms
        try {
          if (pool.submit(square, 4).get() == 16) ::_exit(0);
        } catch (const concur::worker_start_failed&) {
          std::this_thread::sleep_for(20ms);
        }
      }
    }
    ::_exit(step);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "failed at step " << WEXITSTATUS(status);
}

TEST(ProcessPool, TimeoutKillsAndReplacesTheWorker) {
  concur::process_pool pool({.workers = 1, .task_timeout = 100ms});
  EXPECT_THROW(pool.submit(sleepy, 5000).get(), concur::task_timeout);
  EXPECT_EQ(pool.submit(sleepy, 1).get(), 1);
  EXPECT_EQ(pool.statistics().timed_out, 1u);
}

TEST(ProcessPool, MaxTasksPerChildRecyclesWorkers) {
  for (std::size_t limit : {std::size_t{1}, std::size_t{10}}) {
    concur::process_pool pool({.workers = 2, .max_tasks_per_child = limit});
    std::vector<concur::future<int>> fs;
    for (int i = 0; i < 40; ++i) fs.push_back(pool.submit(my_pid, i));
    std::map<int, int> per_pid;
    for (auto& f : fs) ++per_pid[f.get()];
    for (auto& [pid, n] : per_pid) EXPECT_LE(static_cast<std::size_t>(n), limit);
    EXPECT_GE(per_pid.size(), 40 / limit);
  }
  EXPECT_TRUE(no_children_left());
}

TEST(ProcessPool, InitializerRunsInEachWorker) {
  concur::process_pool pool({.workers = 2, .initializer = init_worker});
  EXPECT_EQ(pool.submit(read_init, 0).get(), 42);
  EXPECT_EQ(g_init, 0);  // not in the parent
}

TEST(ProcessPool, CoAwaitFromACoroutine) {
  concur::process_pool pool({.workers = 1});
  int r = concur::run([](concur::process_pool& p) -> concur::task<int> {
    int a = co_await p.submit(square, 6);
    std::vector<int> in{1, 2};  // GCC 12: no braced temporaries inside co_await
    auto v = co_await p.map(square, in);
    co_return a + v[0] + v[1];
  }(pool));
  EXPECT_EQ(r, 41);
}

TEST(ProcessPool, NoOrphansWhenTheParentDies) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  pid_t mid = ::fork();
  if (mid == 0) {
    ::close(fds[0]);
    concur::process_pool pool({.workers = 2});
    for (int pid : pool.worker_pids()) (void)!::write(fds[1], &pid, sizeof pid);
    ::close(fds[1]);
    ::kill(::getpid(), SIGKILL);  // dies without any cleanup
  }
  ::close(fds[1]);
  std::vector<int> pids;
  int pid;
  while (::read(fds[0], &pid, sizeof pid) == sizeof pid) pids.push_back(pid);
  ::close(fds[0]);
  ::waitpid(mid, nullptr, 0);
  ASSERT_EQ(pids.size(), 2u);
  for (int p : pids) {
    int tries = 0;
    while (::kill(p, 0) == 0 && tries++ < 500) std::this_thread::sleep_for(10ms);
    EXPECT_NE(::kill(p, 0), 0) << "worker " << p << " outlived its parent";
  }
}

#include "concur/profiler.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "concur/event_loop.hpp"
#include "concur/thread_pool.hpp"
#include "concur/to_thread.hpp"

using namespace std::chrono_literals;

// Non-static so that the profiler can name them (dladdr, -rdynamic).
concur::task<void> profiled_blocking_step() {
  co_await concur::yield();
  std::this_thread::sleep_for(15ms);  // blocks the loop: shows as blocked time
}
concur::task<void> profiled_parent() {
  co_await profiled_blocking_step();
  co_await concur::sleep_for(1ms);
}
int profiled_cpu_job(int n) {
  volatile long s = 0;
  for (int i = 0; i < n; ++i) s = s + i;
  return static_cast<int>(s & 1);
}

namespace {
const concur::profiler::entry* find(const std::vector<concur::profiler::entry>& es, const std::string& part) {
  for (const auto& e : es)
    if (e.name.find(part) != std::string::npos) return &e;
  return nullptr;
}
}  // namespace

TEST(Profiler, RecordsCoroutinesAndPoolJobs) {
  concur::profiler::reset();
  concur::profiler::enable();
  concur::run(profiled_parent());
  {
    concur::thread_pool pool(1);
    pool.submit(profiled_cpu_job, 100000).get();
  }
  concur::run([]() -> concur::task<void> { co_await concur::to_thread(profiled_cpu_job, 10); }());
  concur::profiler::disable();
  auto es = concur::profiler::snapshot();
  const auto* step = find(es, "profiled_blocking_step");
  ASSERT_NE(step, nullptr) << concur::profiler::to_json();
  EXPECT_EQ(step->kind, "coroutine");
  EXPECT_EQ(step->calls, 1u);
  EXPECT_GT(step->blocked_ns, 0u);
  EXPECT_GE(step->wall_ns, step->cpu_ns);
  const auto* parent = find(es, "profiled_parent");
  ASSERT_NE(parent, nullptr);
  EXPECT_GE(parent->wall_ns, step->wall_ns);
  const auto* job = find(es, "profiled_cpu_job");
  ASSERT_NE(job, nullptr);
  EXPECT_EQ(job->kind, "thread");
  EXPECT_EQ(job->calls, 2u) << concur::profiler::to_json();
  std::string json = concur::profiler::to_json();
  EXPECT_NE(json.find("\"profiled_cpu_job(int)\""), std::string::npos) << json;
}

TEST(Profiler, ScopeAndReset) {
  concur::profiler::reset();
  concur::profiler::enable();
  { concur::profiler::scope s("manual-region"); }
  concur::profiler::disable();
  { concur::profiler::scope s("not-recorded"); }
  auto es = concur::profiler::snapshot();
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].name, "manual-region");
  concur::profiler::reset();
  EXPECT_TRUE(concur::profiler::snapshot().empty());
}

// A function run both as a pool job and as a process task is one JSON key
// (duplicate keys are invalid for most readers): counts summed, kinds joined.
TEST(Profiler, OneJsonKeyPerFunctionWhateverItsKinds) {
  concur::profiler::reset();
  concur::profiler::enable();
  concur::profiler::record("work(int)", "thread", 100, 60, 40);
  concur::profiler::record("work(int)", "process", 1000, 900, 100);
  concur::profiler::disable();
  const std::string json = concur::profiler::to_json();
  concur::profiler::reset();
  const auto first = json.find("\"work(int)\"");
  ASSERT_NE(first, std::string::npos) << json;
  EXPECT_EQ(json.find("\"work(int)\"", first + 1), std::string::npos) << json;
  EXPECT_NE(json.find("\"work(int)\":{\"kind\":\"process+thread\",\"calls\":2,\"wall_ns\":1100,"
                      "\"cpu_ns\":960,\"blocked_ns\":140}"),
            std::string::npos)
      << json;
}

TEST(Profiler, ChildWritesJson) {
  if (std::getenv("CONCUR_PROFILE")) {  // the child run of EnvVarWritesAtExit
    concur::run(profiled_parent());
    return;
  }
  GTEST_SKIP() << "runs only as the child of EnvVarWritesAtExit";
}

TEST(Profiler, EnvVarWritesAtExit) {
  if (std::getenv("CONCUR_PROFILE")) GTEST_SKIP();
  std::string path = "/tmp/concur-profile-" + std::to_string(::getpid()) + ".json";
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setenv("CONCUR_PROFILE", path.c_str(), 1);
    ::execl("/proc/self/exe", "rt_profiler", "--gtest_filter=Profiler.ChildWritesJson", nullptr);
    ::_exit(127);
  }
  int st = 0;
  ::waitpid(pid, &st, 0);
  ASSERT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  ::unlink(path.c_str());
  EXPECT_NE(ss.str().find("profiled_blocking_step"), std::string::npos) << ss.str();
  EXPECT_NE(ss.str().find("\"version\":1"), std::string::npos);
}

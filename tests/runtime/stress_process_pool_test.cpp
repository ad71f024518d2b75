// Workers killed at random while tasks run: every task completes or fails
// with a reason, none is lost, none runs twice, no zombie remains.
#include "concur/process_pool.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include <atomic>
#include <random>
#include <thread>

namespace {
constexpr int kTasks = 1500;
std::atomic<int>* g_runs = nullptr;  // shared with the workers (MAP_SHARED)

int tracked(int i) {
  g_runs[i].fetch_add(1);
  for (volatile int k = 0; k < 20000; k = k + 1) {
  }
  return i;
}
}  // namespace

TEST(ProcessPoolStress, RandomKillsExactAccounting) {
  void* mem = ::mmap(nullptr, sizeof(std::atomic<int>) * kTasks, PROT_READ | PROT_WRITE,
                     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  ASSERT_NE(mem, MAP_FAILED);
  g_runs = static_cast<std::atomic<int>*>(mem);
  int ok = 0, crashed = 0;
  {
    concur::process_pool pool({.workers = 2});
    std::vector<concur::future<int>> fs;
    for (int i = 0; i < kTasks; ++i) fs.push_back(pool.submit(tracked, i));
    std::atomic<bool> stop{false};
    std::thread killer([&] {
      std::mt19937 rng(12345);
      while (!stop.load()) {
        auto pids = pool.worker_pids();
        if (!pids.empty()) ::kill(pids[rng() % pids.size()], SIGKILL);
        std::this_thread::sleep_for(std::chrono::milliseconds(2 + rng() % 5));
      }
    });
    for (int i = 0; i < kTasks; ++i) {
      try {
        EXPECT_EQ(fs[i].get(), i);
        ++ok;
        EXPECT_EQ(g_runs[i].load(), 1) << i;
      } catch (const concur::worker_crashed& e) {
        ++crashed;
        EXPECT_LE(g_runs[i].load(), 1) << i;
        EXPECT_NE(std::string(e.what()).find("SIGKILL"), std::string::npos);
      }
    }
    stop = true;
    killer.join();
    auto st = pool.statistics();
    EXPECT_EQ(static_cast<int>(st.crashed), crashed);
    EXPECT_EQ(static_cast<int>(st.completed), ok);
  }
  EXPECT_EQ(ok + crashed, kTasks);
  EXPECT_GT(ok, 0);
  EXPECT_EQ(::waitpid(-1, nullptr, WNOHANG), -1);  // no zombie, no child left
  ::munmap(mem, sizeof(std::atomic<int>) * kTasks);
}

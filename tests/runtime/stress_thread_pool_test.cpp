// Stress with exact accounting: every job runs exactly once.
#include "concur/thread_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

TEST(ThreadPoolStress, MillionTinyJobsFromOutside) {
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
  constexpr int kJobs = 200000;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
  constexpr int kJobs = 200000;
#else
  constexpr int kJobs = 1000000;
#endif
#else
  constexpr int kJobs = 1000000;
#endif
  concur::thread_pool pool(2);
  std::vector<std::atomic<unsigned char>> ran(kJobs);
  std::thread a([&] {
    for (int i = 0; i < kJobs / 2; ++i) pool.execute([&ran, i] { ran[i].fetch_add(1); });
  });
  std::thread b([&] {
    for (int i = kJobs / 2; i < kJobs; ++i) pool.execute([&ran, i] { ran[i].fetch_add(1); });
  });
  a.join();
  b.join();
  pool.wait_idle();
  for (int i = 0; i < kJobs; ++i) ASSERT_EQ(ran[i].load(), 1) << i;
}

TEST(ThreadPoolStress, NestedFanOutWithFutures) {
  concur::thread_pool pool(2);
  std::atomic<long> leaves{0};
  std::function<void(int)> fan = [&](int depth) {
    if (depth == 0) {
      leaves.fetch_add(1);
      return;
    }
    auto l = pool.submit(fan, depth - 1);
    auto r = pool.submit(fan, depth - 1);
    l.get();
    r.get();
  };
  pool.submit(fan, 14).get();
  EXPECT_EQ(leaves.load(), 1 << 14);
}

TEST(ThreadPoolStress, FuturesAwaitedFromManyThreads) {
  concur::thread_pool pool(2);
  std::atomic<long> sum{0};
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; ++t)
    ts.emplace_back([&] {
      for (int i = 0; i < 5000; ++i) sum.fetch_add(pool.submit([i] { return i; }).get());
    });
  for (auto& t : ts) t.join();
  EXPECT_EQ(sum.load(), 4L * (4999L * 5000 / 2));
}

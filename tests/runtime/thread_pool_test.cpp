#include "concur/thread_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <vector>

#include "concur/event_loop.hpp"

using namespace std::chrono_literals;

namespace {
int square(int x) { return x * x; }
}

TEST(ThreadPool, SubmitReturnsFutures) {
  concur::thread_pool pool(2);
  auto a = pool.submit(square, 7);
  auto b = pool.submit([](int x, int y) { return x + y; }, 1, 2);
  auto c = pool.submit([] {});
  EXPECT_EQ(a.get(), 49);
  EXPECT_EQ(b.get(), 3);
  c.get();
  EXPECT_FALSE(a.valid());
}

TEST(ThreadPool, ExceptionsReachTheFuture) {
  concur::thread_pool pool(2);
  auto f = pool.submit([]() -> int { throw std::runtime_error("bad"); });
  EXPECT_THROW(f.get(), std::runtime_error);
}

TEST(ThreadPool, MoveOnlyArgumentsAndResults) {
  concur::thread_pool pool(1);
  auto f = pool.submit([](std::unique_ptr<int> p) { return std::make_unique<int>(*p + 1); },
                       std::make_unique<int>(1));
  EXPECT_EQ(*f.get(), 2);
}

TEST(ThreadPool, SubmitBulk) {
  concur::thread_pool pool(2);
  std::vector<std::function<int()>> fns;
  for (int i = 0; i < 100; ++i) fns.push_back([i] { return i; });
  auto futs = pool.submit_bulk(fns);
  int sum = 0;
  for (auto& f : futs) sum += f.get();
  EXPECT_EQ(sum, 4950);
}

TEST(ThreadPool, NestedSubmitAndWaitDoesNotDeadlock) {
  concur::thread_pool pool(1);  // one worker: waiting must run other jobs
  std::function<long(int)> fib = [&](int n) -> long {
    if (n < 2) return n;
    auto a = pool.submit(fib, n - 1);
    long b = fib(n - 2);
    return a.get() + b;
  };
  EXPECT_EQ(pool.submit(fib, 18).get(), 2584);
}

TEST(ThreadPool, WaitIdleDoesNotShutDown) {
  concur::thread_pool pool(2);
  std::atomic<int> n{0};
  for (int i = 0; i < 1000; ++i) pool.execute([&] { n.fetch_add(1); });
  pool.wait_idle();
  EXPECT_EQ(n.load(), 1000);
  auto f = pool.submit([] { return 1; });
  EXPECT_EQ(f.get(), 1);
}

TEST(ThreadPool, DestructorDrains) {
  std::atomic<int> n{0};
  {
    concur::thread_pool pool(2);
    for (int i = 0; i < 500; ++i) pool.execute([&] {
        std::this_thread::yield();
        n.fetch_add(1);
      });
  }
  EXPECT_EQ(n.load(), 500);
}

TEST(ThreadPool, ShutdownCancelFailsPendingFutures) {
  concur::thread_pool pool(1);
  std::atomic<bool> release{false}, started{false};
  auto blocker = pool.submit([&] {
    started = true;
    while (!release.load()) std::this_thread::sleep_for(1ms);
  });
  while (!started.load()) std::this_thread::sleep_for(1ms);
  std::vector<concur::future<int>> rest;
  for (int i = 0; i < 10; ++i) rest.push_back(pool.submit([i] { return i; }));
  pool.shutdown(concur::thread_pool::shutdown_mode::cancel);
  release = true;
  blocker.get();
  int ok = 0, closed = 0;
  for (auto& f : rest) {
    try {
      f.get();
      ++ok;
    } catch (const concur::pool_closed&) {
      ++closed;
    }
  }
  EXPECT_EQ(ok + closed, 10);
  EXPECT_THROW((void)pool.submit([] {}), concur::pool_closed);
}

TEST(ThreadPool, CoAwaitSuspendsTheCoroutine) {
  concur::thread_pool pool(2);
  int ticks = 0;
  int r = concur::run([&]() -> concur::task<int> {
    concur::spawn([](int& t) -> concur::task<void> {
      for (int i = 0; i < 3; ++i) {
        co_await concur::sleep_for(1ms);
        ++t;
      }
    }(ticks));
    int v = co_await pool.submit([] {
      std::this_thread::sleep_for(20ms);
      return 5;
    });
    co_return v;
  }());
  EXPECT_EQ(r, 5);
  EXPECT_EQ(ticks, 3);
}

TEST(ParallelFor, CoversEveryIndexOnce) {
  concur::thread_pool pool(2);
  std::vector<std::atomic<int>> hits(10007);
  concur::parallel_for(pool, 0, 10007, [&](int i) { hits[i].fetch_add(1); });
  for (auto& h : hits) ASSERT_EQ(h.load(), 1);
}

TEST(ParallelFor, RangeOverloadAndGrain) {
  concur::thread_pool pool(2);
  std::vector<int> v(5000);
  std::iota(v.begin(), v.end(), 0);
  concur::parallel_for(pool, v, [](int& x) { x *= 2; }, 7);
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(v[i], 2 * i);
  concur::parallel_for(pool, 5, 5, [](int) { FAIL(); });
}

TEST(ParallelFor, RethrowsAndFinishes) {
  concur::thread_pool pool(2);
  EXPECT_THROW(concur::parallel_for(pool, 0, 1000, [](int i) {
                 if (i == 500) throw std::out_of_range("i");
               }),
               std::out_of_range);
}

TEST(ParallelFor, NestedInsideAJob) {
  concur::thread_pool pool(2);
  auto f = pool.submit([&] {
    std::atomic<long> s{0};
    concur::parallel_for(pool, 0, 1000, [&](int i) { s.fetch_add(i); });
    return s.load();
  });
  EXPECT_EQ(f.get(), 499500);
}

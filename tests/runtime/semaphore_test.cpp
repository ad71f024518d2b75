#include "concur/semaphore.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "concur/event_loop.hpp"
#include "concur/gather.hpp"

using namespace std::chrono_literals;

namespace {
concur::task<void> worker(concur::semaphore& s, int& active, int& peak) {
  auto permit = co_await s.lock();
  ++active;
  peak = std::max(peak, active);
  co_await concur::sleep_for(1ms);
  --active;
}
}  // namespace

TEST(Semaphore, BoundsConcurrency) {
  int active = 0, peak = 0;
  concur::run([](int& a, int& p) -> concur::task<void> {
    concur::semaphore s(3);
    std::vector<concur::task<void>> ts;
    for (int i = 0; i < 40; ++i) ts.push_back(worker(s, a, p));
    co_await concur::gather(std::move(ts));
    EXPECT_EQ(s.available(), 3);
  }(active, peak));
  EXPECT_EQ(peak, 3);
  EXPECT_EQ(active, 0);
}

TEST(Semaphore, TryAcquireAndRelease) {
  concur::semaphore s(1);
  EXPECT_TRUE(s.try_acquire());
  EXPECT_FALSE(s.try_acquire());
  s.release();
  EXPECT_EQ(s.available(), 1);
}

TEST(Semaphore, WaitingAcquireIsCancellable) {
  bool cancelled = false;
  concur::run([](bool& c) -> concur::task<void> {
    concur::semaphore s(0);
    auto waiter = [](concur::semaphore& sem, bool& cc) -> concur::task<void> {
      try {
        co_await sem.acquire();
      } catch (const concur::operation_cancelled&) {
        cc = true;
      }
    };
    auto timer = []() -> concur::task<void> { co_await concur::sleep_for(5ms); };
    co_await concur::when_any(waiter(s, c), timer());
    EXPECT_EQ(s.available(), 0);
    s.release();
    EXPECT_EQ(s.available(), 1);  // the cancelled waiter took nothing
  }(cancelled));
  EXPECT_TRUE(cancelled);
}

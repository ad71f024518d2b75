#include "concur/to_thread.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "concur/event_loop.hpp"
#include "concur/gather.hpp"
#include "concur/task.hpp"

using namespace std::chrono_literals;

namespace {
// A rendezvous: returns true once `n` callers have arrived, false if they
// did not within the deadline (i.e. the calls were not running side by side).
class rendezvous {
 public:
  explicit rendezvous(int n) : left_(n) {}
  bool arrive_and_wait() {
    std::unique_lock lk(mu_);
    if (--left_ == 0) cv_.notify_all();
    return cv_.wait_for(lk, 10s, [&] { return left_ <= 0; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int left_;
};
}  // namespace

// Blocking calls offloaded together run side by side, on separate threads,
// even right after a call whose thread is still finishing (the pool counts
// that thread as available and must not make the others queue behind it).
TEST(ToThread, ConcurrentBlockingCallsRunSideBySide) {
  constexpr int kCalls = 8;
  const bool all_met = concur::run([]() -> concur::task<bool> {
    co_await concur::to_thread([] {});  // leaves one thread finishing/spinning
    rendezvous r(kCalls);
    std::vector<concur::task<bool>> calls;
    for (int i = 0; i < kCalls; ++i)
      calls.push_back([](rendezvous& rv) -> concur::task<bool> {
        co_return co_await concur::to_thread([&rv] { return rv.arrive_and_wait(); });
      }(r));
    auto met = co_await concur::gather(std::move(calls));
    bool all = true;
    for (bool m : met) all = all && m;
    co_return all;
  }());
  EXPECT_TRUE(all_met);
}

// Back-to-back offloads from one coroutine (the loop -> pool -> loop
// pattern) each complete, in order, with their own result.
TEST(ToThread, BackToBackOffloadsKeepTheirResults) {
  const long sum = concur::run([]() -> concur::task<long> {
    long s = 0;
    for (int i = 0; i < 20000; ++i) s += co_await concur::to_thread([](int k) { return k; }, i);
    co_return s;
  }());
  EXPECT_EQ(sum, 20000L * 19999 / 2);
}

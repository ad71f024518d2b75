#include "concur/gather.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>

#include "concur/event_loop.hpp"

using namespace std::chrono_literals;

namespace {
concur::task<int> after(int v, std::chrono::milliseconds d) {
  co_await concur::sleep_for(d);
  co_return v;
}
concur::task<void> fail_after(std::chrono::milliseconds d) {
  co_await concur::sleep_for(d);
  throw std::runtime_error("child failed");
}
concur::task<void> watch_cancel(std::chrono::milliseconds d, int& cancelled) {
  try {
    co_await concur::sleep_for(d);
  } catch (const concur::operation_cancelled&) {
    ++cancelled;
    throw;
  }
}
}  // namespace

TEST(Gather, RunsConcurrentlyAndKeepsOrder) {
  auto t0 = std::chrono::steady_clock::now();
  auto [a, b, c] = concur::run(concur::gather(after(1, 30ms), after(2, 10ms), after(3, 20ms)));
  EXPECT_EQ(a + b * 10 + c * 100, 321);
  // Concurrent: far less than the 60 ms a sequential run takes (generous bound).
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 1000ms);
}

TEST(Gather, VectorOverloadAndVoid) {
  std::vector<concur::task<int>> ts;
  for (int i = 0; i < 50; ++i) ts.push_back(after(i, std::chrono::milliseconds(i % 5)));
  auto v = concur::run(concur::gather(std::move(ts)));
  ASSERT_EQ(v.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(v[i], i);
  std::vector<concur::task<void>> vs;
  vs.push_back([]() -> concur::task<void> { co_return; }());
  concur::run(concur::when_all(std::move(vs)));
  auto [x] = concur::run(concur::when_all([]() -> concur::task<void> { co_return; }()));
  (void)x;
}

TEST(Gather, FirstErrorCancelsSiblings) {
  int cancelled = 0;
  EXPECT_THROW(concur::run([](int& c) -> concur::task<void> {
                 co_await concur::gather(fail_after(5ms), watch_cancel(10s, c), watch_cancel(10s, c));
               }(cancelled)),
               std::runtime_error);
  EXPECT_EQ(cancelled, 2);
}

TEST(Gather, Empty) {
  auto v = concur::run(concur::gather(std::vector<concur::task<int>>{}));
  EXPECT_TRUE(v.empty());
}

TEST(WhenAny, FirstWinsOthersCancelled) {
  int cancelled = 0;
  auto r = concur::run([](int& c) -> concur::task<concur::when_any_result<int>> {
    std::vector<concur::task<int>> ts;
    ts.push_back(after(1, 50ms));
    ts.push_back(after(2, 5ms));
    ts.push_back([](int& cc) -> concur::task<int> {
      co_await watch_cancel(10s, cc);
      co_return 3;
    }(c));
    co_return co_await concur::when_any(std::move(ts));
  }(cancelled));
  EXPECT_EQ(r.index, 1u);
  EXPECT_EQ(r.value, 2);
  EXPECT_EQ(cancelled, 1);
}

TEST(WhenAny, OuterStopCancelsChildren) {
  std::stop_source src;
  int cancelled = 0;
  std::thread t([&] {
    std::this_thread::sleep_for(10ms);
    src.request_stop();
  });
  auto body = [](int& c) -> concur::task<void> {
    co_await concur::gather(watch_cancel(10s, c), watch_cancel(10s, c));
  }(cancelled);
  body.set_stop_token(src.get_token());
  EXPECT_THROW(concur::run(std::move(body)), concur::operation_cancelled);
  t.join();
  EXPECT_EQ(cancelled, 2);
}

#include "concur/event_loop.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "concur/to_thread.hpp"

using namespace std::chrono_literals;

namespace {
concur::task<void> sleeper(std::vector<int>& order, int id, std::chrono::milliseconds d) {
  co_await concur::sleep_for(d);
  order.push_back(id);
}
concur::task<int> blocking_sum(int n) {
  int v = co_await concur::to_thread([](int k) {
    std::this_thread::sleep_for(5ms);
    return k * 2;
  }, n);
  co_return v;
}
// Coroutine lambdas must not capture: the closure dies before the frame.
concur::task<void> cancellable_sleep(bool& cancelled) {
  try {
    co_await concur::sleep_for(10s);
  } catch (const concur::operation_cancelled&) {
    cancelled = true;
  }
}
}  // namespace

TEST(EventLoop, TimersFireInDeadlineOrder) {
  std::vector<int> order;
  concur::run([&]() -> concur::task<void> {
    concur::spawn(sleeper(order, 3, 30ms));
    concur::spawn(sleeper(order, 1, 10ms));
    concur::spawn(sleeper(order, 2, 20ms));
    co_await concur::sleep_for(60ms);
  }());
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
}

TEST(EventLoop, SleepWaitsAtLeastTheDuration) {
  auto t0 = std::chrono::steady_clock::now();
  concur::run([]() -> concur::task<void> { co_await concur::sleep_for(20ms); }());
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 20ms);
}

TEST(EventLoop, SleepUntilPast) {
  concur::run([]() -> concur::task<void> {
    co_await concur::sleep_until(std::chrono::steady_clock::now() - 1s);
  }());
}

TEST(EventLoop, ManyTimersAllFire) {
  int fired = 0;
  concur::run([&]() -> concur::task<void> {
    for (int i = 0; i < 10000; ++i)
      concur::spawn([](int& f, int k) -> concur::task<void> {
        co_await concur::sleep_for(std::chrono::microseconds(k % 997));
        ++f;
      }(fired, i));
    while (fired < 10000) co_await concur::sleep_for(1ms);
  }());
  EXPECT_EQ(fired, 10000);
}

TEST(EventLoop, SleepIsCancelledByStopToken) {
  std::stop_source src;
  bool cancelled = false;
  concur::run([&]() -> concur::task<void> {
    auto victim = cancellable_sleep(cancelled);
    victim.set_stop_token(src.get_token());
    concur::spawn(std::move(victim));
    co_await concur::sleep_for(5ms);
    src.request_stop();
    co_await concur::yield();
    co_await concur::yield();
  }());
  EXPECT_TRUE(cancelled);
}

TEST(EventLoop, StopFromAnotherThread) {
  std::stop_source src;
  bool cancelled = false;
  std::thread t([&] {
    std::this_thread::sleep_for(10ms);
    src.request_stop();
  });
  auto body = cancellable_sleep(cancelled);
  body.set_stop_token(src.get_token());
  concur::run(std::move(body));
  t.join();
  EXPECT_TRUE(cancelled);
}

TEST(EventLoop, ToThreadRunsOffTheLoop) {
  EXPECT_EQ(concur::run(blocking_sum(21)), 42);
  auto loop_thread = std::this_thread::get_id();
  auto other = concur::run([]() -> concur::task<std::thread::id> {
    co_return co_await concur::to_thread([] { return std::this_thread::get_id(); });
  }());
  EXPECT_NE(other, loop_thread);
}

TEST(EventLoop, ToThreadPropagatesExceptions) {
  EXPECT_THROW(concur::run([]() -> concur::task<void> {
                 co_await concur::to_thread([] { throw std::runtime_error("x"); });
               }()),
               std::runtime_error);
}

TEST(EventLoop, LoopStaysResponsiveDuringToThread) {
  int ticks = 0;
  concur::run([&]() -> concur::task<void> {
    concur::spawn([](int& t) -> concur::task<void> {
      for (int i = 0; i < 5; ++i) {
        co_await concur::sleep_for(2ms);
        ++t;
      }
    }(ticks));
    co_await concur::to_thread([] { std::this_thread::sleep_for(40ms); });
  }());
  EXPECT_EQ(ticks, 5);
}

TEST(EventLoop, PostFromOtherThreads) {
  concur::event_loop loop;
  int hits = 0;
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&] {
      for (int k = 0; k < 1000; ++k) loop.post([](void* p) { ++*static_cast<int*>(p); }, &hits);
    });
  for (auto& t : ts) t.join();
  loop.run_until_complete([](int& h) -> concur::task<void> {
    while (h < 4000) co_await concur::yield();
  }(hits));
  EXPECT_EQ(hits, 4000);
}

TEST(EventLoop, StallMonitorNamesTheTask) {
  concur::event_loop loop;
  loop.set_stall_threshold(5ms);
  loop.run_until_complete([]() -> concur::task<void> {
    co_await concur::yield();
    std::this_thread::sleep_for(20ms);  // blocks the loop on purpose
  }());
  auto r = loop.stall_report();
  EXPECT_GE(r.stalls, 1u);
  EXPECT_GE(r.longest, 5ms);
  EXPECT_FALSE(r.task.empty());
}

TEST(EventLoop, RunRejectsNesting) {
  EXPECT_THROW(concur::run([]() -> concur::task<void> {
                 concur::run([]() -> concur::task<void> { co_return; }());
                 co_return;
               }()),
               std::logic_error);
}

#include "concur/task.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "concur/event_loop.hpp"

namespace {
concur::task<int> answer() { co_return 42; }
concur::task<int> add(int a, int b) { co_return a + co_await answer() - 42 + b; }
concur::task<void> thrower() {
  throw std::runtime_error("boom");
  co_return;
}
concur::task<std::string> catcher() {
  try {
    co_await thrower();
  } catch (const std::runtime_error& e) {
    co_return std::string("caught ") + e.what();
  }
  co_return "no";
}
concur::task<long> deep(int n) {
  if (n == 0) co_return 0;
  co_return 1 + co_await deep(n - 1);
}
// The leaf parks on the event loop, so the whole chain finishes from a
// resumption by the loop instead of from the task that started it.
concur::task<long> deep_parked(int n) {
  if (n == 0) {
    co_await concur::yield();
    co_return 0;
  }
  co_return 1 + co_await deep_parked(n - 1);
}
concur::task<long> deep_throw(int n) {
  if (n == 0) throw std::runtime_error("bottom");
  co_return 1 + co_await deep_throw(n - 1);
}
concur::task<long> many_awaits(int n) {
  long sum = 0;
  for (int i = 0; i < n; ++i) sum += co_await answer() - 41;
  co_return sum;
}
concur::task<bool> stop_seen() {
  auto st = co_await concur::get_stop_token();
  co_return st.stop_requested();
}
}  // namespace

TEST(Task, IsLazy) {
  bool ran = false;
  auto f = [&]() -> concur::task<void> {
    ran = true;
    co_return;
  };
  auto t = f();
  EXPECT_FALSE(ran);
  EXPECT_FALSE(t.done());
  concur::run(std::move(t));
  EXPECT_TRUE(ran);
}

TEST(Task, ReturnsValues) { EXPECT_EQ(concur::run(add(1, 2)), 3); }

TEST(Task, ExceptionsPropagateThroughCoAwait) {
  EXPECT_EQ(concur::run(catcher()), "caught boom");
  EXPECT_THROW(concur::run(thrower()), std::runtime_error);
}

TEST(Task, DeepChainsUseNoStack) { EXPECT_EQ(concur::run(deep(100000)), 100000); }

TEST(Task, DeepChainsResumedByTheLoopUseNoStack) {
  EXPECT_EQ(concur::run(deep_parked(100000)), 100000);
}

TEST(Task, DeepChainsPropagateExceptionsWithNoStack) {
  EXPECT_THROW(concur::run(deep_throw(100000)), std::runtime_error);
}

TEST(Task, ManySequentialAwaitsUseNoStack) { EXPECT_EQ(concur::run(many_awaits(1000000)), 1000000); }

TEST(Task, StopTokenIsInherited) {
  std::stop_source src;
  src.request_stop();
  auto outer = [](std::stop_token) -> concur::task<bool> { co_return co_await stop_seen(); };
  auto t = outer({});
  t.set_stop_token(src.get_token());
  EXPECT_TRUE(concur::run(std::move(t)));
  EXPECT_FALSE(concur::run(stop_seen()));
}

TEST(Task, MoveOnlyResult) {
  auto f = []() -> concur::task<std::unique_ptr<int>> { co_return std::make_unique<int>(7); };
  EXPECT_EQ(*concur::run(f()), 7);
}

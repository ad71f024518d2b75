#include "concur/channel.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "concur/event_loop.hpp"
#include "concur/gather.hpp"

using namespace std::chrono_literals;

namespace {
concur::task<void> producer(concur::channel<int>& ch, int n) {
  for (int i = 0; i < n; ++i) co_await ch.send(i);
  ch.close();
}
concur::task<long> consumer(concur::channel<int>& ch) {
  long sum = 0;
  while (auto v = co_await ch.receive()) sum += *v;
  co_return sum;
}
}  // namespace

TEST(Channel, BoundedProducerConsumer) {
  auto [p, sum] = concur::run([]() -> concur::task<std::tuple<std::monostate, long>> {
    concur::channel<int> ch(4);
    co_return co_await concur::gather(producer(ch, 10000), consumer(ch));
  }());
  EXPECT_EQ(sum, 10000L * 9999 / 2);
}

TEST(Channel, ManyConsumersEachValueOnce) {
  long total = concur::run([]() -> concur::task<long> {
    concur::channel<int> ch(1);
    auto [p, a, b, c] = co_await concur::gather(producer(ch, 3000), consumer(ch), consumer(ch), consumer(ch));
    co_return a + b + c;
  }());
  EXPECT_EQ(total, 3000L * 2999 / 2);
}

TEST(Channel, SendOnClosedThrows) {
  EXPECT_THROW(concur::run([]() -> concur::task<void> {
                 concur::channel<int> ch;
                 ch.close();
                 co_await ch.send(1);
               }()),
               concur::channel_closed);
}

TEST(Channel, ReceiveIsCancellable) {
  auto idx = concur::run([]() -> concur::task<std::size_t> {
    concur::channel<std::string> ch;
    auto rx = [](concur::channel<std::string>& c) -> concur::task<void> { co_await c.receive(); };
    auto timer = []() -> concur::task<void> { co_await concur::sleep_for(5ms); };
    co_return co_await concur::when_any(rx(ch), timer());
  }());
  EXPECT_EQ(idx, 1u);
}

TEST(Channel, TryOps) {
  concur::channel<int> ch(1);
  int v = 5;
  EXPECT_TRUE(ch.try_send(v));
  EXPECT_FALSE(ch.try_send(v));
  EXPECT_EQ(ch.try_receive(), 5);
  EXPECT_EQ(ch.try_receive(), std::nullopt);
}

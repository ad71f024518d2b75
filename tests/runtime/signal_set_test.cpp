#include "concur/signal_set.hpp"

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>

#include "concur/event_loop.hpp"

using namespace std::chrono_literals;

// This executable starts no other thread, so raise() reaches the signalfd.
TEST(SignalSet, ReceivesRaisedSignals) {
  int got = concur::run([]() -> concur::task<int> {
    concur::signal_set sigs{SIGUSR1, SIGUSR2};
    ::raise(SIGUSR2);
    int a = co_await sigs.wait();
    ::raise(SIGUSR1);
    int b = co_await sigs.wait();
    co_return a * 100 + b;
  }());
  EXPECT_EQ(got, SIGUSR2 * 100 + SIGUSR1);
}

TEST(SignalSet, WaitTimesOut) {
  EXPECT_THROW(concur::run([]() -> concur::task<void> {
                 concur::signal_set sigs{SIGUSR1};
                 co_await sigs.wait(10ms);
               }()),
               concur::timed_out);
}

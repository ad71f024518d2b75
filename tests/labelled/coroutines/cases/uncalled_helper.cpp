#include <chrono>
#include <thread>
#include "../loop.hpp"

static int total;

static int helper(int n) {
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  return n + 1;
}

static int light(int n) { return n * 3; }

lp::task work(int n) {
  for (int i = 0; i < n; ++i) {
    co_await lp::sleep_ms(2);
    total += light(i);
  }
}

int main() {
  total = helper(0);
  lp::measure(work(10));
  return total > 0 ? 0 : 1;
}

#include <chrono>
#include <thread>
#include "../loop.hpp"

static int value;

lp::task run_one(std::thread& t) {
  co_await lp::sleep_ms(1);
  t.join();
  value += 1;
}

int main() {
  std::thread t([] { std::this_thread::sleep_for(std::chrono::milliseconds(60)); });
  lp::measure(run_one(t));
  return value == 1 ? 0 : 1;
}

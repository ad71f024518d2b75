#include <chrono>
#include <thread>
#include "../loop.hpp"

lp::task step() {
  co_await lp::sleep_ms(1);
  auto t = std::chrono::steady_clock::now() + std::chrono::milliseconds(60);
  std::this_thread::sleep_until(t);
}

int main() { lp::measure(step()); }

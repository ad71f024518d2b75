#include <chrono>
#include <thread>
#include "../loop.hpp"

lp::task step() {
  co_await lp::sleep_ms(2);
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  co_await lp::sleep_ms(2);
}

int main() { lp::measure(step()); }

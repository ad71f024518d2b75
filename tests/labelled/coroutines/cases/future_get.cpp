#include <chrono>
#include <future>
#include <thread>
#include "../loop.hpp"

static int result;

lp::task step(std::future<int>& f) {
  co_await lp::sleep_ms(1);
  result = f.get();
}

int main() {
  auto f = std::async(std::launch::async, [] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    return 7;
  });
  lp::measure(step(f));
  return result == 7 ? 0 : 1;
}

#include <unistd.h>
#include <atomic>
#include <thread>
#include "../loop.hpp"

static std::atomic<int> result{0};

lp::task run_one() {
  co_await lp::sleep_ms(1);
  std::thread([] {
    usleep(60000);
    result = 5;
  }).detach();
  while (result.load() == 0) co_await lp::sleep_ms(1);
}

int main() {
  lp::measure(run_one());
  return result == 5 ? 0 : 1;
}

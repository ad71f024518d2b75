#include <atomic>
#include <thread>
#include "../loop.hpp"

static std::atomic<bool> ready{false};
static int payload;
static int result;

lp::task run_one(int spins) {
  co_await lp::sleep_ms(2);
  int tries = 0;
  while (!ready.load(std::memory_order_acquire) && tries < spins) ++tries;
  while (!ready.load(std::memory_order_acquire)) co_await lp::sleep_ms(1);
  result = payload * 2;
  co_await lp::sleep_ms(2);
}

int main() {
  std::thread producer([] {
    payload = 21;
    ready.store(true, std::memory_order_release);
  });
  lp::measure(run_one(4096));
  producer.join();
  return result == 42 ? 0 : 1;
}

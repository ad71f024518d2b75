#include <unistd.h>
#include <atomic>
#include <cstdint>
#include <thread>
#include "../loop.hpp"

static std::atomic<uint64_t> total{0};

lp::task step(int n) {
  for (int i = 1; i <= n; ++i) {
    co_await lp::sleep_ms(1);
    uint64_t cur = total.load(std::memory_order_relaxed);
    uint64_t next;
    do {
      next = cur + static_cast<uint64_t>(i) * 3;
    } while (!total.compare_exchange_weak(cur, next, std::memory_order_acq_rel,
                                          std::memory_order_relaxed));
  }
}

int main() {
  std::thread peer([] {
    for (int i = 0; i < 20; ++i) {
      total.fetch_add(1000);
      usleep(1000);
    }
  });
  lp::measure(step(20));
  peer.join();
  return total.load() == 20 * 1000 + 3 * 210 ? 0 : 1;
}

// Bumps a shared std::atomic counter a few times with a compare_exchange_weak
// retry loop (the count, 8, comes from main).
#include "../measure.hpp"

#include <atomic>
#include <cstdio>

namespace metrics {

std::atomic<long> g_requests{0};

long update(std::atomic<long> &counter, int times, long step) {
  long last = 0;
  for (int i = 0; i < times; ++i) {
    long cur = counter.load(std::memory_order_relaxed);
    while (!counter.compare_exchange_weak(cur, cur + step, std::memory_order_acq_rel,
                                          std::memory_order_relaxed)) {
    }
    last = cur + step;
  }
  return last;
}

} // namespace metrics

int main() {
  long r = 0;
  concur_measure("metrics::update", [&] { r = metrics::update(metrics::g_requests, 8, 3); });
  std::fprintf(stderr, "%ld\n", r);
}

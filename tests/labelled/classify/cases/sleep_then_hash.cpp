// Per item: a timed wait, then a substantial computation.
#include "../measure.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <thread>

static uint64_t crunch(uint64_t seed, long iterations) {
  uint64_t x = seed | 1;
  uint64_t acc = 0;
  for (long i = 0; i < iterations; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    acc += x % 1000003;
  }
  return acc;
}

uint64_t step(int items) {
  uint64_t total = 0;
  for (int i = 0; i < items; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    total += crunch(static_cast<uint64_t>(i) * 2654435761u, 12'000'000);
  }
  return total;
}

int main() {
  uint64_t r = 0;
  concur_measure("step", [&] { r = step(4); });
  std::fprintf(stderr, "%llu\n", static_cast<unsigned long long>(r));
}

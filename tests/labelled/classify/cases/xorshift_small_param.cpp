// An arithmetic loop whose bound is a parameter; main passes a small constant.
#include "../measure.hpp"

#include <cstdint>
#include <cstdio>

uint64_t step(long n) {
  uint64_t x = 88172645463325252ull;
  uint64_t acc = 0;
  for (long i = 0; i < n; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    acc += x % 1000003;
  }
  return acc;
}

int main() {
  uint64_t r = 0;
  concur_measure("step", [&] { r = step(16); });
  std::fprintf(stderr, "%llu\n", static_cast<unsigned long long>(r));
}

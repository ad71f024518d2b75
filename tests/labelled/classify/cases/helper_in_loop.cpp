// A loop that calls a small arithmetic helper many times.
#include "../measure.hpp"

#include <cstdint>
#include <cstdio>

static uint32_t mix(uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return x;
}

uint32_t process(uint32_t count) {
  uint32_t acc = 0;
  for (uint32_t i = 0; i < count; ++i)
    acc += mix(i ^ acc);
  return acc;
}

int main() {
  uint32_t r = 0;
  concur_measure("process", [&] { r = process(80'000'000u); });
  std::fprintf(stderr, "%u\n", r);
}

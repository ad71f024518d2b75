#include <cstdint>

uint64_t mix(uint64_t seed, uint64_t rounds) {
  uint64_t h = seed;
  for (uint64_t i = 0; i < rounds; ++i) h = (h ^ (i & 0xff)) * 1099511628211ull;
  return h;
}

#include <cstdint>

// Sum of Collatz stopping times of 1..upto.
uint64_t total_steps(uint64_t upto) {
  uint64_t total = 0;
  for (uint64_t i = 1; i <= upto; ++i) {
    uint64_t v = i;
    while (v != 1) {
      v = (v & 1) ? 3 * v + 1 : v / 2;
      ++total;
    }
  }
  return total;
}

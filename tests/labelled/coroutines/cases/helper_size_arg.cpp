#include <cstdint>
#include <cstdlib>
#include "../loop.hpp"

static uint32_t count_primes(uint32_t limit) {
  uint32_t count = limit > 2 ? 1 : 0;
  for (uint32_t n = 3; n < limit; n += 2) {
    bool prime = true;
    for (uint32_t d = 3; d * d <= n; d += 2) {
      if (n % d == 0) {
        prime = false;
        break;
      }
    }
    if (prime) ++count;
  }
  return count;
}

static uint32_t out;

lp::task handle(uint32_t limit) {
  co_await lp::sleep_ms(2);
  out = count_primes(limit);
  co_await lp::sleep_ms(2);
}

int main(int argc, char** argv) {
  uint32_t limit = argc > 1 ? static_cast<uint32_t>(std::strtoul(argv[1], nullptr, 10)) : 1500000u;
  lp::measure(handle(limit));
  return out > 0 ? 0 : 1;
}

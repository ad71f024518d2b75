#include <cstdint>
#include "../../loop.hpp"

uint64_t mix(uint64_t seed, uint64_t rounds);

static uint64_t out;

lp::task handle() {
  co_await lp::sleep_ms(2);
  out = mix(7, 120000000ull);
  co_await lp::sleep_ms(2);
}

int main() {
  lp::measure(handle());
  return out == 0 ? 1 : 0;
}

#include <cstdint>
#include "../loop.hpp"

static uint64_t out;

lp::task step() {
  co_await lp::sleep_ms(2);
  uint64_t h = 1469598103934665603ull;
  for (uint64_t i = 0; i < 120000000ull; ++i) {
    h = (h ^ (i & 0xff)) * 1099511628211ull;
  }
  out = h;
  co_await lp::sleep_ms(2);
}

int main() {
  lp::measure(step());
  return out == 0 ? 1 : 0;
}

#include <cstdint>
#include "../loop.hpp"

static uint64_t digest(uint64_t n) {
  uint64_t h = 1469598103934665603ull;
  for (uint64_t i = 0; i < n; ++i) h = (h ^ (i & 0xff)) * 1099511628211ull;
  return h;
}

static uint64_t out;

lp::task handle() {
  co_await lp::sleep_ms(2);
  out = digest(120000000ull);
  co_await lp::sleep_ms(2);
}

int main() {
  lp::measure(handle());
  return out == 0 ? 1 : 0;
}

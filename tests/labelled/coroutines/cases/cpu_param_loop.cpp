#include <cstdint>
#include "../loop.hpp"

static uint64_t out;

lp::task work(uint64_t n) {
  co_await lp::sleep_ms(2);
  uint64_t h = 1469598103934665603ull;
  for (uint64_t i = 0; i < n; ++i) {
    h = (h ^ (i & 0xff)) * 1099511628211ull;
  }
  out = h;
}

int main(int argc, char**) {
  lp::measure(work(120000000ull + static_cast<uint64_t>(argc)));
  return out == 0 ? 1 : 0;
}

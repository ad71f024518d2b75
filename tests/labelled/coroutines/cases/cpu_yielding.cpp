#include <cstdint>
#include "../loop.hpp"

static uint64_t out;

lp::task handle() {
  uint64_t h = 1469598103934665603ull;
  for (uint64_t i = 0; i < 120000000ull; ++i) {
    h = (h ^ (i & 0xff)) * 1099511628211ull;
    if ((i & 0x3fff) == 0) co_await lp::yield_now();
  }
  out = h;
}

int main() {
  lp::measure(handle());
  return out == 0 ? 1 : 0;
}

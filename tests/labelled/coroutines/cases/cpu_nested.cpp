#include <cstdint>
#include "../loop.hpp"

static uint32_t grid[1024];
static uint64_t out;

lp::task process() {
  co_await lp::sleep_ms(2);
  uint64_t acc = 0;
  for (int r = 0; r < 100000; ++r) {
    for (int c = 0; c < 1024; ++c) {
      acc = acc * 31 + (grid[c] ^ static_cast<uint32_t>(r));
    }
  }
  out = acc;
}

int main() {
  for (int i = 0; i < 1024; ++i) grid[i] = i * 2654435761u;
  lp::measure(process());
  return out == 0 ? 1 : 0;
}

#include <cstdint>
#include "../loop.hpp"

static uint64_t checksum(const uint8_t* p, int n) {
  uint64_t h = 0;
  for (int i = 0; i < n; ++i) h = h * 131 + p[i];
  return h;
}

static uint8_t buf[512];
static uint64_t out;

lp::task process() {
  for (int k = 0; k < 5; ++k) {
    co_await lp::sleep_ms(1);
    buf[k] = static_cast<uint8_t>(k);
    out += checksum(buf, sizeof buf);
  }
}

int main() {
  lp::measure(process());
  return out == 0 ? 1 : 0;
}

#include <cstdint>
#include <vector>
#include "../loop.hpp"

static uint32_t out;

lp::task handle(const std::vector<uint8_t>& buf) {
  co_await lp::sleep_ms(2);
  uint32_t crc = 0xffffffffu;
  co_await lp::run_on_thread([&buf, &crc] {
    for (size_t i = 0; i < buf.size(); ++i) {
      crc ^= buf[i];
      for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
  });
  out = ~crc;
  co_await lp::sleep_ms(2);
}

int main() {
  std::vector<uint8_t> buf;
  buf.resize(16u << 20);
  uint32_t x = 2463534242u;
  for (auto& b : buf) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    b = static_cast<uint8_t>(x);
  }
  lp::measure(handle(buf));
  return out == 0 ? 1 : 0;
}

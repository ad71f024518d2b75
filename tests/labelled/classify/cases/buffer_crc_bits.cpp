// A bitwise CRC-32 over a 16 MiB buffer that main resizes and fills.
#include "../measure.hpp"

#include <cstdint>
#include <cstdio>
#include <vector>

namespace wire {

uint32_t update(uint32_t crc, const std::vector<uint8_t> &buf) {
  crc = ~crc;
  for (uint8_t byte : buf) {
    crc ^= byte;
    for (int k = 0; k < 8; ++k)
      crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

} // namespace wire

int main() {
  std::vector<uint8_t> buf;
  buf.resize(16 << 20);
  uint32_t seed = 12345;
  for (auto &b : buf) {
    seed = seed * 1103515245u + 12345u;
    b = static_cast<uint8_t>(seed >> 16);
  }
  uint32_t crc = 0;
  concur_measure("wire::update", [&] { crc = wire::update(0, buf); });
  std::fprintf(stderr, "%08x\n", crc);
}

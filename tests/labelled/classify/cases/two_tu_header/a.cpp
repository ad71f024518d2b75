// A packet header: main passes its 16-byte buffer; the function under test
// calls fold() from b.cpp over each half of the header.
#include "../../measure.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <vector>

uint32_t fold(const uint8_t *data, size_t len, uint32_t seed);

struct Header {
  std::vector<uint8_t> bytes;
  explicit Header(size_t n) : bytes(n) {}
};

uint32_t process(const Header &h) {
  const size_t half = h.bytes.size() / 2;
  uint32_t a = fold(h.bytes.data(), half, 0x1234u);
  uint32_t b = fold(h.bytes.data() + half, h.bytes.size() - half, a);
  return a ^ (b << 1);
}

int main() {
  Header h(16);
  for (size_t i = 0; i < h.bytes.size(); ++i)
    h.bytes[i] = static_cast<uint8_t>(i * 37 + 5);
  uint32_t r = 0;
  concur_measure("process", [&] { r = process(h); });
  std::fprintf(stderr, "%u\n", r);
}

// Run-length encodes an 80 MiB buffer from main. The minimum run length is an
// environment setting read once with getenv() before the loop (default 3).
#include "../measure.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace pack {

std::vector<uint8_t> apply(const std::vector<uint8_t> &in) {
  int min_run = 3;
  if (const char *s = std::getenv("PACK_MIN_RUN"))
    min_run = std::atoi(s) > 1 ? std::atoi(s) : 3;
  std::vector<uint8_t> out;
  out.reserve(in.size() / 2);
  size_t i = 0;
  while (i < in.size()) {
    const uint8_t b = in[i];
    size_t j = i + 1;
    while (j < in.size() && in[j] == b && j - i < 255)
      ++j;
    const size_t run = j - i;
    if (static_cast<int>(run) >= min_run) {
      out.push_back(0xFF);
      out.push_back(static_cast<uint8_t>(run));
      out.push_back(b);
    } else {
      for (size_t k = i; k < j; ++k) {
        if (in[k] == 0xFF)
          out.push_back(0xFF), out.push_back(1);
        out.push_back(in[k]);
      }
    }
    i = j;
  }
  return out;
}

} // namespace pack

int main() {
  std::vector<uint8_t> buf;
  buf.resize(80 << 20);
  uint32_t x = 2463534242u;
  for (size_t i = 0; i < buf.size();) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    size_t run = 1 + (x >> 28);
    for (size_t k = 0; k < run && i < buf.size(); ++k)
      buf[i++] = static_cast<uint8_t>(x & 0x7);
  }
  std::vector<uint8_t> out;
  concur_measure("pack::apply", [&] { out = pack::apply(buf); });
  std::fprintf(stderr, "%zu\n", out.size());
}

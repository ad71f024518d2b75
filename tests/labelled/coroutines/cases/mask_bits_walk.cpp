#include <cstdint>
#include <vector>
#include "../loop.hpp"

static uint64_t out;

lp::task process(uint64_t mask, const std::vector<uint32_t>& weight) {
  for (int round = 0; round < 10; ++round) {
    co_await lp::sleep_ms(1);
    uint64_t m = mask;
    while (m) {
      int bit = __builtin_ctzll(m);
      out += weight[bit];
      m &= m - 1;
    }
    mask = (mask << 1) | (mask >> 63);
  }
}

int main(int argc, char**) {
  std::vector<uint32_t> weight;
  for (uint32_t i = 0; i < 64; ++i) weight.push_back(i * 7 + 1);
  uint64_t mask = 0x8000041022000f1ull ^ static_cast<uint64_t>(argc);
  lp::measure(process(mask, weight));
  return out == 0 ? 1 : 0;
}

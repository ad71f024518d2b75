#include <cstdint>
#include <cstdlib>
#include <vector>
#include "../loop.hpp"

struct Config {
  int rounds = 2000;
  size_t block = 65536;
};

static uint64_t out;

lp::task step(const Config& cfg) {
  co_await lp::sleep_ms(2);
  std::vector<uint32_t> state(cfg.block, 1u);
  for (int r = 0; r < cfg.rounds; ++r) {
    uint32_t carry = static_cast<uint32_t>(r);
    for (auto& w : state) {
      w = w * 1664525u + 1013904223u + carry;
      carry = w >> 29;
    }
  }
  for (uint32_t w : state) out += w;
  co_await lp::sleep_ms(2);
}

int main(int argc, char** argv) {
  Config cfg;
  if (argc > 1) cfg.rounds = std::atoi(argv[1]);
  lp::measure(step(cfg));
  return out == 0 ? 1 : 0;
}

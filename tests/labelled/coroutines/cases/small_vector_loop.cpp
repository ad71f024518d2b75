#include <cstdint>
#include <vector>
#include "../loop.hpp"

static uint64_t out;

lp::task process(const std::vector<uint32_t>& items) {
  co_await lp::sleep_ms(2);
  for (size_t i = 0; i < items.size(); ++i) {
    uint32_t v = items[i];
    out = out * 31 + ((v * 2654435761u) >> 16);
    if (i % 4 == 3) co_await lp::sleep_ms(1);
  }
}

int main() {
  std::vector<uint32_t> items;
  for (uint32_t i = 0; i < 16; ++i) items.push_back(i * i + 3);
  lp::measure(process(items));
  return out == 0 ? 1 : 0;
}

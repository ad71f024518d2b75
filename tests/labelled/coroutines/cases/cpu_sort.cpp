#include <algorithm>
#include <cstdint>
#include <vector>
#include "../loop.hpp"

lp::task run_one(std::vector<uint32_t>& v) {
  co_await lp::sleep_ms(2);
  std::sort(v.begin(), v.end());
  co_await lp::sleep_ms(2);
}

int main() {
  std::vector<uint32_t> v(2500000);
  uint32_t x = 12345;
  for (auto& e : v) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    e = x;
  }
  lp::measure(run_one(v));
  return std::is_sorted(v.begin(), v.end()) ? 0 : 1;
}

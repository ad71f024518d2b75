#include <algorithm>
#include <cstdint>
#include <vector>
#include "../loop.hpp"

struct Entry {
  uint32_t key;
  uint32_t id;
};

lp::task run_one(std::vector<Entry>& entries) {
  co_await lp::sleep_ms(2);
  co_await lp::run_on_thread([&entries] {
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.key < b.key; });
  });
  co_await lp::sleep_ms(2);
}

int main() {
  std::vector<Entry> entries;
  uint32_t x = 12345;
  for (uint32_t i = 0; i < 2000000; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    entries.push_back(Entry{x, i});
  }
  lp::measure(run_one(entries));
  bool ok = std::is_sorted(entries.begin(), entries.end(),
                           [](const Entry& a, const Entry& b) { return a.key < b.key; });
  return ok ? 0 : 1;
}

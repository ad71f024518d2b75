// Orders 1.5 M trade records that main appends one by one with push_back;
// the comparator looks at two fields.
#include "../measure.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace book {

struct Trade {
  uint32_t account;
  int64_t price;
  uint64_t id;
};

void handle(std::vector<Trade> &trades) {
  std::sort(trades.begin(), trades.end(), [](const Trade &a, const Trade &b) {
    if (a.account != b.account)
      return a.account < b.account;
    return a.price < b.price;
  });
}

} // namespace book

int main() {
  std::vector<book::Trade> trades;
  uint64_t x = 88172645463325252ull;
  for (uint64_t i = 0; i < 1'500'000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    trades.push_back({static_cast<uint32_t>(x % 5000), static_cast<int64_t>(x >> 20) % 100000, i});
  }
  concur_measure("book::handle", [&] { book::handle(trades); });
  std::fprintf(stderr, "%llu\n", static_cast<unsigned long long>(trades[trades.size() / 2].id));
}

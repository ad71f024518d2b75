#include <cstdint>
#include <unordered_set>
#include <vector>
#include "../loop.hpp"

namespace db {
class Store {
 public:
  void add(uint64_t key) { keys_.push_back(key); }
  lp::task serve();
  size_t distinct() const { return distinct_; }

 private:
  std::vector<uint64_t> keys_;
  size_t distinct_ = 0;
};

lp::task Store::serve() {
  co_await lp::sleep_ms(2);
  std::unordered_set<uint64_t> seen;
  for (uint64_t k : keys_) seen.insert(k);
  distinct_ = seen.size();
  co_await lp::sleep_ms(2);
}
}  // namespace db

int main() {
  db::Store store;
  uint64_t x = 88172645463325252ull;
  for (int i = 0; i < 700000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    store.add(x % 1000000007ull);
  }
  lp::measure(store.serve());
  return store.distinct() > 0 ? 0 : 1;
}

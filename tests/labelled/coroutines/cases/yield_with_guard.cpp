#include <mutex>
#include "../loop.hpp"

static std::mutex m;
static int table[3] = {4, 5, 6};
static int sum;

lp::gen<int> produce() {
  std::lock_guard<std::mutex> g(m);
  for (int i = 0; i < 3; ++i) co_yield table[i];
}

lp::task drive() {
  co_await lp::sleep_ms(2);
  auto g = produce();
  while (g.next()) {
    sum += g.value();
    co_await lp::sleep_ms(4);
  }
}

int main() {
  lp::measure(drive(), lp::probe(m));
  return sum == 15 ? 0 : 1;
}

#include <shared_mutex>
#include "../loop.hpp"

static std::shared_mutex rw;
static int table[4] = {1, 2, 3, 4};
static int sum;

lp::task process() {
  co_await lp::sleep_ms(2);
  std::shared_lock<std::shared_mutex> lk(rw);
  for (int i = 0; i < 4; ++i) {
    sum += table[i];
    co_await lp::sleep_ms(3);
  }
}

int main() {
  lp::measure(process(), lp::probe(rw));
  return sum == 10 ? 0 : 1;
}

#include <mutex>
#include "../loop.hpp"

static std::mutex m;
static int value;

lp::task handle(int n) {
  co_await lp::sleep_ms(2);
  std::unique_lock<std::mutex> lk(m);
  for (int i = 0; i < n; ++i) {
    value += i;
    co_await lp::sleep_ms(3);
  }
}

int main() {
  lp::measure(handle(4), lp::probe(m));
  return value == 6 ? 0 : 1;
}

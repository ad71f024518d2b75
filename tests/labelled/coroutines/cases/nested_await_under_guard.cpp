#include <mutex>
#include "../loop.hpp"

static std::mutex m;
static int value;

lp::task step(int n) {
  co_await lp::sleep_ms(2);
  std::lock_guard<std::mutex> g(m);
  for (int i = 0; i < n; ++i) {
    if (i >= 0) {
      value += i;
      co_await lp::sleep_ms(3);
    }
  }
}

int main() {
  lp::measure(step(4), lp::probe(m));
  return value == 6 ? 0 : 1;
}

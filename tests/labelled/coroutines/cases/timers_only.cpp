#include "../loop.hpp"

static int total;

lp::task step() {
  for (int i = 0; i < 20; ++i) {
    co_await lp::sleep_ms(3);
    total += i;
  }
}

int main() {
  lp::measure(step());
  return total == 190 ? 0 : 1;
}

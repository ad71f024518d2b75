#include "../../loop.hpp"

int helper(int n);

static int total;

lp::task step() {
  co_await lp::sleep_ms(1);
  total = helper(5);
  co_await lp::sleep_ms(1);
}

int main() {
  lp::measure(step());
  return total == 10 ? 0 : 1;
}

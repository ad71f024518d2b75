#include <unistd.h>
#include "../loop.hpp"

static int total;

static void helper(int n) {
  total += n;
  usleep(60000);
}

lp::task step() {
  co_await lp::sleep_ms(1);
  helper(3);
  co_await lp::sleep_ms(1);
}

int main() {
  lp::measure(step());
  return total == 3 ? 0 : 1;
}

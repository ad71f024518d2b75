#include <unistd.h>
#include "../loop.hpp"

static int acc;

lp::task work(int n) {
  for (int i = 0; i < n; ++i) {
    co_await lp::sleep_ms(1);
    acc += i;
  }
  usleep(60000);
  acc += 1;
}

int main() {
  lp::measure(work(3));
  return acc > 0 ? 0 : 1;
}

#include <unistd.h>
#include "../loop.hpp"

static int count;

lp::task work() {
  co_await lp::sleep_ms(1);
  auto f = [&] {
    usleep(60000);
    ++count;
  };
  f();
  co_await lp::sleep_ms(1);
}

int main() {
  lp::measure(work());
  return count == 1 ? 0 : 1;
}

#include <unistd.h>
#include "../loop.hpp"

static int done;

lp::task step() {
  co_await lp::sleep_ms(1);
  co_await lp::run_on_thread([] { usleep(60000); });
  done = 1;
}

int main() {
  lp::measure(step());
  return done == 1 ? 0 : 1;
}

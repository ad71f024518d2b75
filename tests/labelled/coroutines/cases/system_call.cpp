#include <stdlib.h>
#include "../loop.hpp"

static int status = -1;

lp::task handle() {
  co_await lp::sleep_ms(1);
  status = system("sleep 0.06");
}

int main() {
  lp::measure(handle());
  return status == 0 ? 0 : 1;
}

#include <time.h>
#include "../loop.hpp"

lp::task handle() {
  co_await lp::sleep_ms(2);
  timespec ts{0, 60 * 1000 * 1000};
  nanosleep(&ts, nullptr);
  co_await lp::sleep_ms(2);
}

int main() { lp::measure(handle()); }

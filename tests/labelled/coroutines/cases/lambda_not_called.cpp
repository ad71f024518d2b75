#include <unistd.h>
#include <functional>
#include "../loop.hpp"

static std::function<void()> later;
static int count;

lp::task process() {
  co_await lp::sleep_ms(1);
  auto f = [] {
    usleep(60000);
    ++count;
  };
  later = f;
  count += 10;
  co_await lp::sleep_ms(1);
}

int main() {
  lp::measure(process());
  return count == 10 ? 0 : 1;
}

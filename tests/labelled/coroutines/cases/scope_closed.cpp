#include <mutex>
#include "../loop.hpp"

static std::mutex m;
static int value;

lp::task handle() {
  for (int i = 0; i < 3; ++i) {
    {
      std::lock_guard<std::mutex> g(m);
      value += i;
    }
    co_await lp::sleep_ms(5);
  }
}

int main() {
  lp::measure(handle(), lp::probe(m));
  return value == 3 ? 0 : 1;
}

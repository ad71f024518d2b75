#include <mutex>
#include "../loop.hpp"

static std::mutex m;
static int value;

lp::task step() {
  for (int i = 0; i < 6; ++i) {
    m.lock();
    value += i;
    if (i % 2 == 0) m.unlock();
    co_await lp::sleep_ms(4);
    if (i % 2 != 0) m.unlock();
  }
}

int main() {
  lp::measure(step(), lp::probe(m));
  return value == 15 ? 0 : 1;
}

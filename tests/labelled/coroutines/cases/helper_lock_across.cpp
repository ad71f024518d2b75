#include <mutex>
#include "../loop.hpp"

static std::mutex m;
static int value;

static void enter() { m.lock(); }
static void leave() { m.unlock(); }

lp::task step() {
  co_await lp::sleep_ms(2);
  enter();
  value += 1;
  co_await lp::sleep_ms(10);
  leave();
}

int main() {
  lp::measure(step(), lp::probe(m));
  return value == 1 ? 0 : 1;
}

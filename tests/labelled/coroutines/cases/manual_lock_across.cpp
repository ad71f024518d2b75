#include <mutex>
#include "../loop.hpp"

static std::mutex m;
static int value;

lp::task run_one() {
  co_await lp::sleep_ms(2);
  m.lock();
  value += 5;
  co_await lp::sleep_ms(10);
  value -= 1;
  m.unlock();
}

int main() {
  lp::measure(run_one(), lp::probe(m));
  return value == 4 ? 0 : 1;
}

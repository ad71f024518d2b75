#include <mutex>
#include "../loop.hpp"

static std::mutex m;
static int value;

lp::task work() {
  co_await lp::sleep_ms(2);
  std::unique_lock<std::mutex> lk(m);
  value += 1;
  lk.unlock();
  co_await lp::sleep_ms(10);
  lk.lock();
  value += 1;
}

int main() {
  lp::measure(work(), lp::probe(m));
  return value == 2 ? 0 : 1;
}

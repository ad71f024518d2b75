#include <mutex>
#include "../loop.hpp"

static std::mutex m;
static int value;

lp::task work() {
  co_await lp::sleep_ms(2);
  std::scoped_lock lk(m);
  value = 1;
  co_await lp::sleep_ms(10);
  value = 2;
}

int main() {
  lp::measure(work(), lp::probe(m));
  return value == 2 ? 0 : 1;
}

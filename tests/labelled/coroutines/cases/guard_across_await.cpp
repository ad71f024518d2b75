#include <mutex>
#include "../loop.hpp"

static std::mutex m;
static int value;

lp::task step() {
  co_await lp::sleep_ms(2);
  std::lock_guard<std::mutex> g(m);
  value += 1;
  co_await lp::sleep_ms(10);
  value += 1;
}

int main() {
  lp::measure(step(), lp::probe(m));
  return value == 2 ? 0 : 1;
}

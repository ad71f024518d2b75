#include <mutex>
#include "../loop.hpp"

static std::mutex m;
static int value;

lp::task run_one(int n) {
  for (int i = 0; i < n; ++i) {
    std::lock_guard<std::mutex> g(m);
    value += i;
  }
  co_await lp::sleep_ms(10);
  value += 1;
}

int main() {
  lp::measure(run_one(5), lp::probe(m));
  return value == 11 ? 0 : 1;
}

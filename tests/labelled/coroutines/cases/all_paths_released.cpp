#include <mutex>
#include "../loop.hpp"

static std::mutex m;
static int value;

lp::task process() {
  for (int i = 0; i < 4; ++i) {
    m.lock();
    if (i % 2 == 0) {
      value += 2;
      m.unlock();
    } else {
      value -= 1;
      m.unlock();
    }
    co_await lp::sleep_ms(4);
  }
}

int main() {
  lp::measure(process(), lp::probe(m));
  return value == 2 ? 0 : 1;
}

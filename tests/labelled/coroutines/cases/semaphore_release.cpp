#include <semaphore>
#include <thread>
#include "../loop.hpp"

static std::counting_semaphore<8> items(0);
static int taken;

lp::task run_one() {
  for (int i = 0; i < 4; ++i) {
    co_await lp::sleep_ms(1);
    items.release();
  }
}

int main() {
  std::thread w([] {
    for (int i = 0; i < 4; ++i) {
      items.acquire();
      ++taken;
    }
  });
  lp::measure(run_one());
  w.join();
  return taken == 4 ? 0 : 1;
}

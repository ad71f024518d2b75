#include <chrono>
#include <semaphore>
#include <thread>
#include "../loop.hpp"

static std::counting_semaphore<4> slots(0);
static int taken;

lp::task step() {
  co_await lp::sleep_ms(1);
  slots.acquire();
  ++taken;
}

int main() {
  std::thread w([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    slots.release();
  });
  lp::measure(step());
  w.join();
  return taken == 1 ? 0 : 1;
}

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include "../loop.hpp"

static std::mutex m;
static std::atomic<bool> held{false};
static int counter;

lp::task handle() {
  while (!m.try_lock()) co_await lp::sleep_ms(1);
  ++counter;
  m.unlock();
}

int main() {
  std::thread w([] {
    m.lock();
    held = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    m.unlock();
  });
  while (!held) std::this_thread::yield();
  lp::measure(handle());
  w.join();
  return counter == 1 ? 0 : 1;
}

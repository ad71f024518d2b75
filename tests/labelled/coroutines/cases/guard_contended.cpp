#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include "../loop.hpp"

static std::mutex m;
static int counter;
static std::atomic<bool> held{false};

lp::task work() {
  co_await lp::sleep_ms(1);
  {
    std::lock_guard<std::mutex> g(m);
    ++counter;
  }
  co_await lp::sleep_ms(1);
}

int main() {
  std::thread w([] {
    m.lock();
    held = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    m.unlock();
  });
  while (!held) std::this_thread::yield();
  lp::measure(work());
  w.join();
  return counter == 1 ? 0 : 1;
}

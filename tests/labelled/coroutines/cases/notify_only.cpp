#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include "../loop.hpp"

static std::mutex m;
static std::condition_variable cv;
static std::atomic<int> pending{0};
static int consumed;

static void consume() {
  std::unique_lock<std::mutex> lk(m);
  while (consumed < 3) {
    cv.wait_for(lk, std::chrono::milliseconds(1), [] { return pending.load() > 0; });
    if (pending.load() > 0) {
      pending.fetch_sub(1);
      ++consumed;
    }
  }
}

lp::task step() {
  for (int i = 0; i < 3; ++i) {
    co_await lp::sleep_ms(2);
    pending.fetch_add(1);
    cv.notify_one();
  }
}

int main() {
  std::thread w(consume);
  lp::measure(step());
  w.join();
  return consumed == 3 ? 0 : 1;
}

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include "../loop.hpp"

static std::mutex m;
static std::condition_variable cv;
static bool ready;
static int seen;

lp::task handle() {
  co_await lp::sleep_ms(1);
  {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk, [] { return ready; });
    seen = 1;
  }
  co_await lp::sleep_ms(1);
}

int main() {
  std::thread w([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    {
      std::lock_guard<std::mutex> g(m);
      ready = true;
    }
    cv.notify_one();
  });
  lp::measure(handle());
  w.join();
  return seen == 1 ? 0 : 1;
}

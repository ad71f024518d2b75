#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include "../loop.hpp"

namespace {
std::mutex m;
std::condition_variable cv;
int items;

int take() {
  std::unique_lock<std::mutex> lk(m);
  cv.wait(lk, [] { return items > 0; });
  return items--;
}
int take_checked() {
  int v = take();
  return v > 0 ? v : -1;
}
int fetch() { return take_checked() * 2; }
}  // namespace

static int result;

lp::task handle() {
  co_await lp::sleep_ms(1);
  result = fetch();
}

int main() {
  std::thread w([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    {
      std::lock_guard<std::mutex> g(m);
      items = 1;
    }
    cv.notify_one();
  });
  lp::measure(handle());
  w.join();
  return result == 2 ? 0 : 1;
}

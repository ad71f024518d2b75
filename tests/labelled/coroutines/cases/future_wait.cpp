#include <chrono>
#include <future>
#include <thread>
#include "../loop.hpp"

static bool done;

lp::task work(std::shared_future<int> f) {
  co_await lp::sleep_ms(1);
  f.wait();
  done = true;
}

int main() {
  std::promise<int> p;
  std::shared_future<int> f = p.get_future().share();
  std::thread w([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    p.set_value(1);
  });
  lp::measure(work(f));
  w.join();
  return done ? 0 : 1;
}

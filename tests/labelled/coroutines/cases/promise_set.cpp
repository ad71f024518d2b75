#include <future>
#include <thread>
#include "../loop.hpp"

static int seen;

lp::task work(std::promise<int>& p) {
  co_await lp::sleep_ms(2);
  p.set_value(9);
  co_await lp::sleep_ms(1);
}

int main() {
  std::promise<int> p;
  auto f = p.get_future();
  std::thread w([&] { seen = f.get(); });
  lp::measure(work(p));
  w.join();
  return seen == 9 ? 0 : 1;
}

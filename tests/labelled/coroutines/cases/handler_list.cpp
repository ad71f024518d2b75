#include <functional>
#include <utility>
#include <vector>
#include "../loop.hpp"

namespace app {
class Dispatcher {
 public:
  void on(std::function<void(int)> h) { handlers_.push_back(std::move(h)); }
  lp::task serve(int events);

 private:
  std::vector<std::function<void(int)>> handlers_;
};

lp::task Dispatcher::serve(int events) {
  for (int e = 0; e < events; ++e) {
    co_await lp::sleep_ms(1);
    for (auto& h : handlers_) h(e);
  }
}
}  // namespace app

int main() {
  int count = 0, sum = 0, last = -1, thirds = 0;
  app::Dispatcher d;
  d.on([&count](int) { ++count; });
  d.on([&sum](int e) { sum += e; });
  d.on([&last](int e) { last = e; });
  d.on([&thirds](int e) {
    if (e % 3 == 0) ++thirds;
  });
  lp::measure(d.serve(15));
  return count == 15 && sum == 105 && last == 14 && thirds == 5 ? 0 : 1;
}

#include <chrono>
#include <future>
#include <thread>
#include "../loop.hpp"

namespace app {
class Client {
 public:
  explicit Client(std::future<int> f) : f_(std::move(f)) {}
  int value() { return f_.get(); }

 private:
  std::future<int> f_;
};

class Session {
 public:
  explicit Session(Client& c) : c_(c) {}
  lp::task run_one();
  int out = 0;

 private:
  Client& c_;
};

lp::task Session::run_one() {
  co_await lp::sleep_ms(1);
  out = c_.value();
}
}  // namespace app

int main() {
  app::Client c(std::async(std::launch::async, [] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    return 4;
  }));
  app::Session s(c);
  lp::measure(s.run_one());
  return s.out == 4 ? 0 : 1;
}

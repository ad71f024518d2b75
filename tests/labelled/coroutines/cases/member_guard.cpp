#include <mutex>
#include "../loop.hpp"

namespace net {
class Server {
 public:
  lp::task handle(int n);
  std::mutex& mutex() { return m_; }
  int total() const { return total_; }

 private:
  std::mutex m_;
  int total_ = 0;
};

lp::task Server::handle(int n) {
  co_await lp::sleep_ms(2);
  std::lock_guard<std::mutex> g(m_);
  total_ += n;
  co_await lp::sleep_ms(10);
  total_ += n;
}
}  // namespace net

int main() {
  net::Server s;
  lp::measure(s.handle(3), lp::probe(s.mutex()));
  return s.total() == 6 ? 0 : 1;
}

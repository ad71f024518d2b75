// Pattern: sequential I/O turned into gather.
// Before: `for (id : ids) results.push_back(co_await fetch(id));` waits for
// each reply in turn. After: the requests overlap and the total time is the
// slowest one, not the sum.
#include <concur/concur.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace std::chrono_literals;
namespace net = concur::net;

// A small server: answers each request after a 50 ms "database" delay.
concur::task<void> handle(net::tcp_stream s) {
  char buf[64];
  std::size_t n = co_await s.read(std::span<char>(buf));
  co_await concur::sleep_for(50ms);
  co_await s.write_all("item " + std::string(buf, n));
}
concur::task<void> serve(net::tcp_listener& l, int count) {
  for (int i = 0; i < count; ++i) concur::spawn(handle(co_await l.accept()));
}

concur::task<std::string> fetch(std::uint16_t port, int id) {
  auto s = co_await net::connect("127.0.0.1", port, 2s);
  co_await s.write_all(std::to_string(id));
  s.shutdown_write();
  co_return co_await s.read_to_end(2s);
}

concur::task<int> main_task() {
  auto l = net::tcp_listener::bind("127.0.0.1", 0);
  const std::uint16_t port = l.local_endpoint().port();
  concur::spawn(serve(l, 10));
  auto t0 = std::chrono::steady_clock::now();
  std::vector<concur::task<std::string>> requests;
  for (int id = 0; id < 10; ++id) requests.push_back(fetch(port, id));
  std::vector<std::string> replies = co_await concur::gather(std::move(requests));
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
  std::printf("%zu replies in %lld ms (sequential would take ~500 ms)\n", replies.size(),
              static_cast<long long>(ms.count()));
  co_return replies.size() == 10 && replies[3] == "item 3" ? 0 : 1;
}

int main() { return concur::run(main_task()); }

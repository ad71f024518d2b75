// Pattern: an async server offloading CPU work to a pool.
// The loop handles connections; each request's CPU-heavy part runs on a
// thread_pool, and `co_await pool.submit(...)` suspends the handler instead of
// blocking the loop, so other connections are served meanwhile.
#include <concur/concur.hpp>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace net = concur::net;

std::uint64_t expensive_hash(std::string data) {  // CPU-bound
  std::uint64_t h = 1469598103934665603ull;
  for (int round = 0; round < 20000; ++round)
    for (char c : data) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

concur::task<void> handle(net::tcp_stream s, concur::thread_pool& pool) {
  char buf[256];
  std::size_t n = co_await s.read(std::span<char>(buf));
  std::uint64_t h = co_await pool.submit(expensive_hash, std::string(buf, n));  // off the loop
  co_await s.write_all(std::to_string(h));
}

concur::task<void> serve(net::tcp_listener& l, concur::thread_pool& pool, int count) {
  for (int i = 0; i < count; ++i) concur::spawn(handle(co_await l.accept(), pool));
}

concur::task<std::string> request(std::uint16_t port, std::string body) {
  auto s = co_await net::connect("127.0.0.1", port);
  co_await s.write_all(body);
  s.shutdown_write();
  co_return co_await s.read_to_end();
}

concur::task<int> main_task(concur::thread_pool& pool) {
  auto l = net::tcp_listener::bind("127.0.0.1", 0);
  concur::spawn(serve(l, pool, 8));
  std::vector<concur::task<std::string>> rs;
  for (int i = 0; i < 8; ++i) rs.push_back(request(l.local_endpoint().port(), "request " + std::to_string(i)));
  auto replies = co_await concur::gather(std::move(rs));
  bool ok = true;
  for (int i = 0; i < 8; ++i) ok &= replies[i] == std::to_string(expensive_hash("request " + std::to_string(i)));
  std::printf("%zu replies, %s\n", replies.size(), ok ? "all correct" : "MISMATCH");
  co_return ok ? 0 : 1;
}

int main() {
  concur::thread_pool pool;
  return concur::run(main_task(pool));
}

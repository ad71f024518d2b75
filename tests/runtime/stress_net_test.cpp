// 1000 concurrent loopback connections on one loop, exact accounting.
#include "concur/tcp.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <string>

#include "concur/event_loop.hpp"
#include "concur/gather.hpp"

namespace net = concur::net;

namespace {
constexpr int kConns = 1000;
constexpr int kRounds = 5;

concur::task<void> serve(net::tcp_stream c, int& served) {
  char buf[64];
  for (;;) {
    std::size_t n = co_await c.read(std::span<char>(buf));
    if (n == 0) break;
    co_await c.write_all(std::string_view(buf, n));
  }
  ++served;
}
concur::task<void> acceptor(net::tcp_listener& l, int& served) {
  for (int i = 0; i < kConns; ++i) concur::spawn(serve(co_await l.accept(), served));
}
concur::task<int> client(std::uint16_t port, int id) {
  auto s = co_await net::connect("127.0.0.1", port);
  int ok = 0;
  for (int r = 0; r < kRounds; ++r) {
    std::string msg = std::to_string(id) + ":" + std::to_string(r);
    co_await s.write_all(msg);
    char buf[64];
    std::size_t got = 0;
    while (got < msg.size()) got += co_await s.read(std::span<char>(buf + got, sizeof buf - got));
    if (std::string_view(buf, got) == msg) ++ok;
  }
  co_return ok;
}
}  // namespace

TEST(NetStress, ThousandConcurrentConnections) {
  rlimit rl{};
  getrlimit(RLIMIT_NOFILE, &rl);
  if (rl.rlim_cur < 4 * kConns) {
    rl.rlim_cur = std::min<rlim_t>(rl.rlim_max, 4 * kConns);
    setrlimit(RLIMIT_NOFILE, &rl);
  }
  int served = 0;
  int total = concur::run([](int& srv) -> concur::task<int> {
    auto l = net::tcp_listener::bind("127.0.0.1", 0, 4096);
    concur::spawn(acceptor(l, srv));
    std::vector<concur::task<int>> cs;
    for (int i = 0; i < kConns; ++i) cs.push_back(client(l.local_endpoint().port(), i));
    auto oks = co_await concur::gather(std::move(cs));
    int sum = 0;
    for (int v : oks) sum += v;
    while (srv < kConns) co_await concur::yield();
    co_return sum;
  }(served));
  EXPECT_EQ(total, kConns * kRounds);
  EXPECT_EQ(served, kConns);
}

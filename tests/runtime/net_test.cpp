#include "concur/tcp.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "concur/event_loop.hpp"
#include "concur/gather.hpp"
#include "concur/udp.hpp"
#include "concur/unix_socket.hpp"

using namespace std::chrono_literals;
namespace net = concur::net;

namespace {
concur::task<void> echo_once(net::tcp_listener& l) {
  net::tcp_stream c = co_await l.accept();
  char buf[256];
  for (;;) {
    std::size_t n = co_await c.read(std::span<char>(buf));
    if (n == 0) break;
    co_await c.write_all(std::string_view(buf, n));
  }
}
concur::task<std::string> client(std::uint16_t port, std::string msg) {
  net::tcp_stream s = co_await net::connect("127.0.0.1", port);
  co_await s.write_all(msg);
  s.shutdown_write();
  co_return co_await s.read_to_end();
}
}  // namespace

TEST(Tcp, EchoRoundTrip) {
  std::string got = concur::run([]() -> concur::task<std::string> {
    auto l = net::tcp_listener::bind("127.0.0.1", 0);
    auto [unused, reply] = co_await concur::gather(echo_once(l), client(l.local_endpoint().port(), "hello"));
    co_return reply;
  }());
  EXPECT_EQ(got, "hello");
}

TEST(Tcp, LargeTransferUsesPartialWrites) {
  std::string big(4 << 20, 'x');
  for (std::size_t i = 0; i < big.size(); i += 4093) big[i] = static_cast<char>('a' + i % 26);
  std::string got = concur::run([](const std::string& b) -> concur::task<std::string> {
    auto l = net::tcp_listener::bind("127.0.0.1", 0);
    auto [unused, reply] = co_await concur::gather(echo_once(l), client(l.local_endpoint().port(), b));
    co_return reply;
  }(big));
  EXPECT_EQ(got, big);
}

TEST(Tcp, ConnectRefused) {
  EXPECT_THROW(concur::run([]() -> concur::task<void> {
                 std::uint16_t port;
                 {
                   auto l = net::tcp_listener::bind("127.0.0.1", 0);
                   port = l.local_endpoint().port();
                 }
                 co_await net::connect("127.0.0.1", port);
               }()),
               std::system_error);
}

TEST(Tcp, ReadTimeout) {
  EXPECT_THROW(concur::run([]() -> concur::task<void> {
                 auto l = net::tcp_listener::bind("127.0.0.1", 0);
                 auto s = co_await net::connect("127.0.0.1", l.local_endpoint().port());
                 char b[8];
                 co_await s.read(std::span<char>(b), 20ms);
               }()),
               concur::timed_out);
}

TEST(Tcp, AcceptIsCancelledByWhenAny) {
  std::size_t idx = concur::run([]() -> concur::task<std::size_t> {
    auto l = net::tcp_listener::bind("127.0.0.1", 0);
    auto acceptor = [](net::tcp_listener& lst) -> concur::task<void> { co_await lst.accept(); };
    auto timer = []() -> concur::task<void> { co_await concur::sleep_for(10ms); };
    co_return co_await concur::when_any(acceptor(l), timer());
  }());
  EXPECT_EQ(idx, 1u);
}

TEST(Tcp, ConnectByName) {
  std::string got = concur::run([]() -> concur::task<std::string> {
    auto l = net::tcp_listener::bind("127.0.0.1", 0);
    auto c = [](std::uint16_t port) -> concur::task<std::string> {
      auto s = co_await net::connect("localhost", port);
      co_return s.remote_endpoint().address();
    };
    auto acc = [](net::tcp_listener& lst) -> concur::task<void> { co_await lst.accept(); };
    auto [a, b] = co_await concur::gather(acc(l), c(l.local_endpoint().port()));
    co_return b;
  }());
  EXPECT_EQ(got, "127.0.0.1");
}

TEST(Resolve, Localhost) {
  auto eps = concur::run(net::resolve("localhost", 80));
  ASSERT_FALSE(eps.empty());
  EXPECT_EQ(eps.front().port(), 80);
  EXPECT_THROW(concur::run(net::resolve("no-such-host.invalid")), std::system_error);
}

TEST(Udp, SendAndReceive) {
  auto r = concur::run([]() -> concur::task<std::string> {
    auto a = net::udp_socket::bind("127.0.0.1", 0);
    auto b = net::udp_socket::bind("127.0.0.1", 0);
    co_await a.send_to("datagram", b.local_endpoint());
    char buf[64];
    auto [n, from] = co_await b.receive_from(std::span<char>(buf));
    EXPECT_EQ(from.port(), a.local_endpoint().port());
    co_return std::string(buf, n);
  }());
  EXPECT_EQ(r, "datagram");
}

TEST(Unix, ListenerAndPair) {
  std::string path = "/tmp/concur-test-" + std::to_string(::getpid()) + ".sock";
  auto r = concur::run([](std::string p) -> concur::task<std::string> {
    auto l = net::unix_listener::bind(p);
    auto srv = [](net::unix_listener& lst) -> concur::task<void> {
      auto c = co_await lst.accept();
      co_await c.write_all("over unix");
    };
    auto cli = [](std::string path) -> concur::task<std::string> {
      auto s = co_await net::unix_stream::connect(path);
      co_return co_await s.read_to_end();
    };
    auto [x, got] = co_await concur::gather(srv(l), cli(p));
    auto [a, b] = net::unix_stream::pair();
    co_await a.write_all("pair");
    char buf[8];
    std::size_t n = co_await b.read(std::span<char>(buf));
    co_return got + "/" + std::string(buf, n);
  }(path));
  ::unlink(path.c_str());
  EXPECT_EQ(r, "over unix/pair");
}

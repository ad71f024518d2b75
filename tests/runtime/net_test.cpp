#include "concur/tcp.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "concur/event_loop.hpp"
#include "concur/gather.hpp"
#include "concur/pipe.hpp"
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

// A short read marks a TCP stream (or pipe) drained, and the next read waits
// for an EPOLLIN edge instead of trying. These cover the cases where the data
// and the end of stream were consumed by that short read or arrive after it:
// each read has a timeout, so a missed wake-up fails instead of hanging.
TEST(Tcp, ShortReadThenEndOfStream) {
  std::string got = concur::run([]() -> concur::task<std::string> {
    auto l = net::tcp_listener::bind("127.0.0.1", 0);
    auto s = co_await net::connect("127.0.0.1", l.local_endpoint().port());
    auto c = co_await l.accept();
    char buf[64];
    std::string out;
    co_await s.write_all("first");  // then wait: the reader finds it queued
    co_await concur::sleep_for(5ms);
    out.append(buf, co_await c.read(std::span<char>(buf), 2s));
    auto late = [](net::tcp_stream& w) -> concur::task<void> {
      co_await concur::sleep_for(5ms);  // arrives while the reader waits
      co_await w.write_all("second");
      co_await concur::sleep_for(5ms);
      co_await w.write_all("third");  // data and FIN back to back
      w.shutdown_write();
    };
    auto rd = [](net::tcp_stream& r, std::string& o) -> concur::task<void> {
      char b[64];
      while (std::size_t n = co_await r.read(std::span<char>(b), 2s)) o.append(b, n);
    };
    co_await concur::gather(late(s), rd(c, out));
    co_return out;
  }());
  EXPECT_EQ(got, "firstsecondthird");
}

TEST(Tcp, DataAndFinTogetherBeforeTheFirstRead) {
  std::string got = concur::run([]() -> concur::task<std::string> {
    auto l = net::tcp_listener::bind("127.0.0.1", 0);
    auto s = co_await net::connect("127.0.0.1", l.local_endpoint().port());
    auto c = co_await l.accept();
    co_await s.write_all("bye");
    s.shutdown_write();
    co_await concur::sleep_for(5ms);  // the loop sees IN|RDHUP before the read
    char buf[64];
    std::string out(buf, co_await c.read(std::span<char>(buf), 2s));
    if (co_await c.read(std::span<char>(buf), 2s) != 0) out += "?";
    co_return out;
  }());
  EXPECT_EQ(got, "bye");
}

TEST(Pipe, ShortReadThenWriterCloses) {
  std::string got = concur::run([]() -> concur::task<std::string> {
    auto p = concur::pipe::create();
    co_await p.writer.write_all("abc");
    char buf[64];
    std::string out(buf, co_await p.reader.read(std::span<char>(buf), 2s));
    auto closer = [](concur::stream_fd& w) -> concur::task<void> {
      co_await concur::sleep_for(5ms);
      co_await w.write_all("def");
      w.close();
    };
    auto rd = [](concur::stream_fd& r, std::string& o) -> concur::task<void> {
      char b[64];
      while (std::size_t n = co_await r.read(std::span<char>(b), 2s)) o.append(b, n);
    };
    co_await concur::gather(closer(p.writer), rd(p.reader, out));
    co_return out;
  }());
  EXPECT_EQ(got, "abcdef");
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

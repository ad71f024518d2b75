// TCP echo, 64-byte request/response over 127.0.0.1: the servers (concur,
// Asio coroutines, plain epoll) and the load generator, shared by
// bench_runtime (timed, server on a thread) and count_echo (syscalls counted
// with strace, server in its own process).
#pragma once

#include <asio.hpp>
#include <concur/concur.hpp>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <future>
#include <string_view>
#include <vector>

namespace echo {
inline constexpr int kMsg = 64;

inline void set_nodelay_fd(int fd) {
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

// The load generator: a plain epoll loop, one outstanding request per
// connection (closed loop), `per_conn` requests per connection, stopping
// early after `limit_s` seconds. Returns the requests completed and the time.
struct client_result {
  long done;
  double seconds;
};
inline client_result client(std::uint16_t port, int conns, int per_conn, double limit_s) {
  using clk = std::chrono::steady_clock;
  std::vector<int> fds(conns);
  int ep = epoll_create1(0);
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  sa.sin_port = htons(port);
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  for (int i = 0; i < conns; ++i) {
    fds[i] = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(fds[i], reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0) std::abort();
    set_nodelay_fd(fds[i]);
    fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u32 = static_cast<std::uint32_t>(i);
    epoll_ctl(ep, EPOLL_CTL_ADD, fds[i], &ev);
  }
  char msg[kMsg], buf[kMsg];
  std::memset(msg, 'x', kMsg);
  std::vector<int> got(conns, 0), left(conns, per_conn);
  long done = 0;
  int active = conns;
  const auto t = clk::now();
  auto elapsed = [&] { return std::chrono::duration<double>(clk::now() - t).count(); };
  for (int i = 0; i < conns; ++i)
    if (write(fds[i], msg, kMsg) != kMsg) std::abort();
  epoll_event evs[256];
  while (active > 0 && elapsed() < limit_s) {
    int n = epoll_wait(ep, evs, 256, 100);
    for (int k = 0; k < n; ++k) {
      int i = static_cast<int>(evs[k].data.u32);
      ssize_t r = read(fds[i], buf, kMsg - got[i]);
      if (r <= 0) {
        if (r < 0 && errno == EAGAIN) continue;
        std::abort();  // the server closed early
      }
      got[i] += static_cast<int>(r);
      if (got[i] < kMsg) continue;
      got[i] = 0;
      ++done;
      if (--left[i] == 0) {
        --active;
        continue;
      }
      if (write(fds[i], msg, kMsg) != kMsg) std::abort();
    }
  }
  const double el = elapsed();
  for (int fd : fds) close(fd);
  close(ep);
  return {done, el};
}

// concur: one coroutine per connection on an event_loop; the server task
// accepts `conns` connections, so the loop's run() ends when they all close.
// The listener is bound by the caller (it registers with the loop that first
// waits on it), so the port is known before the loop runs.
inline concur::task<void> concur_conn(concur::net::tcp_stream s) {
  s.set_nodelay(true);
  char buf[4096];
  try {
    for (;;) {
      std::size_t n = co_await s.read(std::span<char>(buf));
      if (n == 0) break;
      co_await s.write_all(std::string_view(buf, n));
    }
  } catch (...) {
  }
}
inline concur::task<void> concur_server(concur::net::tcp_listener l, int conns) {
  for (int i = 0; i < conns; ++i) concur::spawn(concur_conn(co_await l.accept()));
}

// Asio C++20 coroutines: co_spawn per connection, use_awaitable.
inline asio::awaitable<void> asio_conn(asio::ip::tcp::socket s) {
  s.set_option(asio::ip::tcp::no_delay(true));
  char buf[4096];
  try {
    for (;;) {
      std::size_t n = co_await s.async_read_some(asio::buffer(buf), asio::use_awaitable);
      co_await asio::async_write(s, asio::buffer(buf, n), asio::use_awaitable);
    }
  } catch (...) {  // eof or reset
  }
}
inline asio::awaitable<void> asio_server(asio::ip::tcp::acceptor& acc, int conns) {
  for (int i = 0; i < conns; ++i) {
    auto s = co_await acc.async_accept(asio::use_awaitable);
    asio::co_spawn(acc.get_executor(), asio_conn(std::move(s)), asio::detached);
  }
}

// The floor: a level-triggered epoll loop, read then write.
inline void epoll_server(int conns, std::promise<std::uint16_t>* port) {
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(lfd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0 || listen(lfd, 1024) != 0) std::abort();
  socklen_t len = sizeof sa;
  getsockname(lfd, reinterpret_cast<sockaddr*>(&sa), &len);
  port->set_value(ntohs(sa.sin_port));
  int ep = epoll_create1(0);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = lfd;
  epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
  int accepted = 0, closed = 0;
  char buf[4096];
  epoll_event evs[256];
  while (closed < conns) {
    int n = epoll_wait(ep, evs, 256, -1);
    for (int k = 0; k < n; ++k) {
      int fd = evs[k].data.fd;
      if (fd == lfd) {
        int c = accept4(lfd, nullptr, nullptr, SOCK_NONBLOCK);
        if (c < 0) continue;
        set_nodelay_fd(c);
        ev.events = EPOLLIN;
        ev.data.fd = c;
        epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev);
        if (++accepted == conns) epoll_ctl(ep, EPOLL_CTL_DEL, lfd, nullptr);
        continue;
      }
      ssize_t r = read(fd, buf, sizeof buf);
      if (r < 0 && errno == EAGAIN) continue;
      if (r <= 0) {
        close(fd);  // also removes it from the epoll set
        ++closed;
        continue;
      }
      ssize_t w = 0;  // 64-byte replies fit the socket buffer; loop for safety
      while (w < r) {
        ssize_t x = write(fd, buf + w, static_cast<std::size_t>(r - w));
        if (x > 0) w += x;
        else if (x < 0 && errno != EAGAIN) break;
      }
    }
  }
  close(ep);
  close(lfd);
}
}  // namespace echo

// concur/tcp.hpp - net::tcp_stream, net::tcp_listener, net::connect.
//
// Thread safety: a socket object is used from its loop's thread; distinct
// sockets are independent. One read and one write may wait at a time.
// Blocking: never blocks the loop (non-blocking sockets, registered once
// edge-triggered; the system call is tried before waiting). connect() by name
// resolves on the blocking pool.
// Cancellation: accept/read/write/connect throw operation_cancelled when the
// task's stop token is stopped. Timeouts: a non-zero `timeout` argument throws
// concur::timed_out.
// Exceptions: std::system_error for OS errors (ECONNREFUSED, ECONNRESET...).
//
//   auto l = concur::net::tcp_listener::bind("127.0.0.1", 0);
//   concur::net::tcp_stream c = co_await l.accept();
//   auto s = co_await concur::net::connect("127.0.0.1", l.local_endpoint().port());
//   co_await s.write_all("ping");
//   char buf[4];
//   std::size_t n = co_await c.read(std::span(buf));
#pragma once

#include <sys/socket.h>

#include <cstdint>
#include <string>

#include "concur/endpoint.hpp"
#include "concur/stream_fd.hpp"

namespace concur::net {

class tcp_stream : public stream_fd {
 public:
  tcp_stream() noexcept = default;
  explicit tcp_stream(int fd) : stream_fd(fd) { short_read_drains_ = true; }
  endpoint local_endpoint() const;
  endpoint remote_endpoint() const;
  void set_nodelay(bool on);
  /// Sends FIN; reads on the peer then see end of stream.
  void shutdown_write();
};

class tcp_listener {
 public:
  tcp_listener() noexcept = default;
  /// socket + SO_REUSEADDR + bind + listen. Port 0 picks a free port.
  static tcp_listener bind(const endpoint& ep, int backlog = 1024);
  static tcp_listener bind(std::string_view address, std::uint16_t port, int backlog = 1024);
  endpoint local_endpoint() const;
  int native_handle() const noexcept { return h_.fd(); }
  void close() noexcept { h_.close(); }

  struct accept_op {
    int fd;
    long operator()() const;
    tcp_stream map(long r) const { return tcp_stream(static_cast<int>(r)); }
  };
  /// `co_await l.accept()` yields the next connection as a tcp_stream.
  detail::io_awaiter<accept_op> accept(detail::io_timeout timeout = {}) {
    return detail::io_awaiter<accept_op>(h_, false, timeout, accept_op{h_.fd()});
  }

 private:
  detail::fd_handle h_;
};

/// Connects to an endpoint.
task<tcp_stream> connect(endpoint ep, detail::io_timeout timeout = {});
/// Resolves `host` (numeric addresses without DNS) and connects to the first
/// address that accepts.
task<tcp_stream> connect(std::string host, std::uint16_t port, detail::io_timeout timeout = {});

}  // namespace concur::net

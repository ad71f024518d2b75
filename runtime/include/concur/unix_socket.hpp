// concur/unix_socket.hpp - net::unix_stream and net::unix_listener
// (Unix-domain stream sockets).
//
// Thread safety, blocking, cancellation, timeouts and exceptions: as
// tcp_stream / tcp_listener.
//
//   auto l = concur::net::unix_listener::bind("/tmp/app.sock");
//   auto c = co_await concur::net::unix_stream::connect("/tmp/app.sock");
//   auto [a, b] = concur::net::unix_stream::pair();
#pragma once

#include <string>
#include <utility>

#include "concur/endpoint.hpp"
#include "concur/stream_fd.hpp"

namespace concur::net {

class unix_stream : public stream_fd {
 public:
  unix_stream() noexcept = default;
  explicit unix_stream(int fd) : stream_fd(fd) {}
  static task<unix_stream> connect(std::string path, detail::io_timeout timeout = {});
  /// A connected pair (socketpair).
  static std::pair<unix_stream, unix_stream> pair();
};

class unix_listener {
 public:
  unix_listener() noexcept = default;
  /// Binds `path` (an existing socket file is replaced) and listens.
  static unix_listener bind(const std::string& path, int backlog = 1024);
  int native_handle() const noexcept { return h_.fd(); }
  void close() noexcept { h_.close(); }
  struct accept_op {
    int fd;
    long operator()() const;
    unix_stream map(long r) const { return unix_stream(static_cast<int>(r)); }
  };
  detail::io_awaiter<accept_op> accept(detail::io_timeout timeout = {}) {
    return detail::io_awaiter<accept_op>(h_, false, timeout, accept_op{h_.fd()});
  }

 private:
  detail::fd_handle h_;
};

}  // namespace concur::net

// concur/udp.hpp - net::udp_socket: datagrams from coroutines.
//
// Thread safety: used from its loop's thread. Blocking: never blocks the loop.
// Cancellation and timeouts: as tcp_stream (operation_cancelled, timed_out).
// Exceptions: std::system_error for OS errors.
//
//   auto a = concur::net::udp_socket::bind("127.0.0.1", 0);
//   co_await a.send_to("hi", peer);
//   char buf[64];
//   auto [n, from] = co_await a.receive_from(std::span(buf));
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>

#include "concur/endpoint.hpp"
#include "concur/detail/io.hpp"

namespace concur::net {

class udp_socket {
 public:
  udp_socket() noexcept = default;
  static udp_socket bind(const endpoint& ep);
  static udp_socket bind(std::string_view address, std::uint16_t port);
  endpoint local_endpoint() const;
  int native_handle() const noexcept { return h_.fd(); }
  void close() noexcept { h_.close(); }

  struct send_op {
    int fd;
    std::span<const std::byte> buf;
    endpoint to;
    long operator()() const;
  };
  struct recv_op {
    int fd;
    std::span<std::byte> buf;
    endpoint from;
    long operator()();
    std::pair<std::size_t, endpoint> map(long r) const { return {static_cast<std::size_t>(r), from}; }
  };
  detail::io_awaiter<send_op> send_to(std::span<const std::byte> buf, const endpoint& to,
                                      detail::io_timeout timeout = {}) {
    return detail::io_awaiter<send_op>(h_, true, timeout, send_op{h_.fd(), buf, to});
  }
  detail::io_awaiter<send_op> send_to(std::string_view s, const endpoint& to,
                                      detail::io_timeout timeout = {}) {
    return send_to(std::as_bytes(std::span(s.data(), s.size())), to, timeout);
  }
  /// Yields {bytes, sender}.
  detail::io_awaiter<recv_op> receive_from(std::span<std::byte> buf, detail::io_timeout timeout = {}) {
    return detail::io_awaiter<recv_op>(h_, false, timeout, recv_op{h_.fd(), buf, {}});
  }
  detail::io_awaiter<recv_op> receive_from(std::span<char> buf, detail::io_timeout timeout = {}) {
    return receive_from(std::as_writable_bytes(buf), timeout);
  }

 private:
  detail::fd_handle h_;
};

}  // namespace concur::net

// concur/endpoint.hpp - net::endpoint (an IPv4/IPv6/Unix address) and
// net::resolve (DNS on the blocking pool, never on the loop).
//
// Thread safety: endpoint is a value type. resolve() may be awaited from any
// loop. Blocking: resolve runs getaddrinfo on the blocking pool.
// Cancellation: none (the lookup runs to completion).
// Exceptions: resolve throws std::system_error (category "getaddrinfo" text
// in what()) when the name cannot be resolved.
//
//   auto eps = co_await concur::net::resolve("localhost", 8080);
//   auto s = co_await concur::net::connect(eps.front());
#pragma once

#include <sys/socket.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "concur/task.hpp"

namespace concur::net {

class endpoint {
 public:
  endpoint() noexcept = default;
  endpoint(const sockaddr* sa, socklen_t len) noexcept;
  /// A numeric address ("127.0.0.1", "::1"); throws std::invalid_argument.
  static endpoint ip(std::string_view address, std::uint16_t port);
  /// A Unix-domain path.
  static endpoint unix_path(std::string_view path);

  int family() const noexcept { return addr_.ss_family; }
  std::uint16_t port() const noexcept;
  std::string address() const;
  std::string to_string() const;  // "127.0.0.1:80", "[::1]:80", "/path"
  const sockaddr* data() const noexcept { return reinterpret_cast<const sockaddr*>(&addr_); }
  sockaddr* data() noexcept { return reinterpret_cast<sockaddr*>(&addr_); }
  socklen_t size() const noexcept { return len_; }
  socklen_t* size_ptr() noexcept { return &len_; }
  void set_size(socklen_t n) noexcept { len_ = n; }

 private:
  sockaddr_storage addr_{};
  socklen_t len_ = sizeof(sockaddr_storage);
};

/// Resolves host (name or numeric) on the blocking pool.
task<std::vector<endpoint>> resolve(std::string host, std::uint16_t port = 0);
/// Blocking version used by resolve (do not call it on the loop).
std::vector<endpoint> resolve_blocking(const std::string& host, std::uint16_t port);

}  // namespace concur::net

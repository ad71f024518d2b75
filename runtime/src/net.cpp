// net.cpp - endpoints, resolution, TCP, UDP and Unix-domain sockets.
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <optional>
#include <stdexcept>
#include <system_error>

#include "concur/endpoint.hpp"
#include "concur/tcp.hpp"
#include "concur/to_thread.hpp"
#include "concur/udp.hpp"
#include "concur/unix_socket.hpp"

namespace concur::net {
namespace {
[[noreturn]] void throw_errno(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}
int make_socket(int family, int type) {
  int fd = ::socket(family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) throw_errno("socket");
  return fd;
}
long errno_or(long r) { return r < 0 ? -errno : r; }

// Non-blocking connect: first call starts it, later calls (after the socket
// became writable) ask connect() again for the outcome.
struct connect_op {
  int fd;
  endpoint ep;
  long operator()() const {
    if (::connect(fd, ep.data(), ep.size()) == 0) return 0;
    int e = errno;
    if (e == EISCONN) return 0;
    if (e == EINPROGRESS || e == EALREADY || e == EAGAIN) return -EAGAIN;
    return -e;
  }
};
}  // namespace

endpoint::endpoint(const sockaddr* sa, socklen_t len) noexcept {
  if (len > sizeof addr_) len = sizeof addr_;
  std::memcpy(&addr_, sa, len);
  len_ = len;
}

endpoint endpoint::ip(std::string_view address, std::uint16_t port) {
  endpoint e;
  std::string a(address);
  auto* v4 = reinterpret_cast<sockaddr_in*>(&e.addr_);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&e.addr_);
  if (inet_pton(AF_INET, a.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    e.len_ = sizeof(sockaddr_in);
  } else if (inet_pton(AF_INET6, a.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    e.len_ = sizeof(sockaddr_in6);
  } else {
    throw std::invalid_argument("concur::net::endpoint: not a numeric address: " + a);
  }
  return e;
}

endpoint endpoint::unix_path(std::string_view path) {
  endpoint e;
  auto* un = reinterpret_cast<sockaddr_un*>(&e.addr_);
  if (path.size() >= sizeof un->sun_path) throw std::invalid_argument("concur: unix path too long");
  un->sun_family = AF_UNIX;
  std::memcpy(un->sun_path, path.data(), path.size());
  e.len_ = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() + 1);
  return e;
}

std::uint16_t endpoint::port() const noexcept {
  if (addr_.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in*>(&addr_)->sin_port);
  if (addr_.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&addr_)->sin6_port);
  return 0;
}

std::string endpoint::address() const {
  char buf[INET6_ADDRSTRLEN] = {};
  if (addr_.ss_family == AF_INET)
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&addr_)->sin_addr, buf, sizeof buf);
  else if (addr_.ss_family == AF_INET6)
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(&addr_)->sin6_addr, buf, sizeof buf);
  else if (addr_.ss_family == AF_UNIX)
    return reinterpret_cast<const sockaddr_un*>(&addr_)->sun_path;
  return buf;
}

std::string endpoint::to_string() const {
  if (addr_.ss_family == AF_INET6) return "[" + address() + "]:" + std::to_string(port());
  if (addr_.ss_family == AF_INET) return address() + ":" + std::to_string(port());
  return address();
}

std::vector<endpoint> resolve_blocking(const std::string& host, std::uint16_t port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  std::string service = std::to_string(port);
  int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &res);
  if (rc != 0)
    throw std::system_error(rc == EAI_SYSTEM ? errno : EHOSTUNREACH, std::generic_category(),
                            "concur::net::resolve(" + host + "): " + gai_strerror(rc));
  std::vector<endpoint> out;
  for (addrinfo* a = res; a; a = a->ai_next) out.emplace_back(a->ai_addr, a->ai_addrlen);
  ::freeaddrinfo(res);
  return out;
}

task<std::vector<endpoint>> resolve(std::string host, std::uint16_t port) {
  co_return co_await to_thread(&resolve_blocking, std::move(host), port);
}

// --- TCP -------------------------------------------------------------------
endpoint tcp_stream::local_endpoint() const {
  endpoint e;
  if (::getsockname(native_handle(), e.data(), e.size_ptr()) < 0) throw_errno("getsockname");
  return e;
}
endpoint tcp_stream::remote_endpoint() const {
  endpoint e;
  if (::getpeername(native_handle(), e.data(), e.size_ptr()) < 0) throw_errno("getpeername");
  return e;
}
void tcp_stream::set_nodelay(bool on) {
  int v = on;
  if (::setsockopt(native_handle(), IPPROTO_TCP, TCP_NODELAY, &v, sizeof v) < 0) throw_errno("TCP_NODELAY");
}
void tcp_stream::shutdown_write() {
  if (::shutdown(native_handle(), SHUT_WR) < 0) throw_errno("shutdown");
}

tcp_listener tcp_listener::bind(const endpoint& ep, int backlog) {
  int fd = make_socket(ep.family(), SOCK_STREAM);
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (::bind(fd, ep.data(), ep.size()) < 0 || ::listen(fd, backlog) < 0) {
    int e = errno;
    ::close(fd);
    throw std::system_error(e, std::generic_category(), "bind/listen " + ep.to_string());
  }
  tcp_listener l;
  l.h_ = detail::fd_handle(fd);
  return l;
}
tcp_listener tcp_listener::bind(std::string_view address, std::uint16_t port, int backlog) {
  return bind(endpoint::ip(address, port), backlog);
}
endpoint tcp_listener::local_endpoint() const {
  endpoint e;
  if (::getsockname(h_.fd(), e.data(), e.size_ptr()) < 0) throw_errno("getsockname");
  return e;
}
long tcp_listener::accept_op::operator()() const {
  return errno_or(::accept4(fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC));
}

task<tcp_stream> connect(endpoint ep, detail::io_timeout timeout) {
  tcp_stream s(make_socket(ep.family(), SOCK_STREAM));
  co_await detail::io_awaiter<connect_op>(s.handle(), true, timeout,
                                          connect_op{s.native_handle(), ep});
  int one = 1;
  ::setsockopt(s.native_handle(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  co_return s;
}

task<tcp_stream> connect(std::string host, std::uint16_t port, detail::io_timeout timeout) {
  std::vector<endpoint> eps;
  bool numeric = true;
  try {
    eps.push_back(endpoint::ip(host, port));
  } catch (const std::invalid_argument&) {
    numeric = false;
  }
  if (!numeric) eps = co_await resolve(host, port);
  std::exception_ptr last;
  for (const endpoint& ep : eps) {
    std::optional<tcp_stream> s;
    try {
      s.emplace(co_await connect(ep, timeout));
    } catch (const std::system_error&) {
      last = std::current_exception();
    }
    if (s) co_return std::move(*s);
  }
  if (last) std::rethrow_exception(last);
  throw std::system_error(EHOSTUNREACH, std::generic_category(), "concur::net::connect " + host);
}

// --- UDP -------------------------------------------------------------------
udp_socket udp_socket::bind(const endpoint& ep) {
  int fd = make_socket(ep.family(), SOCK_DGRAM);
  if (::bind(fd, ep.data(), ep.size()) < 0) {
    int e = errno;
    ::close(fd);
    throw std::system_error(e, std::generic_category(), "bind " + ep.to_string());
  }
  udp_socket s;
  s.h_ = detail::fd_handle(fd);
  return s;
}
udp_socket udp_socket::bind(std::string_view address, std::uint16_t port) {
  return bind(endpoint::ip(address, port));
}
endpoint udp_socket::local_endpoint() const {
  endpoint e;
  if (::getsockname(h_.fd(), e.data(), e.size_ptr()) < 0) throw_errno("getsockname");
  return e;
}
long udp_socket::send_op::operator()() const {
  return errno_or(::sendto(fd, buf.data(), buf.size(), MSG_NOSIGNAL, to.data(), to.size()));
}
long udp_socket::recv_op::operator()() {
  from = endpoint();
  return errno_or(::recvfrom(fd, buf.data(), buf.size(), 0, from.data(), from.size_ptr()));
}

// --- Unix ------------------------------------------------------------------
task<unix_stream> unix_stream::connect(std::string path, detail::io_timeout timeout) {
  unix_stream s(make_socket(AF_UNIX, SOCK_STREAM));
  co_await detail::io_awaiter<connect_op>(s.handle(), true, timeout,
                                          connect_op{s.native_handle(), endpoint::unix_path(path)});
  co_return s;
}
std::pair<unix_stream, unix_stream> unix_stream::pair() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) < 0) throw_errno("socketpair");
  return {unix_stream(fds[0]), unix_stream(fds[1])};
}
unix_listener unix_listener::bind(const std::string& path, int backlog) {
  endpoint ep = endpoint::unix_path(path);
  ::unlink(path.c_str());
  int fd = make_socket(AF_UNIX, SOCK_STREAM);
  if (::bind(fd, ep.data(), ep.size()) < 0 || ::listen(fd, backlog) < 0) {
    int e = errno;
    ::close(fd);
    throw std::system_error(e, std::generic_category(), "bind/listen " + path);
  }
  unix_listener l;
  l.h_ = detail::fd_handle(fd);
  return l;
}
long unix_listener::accept_op::operator()() const {
  return errno_or(::accept4(fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC));
}

}  // namespace concur::net

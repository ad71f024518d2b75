// concur/stream_fd.hpp - an owned, non-blocking byte-stream descriptor
// (pipe end, socket, child's stdio) read and written from coroutines.
//
// Thread safety: one object is used from its loop's thread only; distinct
// objects are independent. At most one read and one write may wait at a time.
// Blocking: never blocks the loop: the system call is tried first and the task
// waits for readiness only on EAGAIN. On TCP streams and pipe::create's pipes
// a read that returned less than asked drained the descriptor, so the next
// read waits for readiness without trying: an echo request then costs one
// read and one write instead of read, write and a failed read. (The only case
// where a short read leaves data behind, TCP urgent data with SO_OOBINLINE
// off, then waits for the peer's next segment.)
// Cancellation: a waiting read/write throws operation_cancelled when the
// task's stop token is stopped. Timeouts: a non-zero `timeout` throws
// concur::timed_out when it expires first.
// Exceptions: std::system_error for OS errors (EPIPE, ECONNRESET...).
//
//   concur::pipe p = concur::pipe::create();
//   co_await p.writer.write_all("hello");
//   char buf[16];
//   std::size_t n = co_await p.reader.read(std::span(buf));
#pragma once

#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "concur/detail/io.hpp"
#include "concur/task.hpp"

namespace concur {

class stream_fd {
 public:
  using duration = detail::io_timeout;
  stream_fd() noexcept = default;
  /// Takes ownership of `fd` and makes it non-blocking.
  explicit stream_fd(int fd) : h_(fd) {}
  stream_fd(stream_fd&&) noexcept = default;
  stream_fd& operator=(stream_fd&&) noexcept = default;

  int native_handle() const noexcept { return h_.fd(); }
  bool is_open() const noexcept { return h_.is_open(); }
  void close() noexcept { h_.close(); }
  int release() noexcept { return h_.release(); }
  /// The registered descriptor (for custom io_awaiter operations).
  detail::fd_handle& handle() noexcept { return h_; }

  struct read_op {
    int fd;
    std::span<std::byte> buf;
    detail::io_state* st;  // set when a short read means drained
    long operator()() const {
      if (st && st->read_drained) return -EAGAIN;  // no EPOLLIN edge since
      ssize_t r = ::read(fd, buf.data(), buf.size());
      if (r < 0) return -errno;
      if (st && r > 0 && static_cast<std::size_t>(r) < buf.size() && !st->read_closed)
        st->read_drained = true;
      return r;
    }
  };
  /// Reads at most buf.size() bytes; 0 means end of stream.
  detail::io_awaiter<read_op> read(std::span<std::byte> buf, duration timeout = {}) {
    detail::io_state* st = short_read_drains_ && h_.loop() ? h_.state() : nullptr;
    return detail::io_awaiter<read_op>(h_, false, timeout, read_op{h_.fd(), buf, st});
  }
  auto read(std::span<char> buf, duration timeout = {}) {
    return read(std::as_writable_bytes(buf), timeout);
  }
  /// Writes some bytes; returns how many.
  auto write(std::span<const std::byte> buf, duration timeout = {}) {
    int fd = h_.fd();
    return (detail::io_awaiter(h_, true, timeout, [fd, buf]() -> long {
      ssize_t r = write_some(fd, buf.data(), buf.size());
      return r < 0 ? -errno : r;
    }));
  }
  auto write(std::string_view s, duration timeout = {}) {
    return write(std::as_bytes(std::span(s.data(), s.size())), timeout);
  }
  /// Writes every byte (several system calls if needed); returns the size.
  auto write_all(std::span<const std::byte> buf, duration timeout = {}) {
    int fd = h_.fd();
    return (detail::io_awaiter(h_, true, timeout, [fd, buf, done = std::size_t{0}]() mutable -> long {
      while (done < buf.size()) {
        ssize_t r = write_some(fd, buf.data() + done, buf.size() - done);
        if (r < 0) return -errno;
        done += static_cast<std::size_t>(r);
      }
      return static_cast<long>(done);
    }));
  }
  auto write_all(std::string_view s, duration timeout = {}) {
    return write_all(std::as_bytes(std::span(s.data(), s.size())), timeout);
  }
  /// Reads until end of stream.
  task<std::string> read_to_end(duration timeout_each = {});

 protected:
  friend struct pipe;
  static ssize_t write_some(int fd, const void* p, std::size_t n) noexcept;
  detail::fd_handle h_;
  bool short_read_drains_ = false;  // a byte stream whose short reads drain it
};

}  // namespace concur

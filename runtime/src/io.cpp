// io.cpp - fd_handle, stream_fd and pipe.
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <system_error>

#include "concur/pipe.hpp"
#include "concur/stream_fd.hpp"

namespace concur {
namespace detail {

fd_handle::fd_handle(int fd) : fd_(fd) {
  if (fd < 0) return;
  int fl = ::fcntl(fd, F_GETFL);
  if (fl < 0 || (!(fl & O_NONBLOCK) && ::fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0))
    throw std::system_error(errno, std::generic_category(), "fcntl(O_NONBLOCK)");
  if (event_loop* l = event_loop::current()) {
    loop_ = l;
    st_ = l->register_fd(fd);
  }
}

fd_handle::fd_handle(fd_handle&& o) noexcept
    : fd_(std::exchange(o.fd_, -1)), loop_(std::exchange(o.loop_, nullptr)), st_(std::exchange(o.st_, nullptr)) {}

fd_handle& fd_handle::operator=(fd_handle&& o) noexcept {
  if (this != &o) {
    close();
    fd_ = std::exchange(o.fd_, -1);
    loop_ = std::exchange(o.loop_, nullptr);
    st_ = std::exchange(o.st_, nullptr);
  }
  return *this;
}

void fd_handle::close() noexcept {
  if (st_) {
    // A waiter still registered is woken with EBADF by its own op.
    for (io_waiter** slot : {&st_->reader, &st_->writer})
      if (io_waiter* w = std::exchange(*slot, nullptr)) w->fail(w, EBADF);
    loop_->deregister_fd(st_);
    st_ = nullptr;
  }
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

int fd_handle::release() noexcept {
  if (st_) loop_->deregister_fd(st_);
  st_ = nullptr;
  return std::exchange(fd_, -1);
}

io_state* fd_handle::state() {
  if (!st_) {
    event_loop* l = event_loop::current();
    if (!l) throw std::logic_error("concur: I/O awaited outside an event loop");
    loop_ = l;
    st_ = l->register_fd(fd_);
  }
  return st_;
}

}  // namespace detail

ssize_t stream_fd::write_some(int fd, const void* p, std::size_t n) noexcept {
  ssize_t r = ::send(fd, p, n, MSG_NOSIGNAL);
  if (r < 0 && errno == ENOTSOCK) r = ::write(fd, p, n);
  return r;
}

task<std::string> stream_fd::read_to_end(duration timeout_each) {
  std::string out;
  char buf[16384];
  for (;;) {
    std::size_t n = co_await read(std::span<char>(buf), timeout_each);
    if (n == 0) break;
    out.append(buf, n);
  }
  co_return out;
}

pipe pipe::create() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) < 0)
    throw std::system_error(errno, std::generic_category(), "pipe2");
  pipe p{stream_fd(fds[0]), stream_fd(fds[1])};
  p.reader.short_read_drains_ = true;
  return p;
}

}  // namespace concur

// --- async_file ------------------------------------------------------------
#include <fcntl.h>

#include "concur/async_file.hpp"
#include "concur/to_thread.hpp"

namespace concur::async_file {
namespace {
std::string read_blocking(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "open " + path);
  std::string out;
  char buf[65536];
  for (;;) {
    ssize_t r = ::read(fd, buf, sizeof buf);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      int e = errno;
      ::close(fd);
      throw std::system_error(e, std::generic_category(), "read " + path);
    }
    if (r == 0) break;
    out.append(buf, static_cast<std::size_t>(r));
  }
  ::close(fd);
  return out;
}
void write_blocking(const std::string& path, const std::string& data, int flags) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0644);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "open " + path);
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t r = ::write(fd, data.data() + done, data.size() - done);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      int e = errno;
      ::close(fd);
      throw std::system_error(e, std::generic_category(), "write " + path);
    }
    done += static_cast<std::size_t>(r);
  }
  if (::close(fd) < 0) throw std::system_error(errno, std::generic_category(), "close " + path);
}
}  // namespace

task<std::string> read_all(std::string path) { co_return co_await to_thread(&read_blocking, std::move(path)); }
task<void> write_all(std::string path, std::string data) {
  co_await to_thread(&write_blocking, std::move(path), std::move(data), static_cast<int>(O_TRUNC));
}
task<void> append(std::string path, std::string data) {
  co_await to_thread(&write_blocking, std::move(path), std::move(data), static_cast<int>(O_APPEND));
}
}  // namespace concur::async_file

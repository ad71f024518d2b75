// Descriptor provenance in one file (issue 9, item 1): a descriptor made
// non-blocking anywhere the program shows is non-blocking where it is read;
// O_NONBLOCK on one descriptor does not hide a blocking call on another.
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-blocking-in-coroutine]'

#include <array>
#include <cerrno>
#include <coroutine>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// A wake-up pipe: both ends made non-blocking in the constructor, with the
// flags built in a variable first, over a range-for of the member array.
class wake_pipe {
public:
  wake_pipe() {
    if (pipe(fds_) != 0)
      return;
    for (int fd : fds_) {
      int flags = fcntl(fd, F_GETFL);
      flags |= O_NONBLOCK;
      fcntl(fd, F_SETFL, flags);
    }
  }
  int read_end() const { return fds_[0]; }
  int write_end() const { return fds_[1]; }

private:
  int fds_[2];
};

task notify(wake_pipe &p) {
  char one = 1;
  write(p.write_end(), &one, 1);
  co_return;
}

// A factory returning a descriptor made non-blocking at creation.
int make_listener() { return socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0); }

task serve_once() {
  int listener = make_listener();
  int client = accept4(listener, nullptr, nullptr, SOCK_NONBLOCK);
  char buf[64];
  recv(client, buf, sizeof buf, 0);
  co_return;
}

// ioctl(FIONBIO) on a parameter-held descriptor made in the same function.
task drain(int port_fd) {
  int on = 1;
  ioctl(port_fd, FIONBIO, &on);
  char buf[64];
  read(port_fd, buf, sizeof buf);
  co_return;
}

// A read that expects "would block" is on a non-blocking descriptor.
task try_read(int fd) {
  char buf[64];
  ssize_t n = read(fd, buf, sizeof buf);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    co_return;
}

// pipe2 with O_NONBLOCK: both ends.
task pipe_pair() {
  int ends[2];
  if (pipe2(ends, O_NONBLOCK) != 0)
    co_return;
  char c;
  read(ends[0], &c, 1);
}

// The same pipe over a std::array, reached through a member function and a
// getter returning a reference to an element.
class array_pipe {
public:
  array_pipe() {
    if (pipe(fds_.data()) != 0)
      return;
    for (const auto &fd : fds_)
      fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  }
  const int &write_fd() const { return fds_[1]; }
  long put(const void *bytes, unsigned long n) { return write(write_fd(), bytes, n); }
  long get(void *buf, unsigned long n) { return read(fds_[0], buf, n); }

private:
  std::array<int, 2> fds_{-1, -1};
};

task wake(array_pipe &p) {
  char one = 1;
  p.put(&one, 1);
  p.get(&one, 1);
  co_return;
}

// pipe2 on a std::array member, read through data().
struct array_pipe2 {
  std::array<int, 2> ends;
  array_pipe2() { pipe2(ends.data(), O_NONBLOCK); }
};

task pipe2_array(array_pipe2 &p) {
  char c;
  read(p.ends[0], &c, 1);
  co_return;
}

// An owning handle made by a factory that wraps a non-blocking eventfd,
// stored by a constructor's member initializer and read through the
// handle's accessor.
class unique_fd {
public:
  explicit unique_fd(int fd) : fd_(fd) {}
  unique_fd(unique_fd &&other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  ~unique_fd() { if (fd_ >= 0) close(fd_); }
  int fd() const { return fd_; }

private:
  int fd_;
};

unique_fd make_wakeup_fd() {
  int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  return unique_fd{fd};
}

class waker {
public:
  waker() : wakeup_(make_wakeup_fd()) {}
  void wake() const {
    unsigned long long one = 1;
    write(wakeup_.fd(), &one, sizeof one);
  }

private:
  unique_fd wakeup_;
};

task signal_loop(waker &w) {
  w.wake();
  co_return;
}

// --- fires ------------------------------------------------------------------
// O_NONBLOCK on one descriptor does not make another one non-blocking.
task two_descriptors(int blocking_fd) {
  int nb = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  char buf[64];
  recv(nb, buf, sizeof buf, 0);
  read(blocking_fd, buf, sizeof buf);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'read' inside coroutine 'two_descriptors' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

// A factory whose socket stays blocking.
int make_blocking() { return socket(AF_INET, SOCK_STREAM, 0); }

task blocking_factory() {
  int fd = make_blocking();
  char buf[64];
  recv(fd, buf, sizeof buf, 0);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'recv' inside coroutine 'blocking_factory' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

// The same handle type, from a factory whose descriptor stays blocking: the
// other member's non-blocking descriptor does not cover this one.
unique_fd open_log(const char *path) { return unique_fd(open(path, O_WRONLY | O_APPEND)); }

class logger {
public:
  explicit logger(const char *path) : log_(open_log(path)) {}
  void put(const char *line, unsigned long n) const { write(log_.fd(), line, n); }

private:
  unique_fd log_;
};

task log_line(logger &l) {
  l.put("x\n", 2);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'write' inside coroutine 'log_line' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

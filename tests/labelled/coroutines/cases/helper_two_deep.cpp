#include <unistd.h>
#include <chrono>
#include <thread>
#include "../loop.hpp"

static char last;

static ssize_t fill(int fd, char* buf, size_t n) { return read(fd, buf, n); }

static char next_byte(int fd) {
  char buf[8];
  ssize_t n = fill(fd, buf, sizeof buf);
  return n > 0 ? buf[0] : 0;
}

lp::task process(int fd) {
  co_await lp::sleep_ms(1);
  last = next_byte(fd);
}

int main() {
  int fds[2];
  if (pipe(fds) != 0) return 2;
  std::thread w([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    (void)!write(fds[1], "q", 1);
  });
  lp::measure(process(fds[0]));
  w.join();
  return last == 'q' ? 0 : 1;
}

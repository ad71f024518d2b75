#include <unistd.h>
#include <chrono>
#include <thread>
#include "../loop.hpp"

static char got;

lp::task process(int fd) {
  co_await lp::sleep_ms(1);
  char buf[16];
  ssize_t n = read(fd, buf, sizeof buf);
  if (n > 0) got = buf[0];
}

int main() {
  int fds[2];
  if (pipe(fds) != 0) return 2;
  std::thread w([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    (void)!write(fds[1], "x", 1);
  });
  lp::measure(process(fds[0]));
  w.join();
  return got == 'x' ? 0 : 1;
}

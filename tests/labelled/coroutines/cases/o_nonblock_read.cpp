#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <chrono>
#include <thread>
#include "../loop.hpp"

static char got;

lp::task step(int fd) {
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
  char buf[16];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
      got = buf[0];
      break;
    }
    co_await lp::sleep_ms(1);
  }
}

int main() {
  int fds[2];
  if (pipe(fds) != 0) return 2;
  std::thread w([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    (void)!write(fds[1], "k", 1);
  });
  lp::measure(step(fds[0]));
  w.join();
  return got == 'k' ? 0 : 1;
}

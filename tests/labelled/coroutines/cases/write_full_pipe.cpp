#include <fcntl.h>
#include <unistd.h>
#include <chrono>
#include <thread>
#include "../loop.hpp"

static ssize_t wrote;

lp::task process(int fd) {
  co_await lp::sleep_ms(1);
  static char block[4096];
  wrote = write(fd, block, sizeof block);
}

int main() {
  int fds[2];
  if (pipe(fds) != 0) return 2;
  int fl = fcntl(fds[1], F_GETFL);
  fcntl(fds[1], F_SETFL, fl | O_NONBLOCK);
  static char fill[4096];
  while (write(fds[1], fill, sizeof fill) > 0) {
  }
  fcntl(fds[1], F_SETFL, fl);
  std::thread r([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    static char sink[1 << 17];
    (void)!read(fds[0], sink, sizeof sink);
  });
  lp::measure(process(fds[1]));
  r.join();
  return wrote == 4096 ? 0 : 1;
}

#include <unistd.h>
#include <chrono>
#include <thread>
#include "../loop.hpp"

static ssize_t got;

lp::task handle(int fd) {
  co_await lp::sleep_ms(1);
  char buf[16];
  co_await lp::run_on_thread([&] { got = read(fd, buf, sizeof buf); });
}

int main() {
  int fds[2];
  if (pipe(fds) != 0) return 2;
  std::thread w([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    (void)!write(fds[1], "zz", 2);
  });
  lp::measure(handle(fds[0]));
  w.join();
  return got == 2 ? 0 : 1;
}

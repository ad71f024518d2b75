#include <fcntl.h>
#include <unistd.h>
#include <atomic>
#include <chrono>
#include <thread>
#include "../loop.hpp"

static std::atomic<int> wfd{-1};
static char got;

lp::task work() {
  int p[2];
  if (pipe2(p, O_NONBLOCK) != 0) co_return;
  wfd = p[1];
  char buf[8];
  for (;;) {
    ssize_t n = read(p[0], buf, sizeof buf);
    if (n > 0) {
      got = buf[0];
      break;
    }
    co_await lp::sleep_ms(1);
  }
}

int main() {
  std::thread w([] {
    while (wfd.load() < 0) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    (void)!write(wfd.load(), "m", 1);
  });
  lp::measure(work());
  w.join();
  return got == 'm' ? 0 : 1;
}

#include <stdio.h>
#include <unistd.h>
#include <chrono>
#include <thread>
#include "../loop.hpp"

static size_t got;

lp::task work(FILE* in) {
  co_await lp::sleep_ms(1);
  char buf[4];
  got = fread(buf, 1, sizeof buf, in);
}

int main() {
  int fds[2];
  if (pipe(fds) != 0) return 2;
  FILE* in = fdopen(fds[0], "r");
  std::thread w([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    (void)!write(fds[1], "wxyz", 4);
  });
  lp::measure(work(in));
  w.join();
  return got == 4 ? 0 : 1;
}

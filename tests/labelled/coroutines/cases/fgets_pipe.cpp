#include <stdio.h>
#include <unistd.h>
#include <chrono>
#include <thread>
#include "../loop.hpp"

static char line[64];

lp::task step(FILE* in) {
  co_await lp::sleep_ms(1);
  if (fgets(line, sizeof line, in) == nullptr) line[0] = 0;
}

int main() {
  int fds[2];
  if (pipe(fds) != 0) return 2;
  FILE* in = fdopen(fds[0], "r");
  std::thread w([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    (void)!write(fds[1], "abc\n", 4);
  });
  lp::measure(step(in));
  w.join();
  return line[0] == 'a' ? 0 : 1;
}

#include <unistd.h>
#include "../../loop.hpp"

int format(int v);
long drain(int fd);

static int total;

lp::task step() {
  for (int i = 0; i < 5; ++i) {
    co_await lp::sleep_ms(2);
    total += format(i);
  }
}

int main() {
  lp::measure(step());
  int fds[2];
  if (pipe(fds) != 0) return 2;
  (void)!write(fds[1], "abc", 3);
  close(fds[1]);
  long n = drain(fds[0]);
  return total > 0 && n == 3 ? 0 : 1;
}

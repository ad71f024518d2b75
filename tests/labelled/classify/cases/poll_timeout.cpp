// Polls a descriptor nobody writes to, with a timeout, a few times.
#include "../measure.hpp"

#include <cstdio>
#include <poll.h>
#include <unistd.h>

int step(int fd) {
  struct pollfd p = {fd, POLLIN, 0};
  int ready = 0;
  for (int attempt = 0; attempt < 4; ++attempt)
    ready += poll(&p, 1, 30);
  return ready;
}

int main() {
  int fds[2];
  if (pipe(fds) != 0)
    return 1;
  int r = 0;
  concur_measure("step", [&] { r = step(fds[0]); });
  std::fprintf(stderr, "%d\n", r);
}

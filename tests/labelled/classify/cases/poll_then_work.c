/* C: waits on a descriptor with a timeout, then computes; a few rounds. */
#include "../measure.hpp"

#include <poll.h>
#include <unistd.h>

struct state {
  int fd;
  unsigned long acc;
};

void run_one(void *arg) {
  struct state *s = (struct state *)arg;
  struct pollfd p = {s->fd, POLLIN, 0};
  for (int round = 0; round < 4; round++) {
    poll(&p, 1, 30);
    unsigned long x = s->acc | 1;
    for (long i = 0; i < 12000000; i++) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      s->acc += x % 1000003;
    }
  }
}

int main(void) {
  int fds[2];
  if (pipe(fds) != 0)
    return 1;
  struct state s = {fds[0], 0};
  concur_measure("run_one", run_one, &s);
  fprintf(stderr, "%lu\n", s.acc);
  return 0;
}

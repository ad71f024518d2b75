/* C: select with a timeout on a pipe that stays empty. */
#include "../measure.hpp"

#include <sys/select.h>
#include <unistd.h>

struct ctx {
  int fd;
  int result;
};

void task_a(void *arg) {
  struct ctx *c = (struct ctx *)arg;
  fd_set set;
  FD_ZERO(&set);
  FD_SET(c->fd, &set);
  struct timeval tv = {0, 120000};
  c->result = select(c->fd + 1, &set, NULL, NULL, &tv);
}

int main(void) {
  int fds[2];
  if (pipe(fds) != 0)
    return 1;
  struct ctx c = {fds[0], -1};
  concur_measure("task_a", task_a, &c);
  fprintf(stderr, "%d\n", c.result);
  return 0;
}

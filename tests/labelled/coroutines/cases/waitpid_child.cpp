#include <sys/wait.h>
#include <unistd.h>
#include "../loop.hpp"

static int status = -1;

lp::task step(pid_t pid) {
  co_await lp::sleep_ms(1);
  waitpid(pid, &status, 0);
}

int main() {
  pid_t pid = fork();
  if (pid == 0) {
    usleep(60000);
    _exit(0);
  }
  lp::measure(step(pid));
  return status == 0 ? 0 : 1;
}

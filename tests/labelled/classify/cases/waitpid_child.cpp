// Waits for a child process to finish.
#include "../measure.hpp"

#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

int reap(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main() {
  pid_t pid = fork();
  if (pid == 0) {
    usleep(120000);
    _exit(7);
  }
  int r = 0;
  concur_measure("reap", [&] { r = reap(pid); });
  std::fprintf(stderr, "%d\n", r);
}

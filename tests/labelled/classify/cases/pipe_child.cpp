// Reads everything from a pipe whose writer is a child process that pauses
// between writes.
#include "../measure.hpp"

#include <cstdio>
#include <cstring>
#include <sys/wait.h>
#include <unistd.h>

size_t process(int fd) {
  char buf[256];
  size_t total = 0;
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0)
      break;
    total += static_cast<size_t>(n);
  }
  return total;
}

int main() {
  int fds[2];
  if (pipe(fds) != 0)
    return 1;
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    const char line[] = "record\n";
    for (int i = 0; i < 4; ++i) {
      usleep(30000);
      if (write(fds[1], line, std::strlen(line)) < 0)
        _exit(1);
    }
    _exit(0);
  }
  close(fds[1]);
  size_t r = 0;
  concur_measure("process", [&] { r = process(fds[0]); });
  waitpid(pid, nullptr, 0);
  std::fprintf(stderr, "%zu\n", r);
}

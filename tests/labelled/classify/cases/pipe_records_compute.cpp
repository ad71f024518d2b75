// Asks a child process for records over one pipe and reads them from another
// (the child takes 30 ms to answer each request), computing over each record.
#include "../measure.hpp"

#include <csignal>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace ingest {

double handle(int ask_fd, int fd) {
  double total = 0;
  int value;
  std::vector<double> work(1 << 16);
  const char ask = '?';
  while (write(ask_fd, &ask, 1) == 1 &&
         read(fd, &value, sizeof value) == static_cast<ssize_t>(sizeof value)) {
    for (size_t i = 0; i < work.size(); ++i)
      work[i] = value + static_cast<double>(i);
    for (int round = 0; round < 350; ++round)
      for (double &w : work)
        w = w * 0.5 + 1.0 / (w + 1.0);
    total += work[value % work.size()];
  }
  return total;
}

} // namespace ingest

int main() {
  int fds[2], asks[2];
  if (pipe(fds) != 0 || pipe(asks) != 0)
    return 1;
  signal(SIGPIPE, SIG_IGN);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    close(asks[1]);
    char ask;
    for (int i = 1; i <= 4 && read(asks[0], &ask, 1) == 1; ++i) {
      usleep(30000);
      if (write(fds[1], &i, sizeof i) < 0)
        _exit(1);
    }
    _exit(0);
  }
  close(fds[1]);
  close(asks[0]);
  double r = 0;
  concur_measure("ingest::handle", [&] { r = ingest::handle(asks[1], fds[0]); });
  waitpid(pid, nullptr, 0);
  std::fprintf(stderr, "%f\n", r);
}

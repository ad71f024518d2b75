// Appends records to a shared file under an exclusive advisory lock, forcing
// each record to disk. Another process holds the lock for a while first.
// (On this machine's storage an fsync alone takes ~0.2 ms with a fifth of it
// on the CPU, which is too close to the io/mixed border to be a clean label;
// the wait for the lock holder makes the truth unambiguous.)
#include "../measure.hpp"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

namespace store {

int save(const char *path, int records) {
  FILE *f = std::fopen(path, "a");
  if (!f)
    return -1;
  flock(fileno(f), LOCK_EX);
  char line[64];
  int written = 0;
  for (int i = 0; i < records; ++i) {
    int n = std::snprintf(line, sizeof line, "record %d\n", i);
    written += static_cast<int>(std::fwrite(line, 1, n, f));
    std::fflush(f);
    fsync(fileno(f));
  }
  flock(fileno(f), LOCK_UN);
  std::fclose(f);
  return written;
}

} // namespace store

int main() {
  char path[] = "/var/tmp/concur-labelled-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0)
    return 1;
  int ready[2];
  if (pipe(ready) != 0)
    return 1;
  pid_t pid = fork();
  if (pid == 0) {
    int own = open(path, O_WRONLY);
    flock(own, LOCK_EX);
    if (write(ready[1], "k", 1) != 1)
      _exit(1);
    usleep(100000);
    flock(own, LOCK_UN);
    _exit(0);
  }
  char k;
  if (read(ready[0], &k, 1) != 1)
    return 1;
  int r = 0;
  concur_measure("store::save", [&] { r = store::save(path, 10); });
  waitpid(pid, nullptr, 0);
  close(fd);
  unlink(path);
  std::fprintf(stderr, "%d\n", r);
}

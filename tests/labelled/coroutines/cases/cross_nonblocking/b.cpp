#include <unistd.h>

int format(int v) { return v * 7 + 1; }

long drain(int fd) {
  char buf[64];
  long total = 0;
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) break;
    total += n;
  }
  return total;
}

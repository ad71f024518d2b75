#include <unistd.h>

long helper(int fd) {
  char buf[128];
  return read(fd, buf, sizeof buf);
}

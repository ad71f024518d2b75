#include "app/net.h"
#include <wire.h>
task serve(int fd) {
  char buf[64];
  read(fd, buf, sizeof buf);
  co_return;
}

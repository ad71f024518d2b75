#pragma once
#include "../task.h"
#include <unistd.h>
inline task drain(int fd) {
  char buf[64];
  read(fd, buf, sizeof buf);
  co_return;
}

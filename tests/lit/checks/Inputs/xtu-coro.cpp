#include <task.h>
int a(int fd);
task<> serve(int fd) {
  int n = a(fd);
  (void)n;
  co_return;
}

#include <time.h>

int helper(int n) {
  timespec ts{0, 60 * 1000 * 1000};
  nanosleep(&ts, nullptr);
  return n * 2;
}

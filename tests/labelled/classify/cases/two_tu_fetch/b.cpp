#include <time.h>

int fetch(int key) {
  struct timespec ts = {0, 20 * 1000 * 1000};
  clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, nullptr);
  return key * 2;
}

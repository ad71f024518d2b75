/* C: waits with nanosleep until a counter reaches a target. */
#include "../measure.hpp"

#include <time.h>

static int counter;

void handle(void *arg) {
  int target = *(int *)arg;
  struct timespec ts = {0, 25 * 1000 * 1000};
  while (counter < target) {
    nanosleep(&ts, NULL);
    counter++;
  }
}

int main(void) {
  int target = 4;
  concur_measure("handle", handle, &target);
  fprintf(stderr, "%d\n", counter);
  return 0;
}

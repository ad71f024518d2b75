/* C: Monte Carlo estimate using the process-global rand() state. */
#include "../measure.hpp"

#include <stdlib.h>

struct job {
  long samples;
  double estimate;
};

void simulate(void *arg) {
  struct job *j = (struct job *)arg;
  long inside = 0;
  srand(7);
  for (long i = 0; i < j->samples; i++) {
    double x = (double)rand() / RAND_MAX;
    double y = (double)rand() / RAND_MAX;
    if (x * x + y * y <= 1.0)
      inside++;
  }
  j->estimate = 4.0 * (double)inside / (double)j->samples;
}

int main(void) {
  struct job j = {10000000, 0.0};
  concur_measure("simulate", simulate, &j);
  fprintf(stderr, "%f\n", j.estimate);
  return 0;
}
